// The ServiceAccount token the kubelet projects into a pod, for an audience other than the API server:
// what every keyless identity (and the Pipelines API access) mounts. Its volume, and the checks of its
// lifetime and audience, once.
import { k8s } from 'cdk8s-plus-28';
import { fieldError } from '../errors';
import { hasLoneSurrogate, NameRule, quote, refusal } from '../names';

/** The kube-apiserver's bounds on a projected token's lifetime (`expirationSeconds`). */
export const KUBERNETES_MIN_EXPIRATION_SECONDS = 600;
export const KUBERNETES_MAX_EXPIRATION_SECONDS = 2 ** 32;

/** The lifetimes a construct accepts, and what it says about them. */
export interface ExpirationBounds {
  readonly defaultSeconds: number;
  readonly min: number;
  readonly max: number;
  /** Who sets the bounds, for messages: `Kubernetes' minimum` after the minimum, or a range's owner. */
  readonly why: string;
}

/** Kubernetes' own bounds, with the construct's default. */
export function kubernetesBounds(defaultSeconds: number): ExpirationBounds {
  return { defaultSeconds, min: KUBERNETES_MIN_EXPIRATION_SECONDS, max: KUBERNETES_MAX_EXPIRATION_SECONDS, why: 'Kubernetes\' minimum' };
}

/** `expirationSeconds` of the construct at `path`, its default when not given, or why it is refused. */
export function checkedExpirationSeconds(path: string, value: unknown, bounds: ExpirationBounds): number {
  const seconds = value ?? bounds.defaultSeconds;
  if (typeof seconds !== 'number') {
    // JavaScript callers can pass anything; a symbol or an object without a prototype cannot even be printed.
    throw fieldError(path, 'expirationSeconds', `is a ${typeof seconds}, not a number: give a whole number of seconds such as ${bounds.defaultSeconds}`);
  }
  if (!Number.isInteger(seconds) || seconds < bounds.min || seconds > bounds.max) {
    throw fieldError(path, 'expirationSeconds', `${seconds} is not a whole number of seconds from ${bounds.min} (${bounds.why}) to ${bounds.max}: give one such as ${bounds.defaultSeconds}`);
  }
  return seconds;
}

/** An audience: any text but whitespace and control characters; half a surrogate pair would be written as U+FFFD. */
const AUDIENCE: NameRule = { text: 'non-empty text without whitespace or control characters', character: /^[^\s\u0000-\u001f\u007f\ud800-\udfff]$/u };

/**
 * `audience` of the construct at `path`, `defaultAudience` when not given. `whose` says whose audience it
 * must be, for the fix (`the TOKEN_REVIEW_AUDIENCE of the ml-pipeline Deployment`).
 */
export function checkedAudience(path: string, value: unknown, defaultAudience: string, whose: string): string {
  const audience = value ?? defaultAudience;
  // A lone surrogate would be written as U+FFFD, an audience nobody issues tokens for.
  if (typeof audience !== 'string' || audience === '' || /[\s\u0000-\u001f\u007f]/.test(audience) || hasLoneSurrogate(audience)) {
    throw fieldError(path, 'audience', `${refusal(audience, AUDIENCE, 'an audience')}: give ${whose}, or leave audience out for ${quote(defaultAudience)}`);
  }
  return audience;
}

/**
 * The `defaultMode` the API server gives a projected volume that has none (kubernetes
 * `pkg/apis/core/v1/defaults.go`, `SetDefaults_ProjectedVolumeSource`: `ProjectedVolumeSourceDefaultMode`,
 * 0644). It defaults a pod again after each mutating webhook's patch (`k8s.io/apiserver`
 * `pkg/admission/plugin/webhook/mutating/dispatcher.go`, `callAttrMutatingHook`), so a cloud webhook that
 * runs before the PodDefault webhook leaves its token volume with this mode, and the PodDefault webhook
 * (`mergeVolumes`, `reflect.DeepEqual`) refuses the pod unless the PodDefault's volume has it too.
 */
export const PROJECTED_DEFAULT_MODE = 0o644;

/**
 * A volume holding one projected ServiceAccount token, at `file`, for `audience`; with `defaultMode`
 * when given (`PROJECTED_DEFAULT_MODE` for a volume a cloud's webhook may inject first).
 */
export function projectedTokenVolume(name: string, file: string, audience: string, expirationSeconds: number, defaultMode?: number): k8s.Volume {
  const sources = [{ serviceAccountToken: { path: file, expirationSeconds, audience } }];
  return { name, projected: defaultMode === undefined ? { sources } : { sources, defaultMode } };
}

