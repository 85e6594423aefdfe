// A model of the Kubeflow PodDefault admission webhook (kubeflow/dashboard
// `components/poddefaults-webhooks`): which PodDefaults select a pod, whether their merge conflicts, and
// the pod it writes back. One small function per merge rule, like the webhook's mergeVolumes/mergeEnv.
// Messages carry names, keys and paths only, never an env value or anything read from a Secret.
import { compareNames, MAX_PODDEFAULT_NAME_LENGTH, shownKey, shownName } from '../names';
import { conflictSubject, shownConflictKey } from './conflict-subject';
import { deepCopy, nameOf, str } from './manifest';
import { ANNOTATION_PREFIX, MergeConflict, mergePodDefaults, POD } from './merge';
import { podAsStored } from './pod-as-stored';
import { parseSelector } from './selector';
import { storedPodDefault } from './stored-pod-default';

const EXCLUDE_ANNOTATION = `${ANNOTATION_PREFIX}/exclude`;
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/**
 * Options for `PodDefaultAdmission.admit`.
 */
export interface AdmissionOptions {
  /**
   * The namespace of the admission request, used for a pod (and a PodDefault) whose manifest has none.
   *
   * @default - the pod's own `metadata.namespace`; a pod without one only meets PodDefaults without one
   */
  readonly namespace?: string;
}

/**
 * One reason the webhook rejects a pod.
 */
export interface AdmissionConflict {
  /**
   * What clashed: `volume`, `volume-mount-name`, `volume-mount-path`, `env`, `label`, `annotation`,
   * `toleration`, `init-container`, `sidecar`, `selector` (an invalid selector in the namespace),
   * `name-length` (a PodDefault name too long for the annotation the webhook adds) or `json-patch` (sidecars
   * added to a pod with two or more containers the merge changes: the webhook's patch cannot be applied).
   */
  readonly rule: string;

  /**
   * The clashing volume name, mount path, env name, label or annotation key, toleration key or container
   * name; for `selector`, the selector key at fault; for `json-patch`, the changed containers, comma-separated.
   * One that may be a credential pasted in its place (a character no name has, too long, a token) is described, not
   * shown: `(key not shown, as it may be a secret: 300 characters, a space at character 17)`.
   */
  readonly key: string;

  /**
   * The PodDefaults involved, by name. When the clash is with the pod's own entry, only the PodDefault.
   */
  readonly podDefaults: string[];

  /**
   * The container the clash is in, for env and volume mounts.
   *
   * @default - the clash is at pod level
   */
  readonly container?: string;

  /**
   * A readable description; names, keys and paths only.
   */
  readonly message: string;
}

/**
 * What the webhook does with a pod.
 */
export interface AdmissionResult {
  /** Whether the webhook admits the pod. */
  readonly allowed: boolean;

  /**
   * When allowed, the pod as the API server stores it after the webhook: zero values of `omitempty`
   * fields left out, as Go writes them (`readOnly: false`, a toleration's `key: ""`). Pointer fields such
   * as `optional: false` kept. What the PodDefaults add is what the API server stored of them: without the
   * fields the PodDefault CRD does not declare (a container's `restartPolicy` and `resizePolicy`, a mount's
   * `recursiveReadOnly`, an `image` volume's source) and with a container port's `protocol: TCP`, then decoded
   * by the webhook's k8s.io/api v0.28.1. When refused, an unchanged copy of the input.
   */
  readonly pod: any;

  /** Every conflict found; empty when allowed. */
  readonly conflicts: AdmissionConflict[];

  /** The names of the PodDefaults applied, in the order the webhook merges them (by name). */
  readonly applied: string[];
}

/**
 * Predicts what the Kubeflow PodDefault webhook does with a pod on CREATE.
 *
 * @example
 * const manifests = Testing.synth(chart);
 * const result = PodDefaultAdmission.admit(notebookPod, manifests.filter(m => m.kind === 'PodDefault'));
 */
export class PodDefaultAdmission {
  /**
   * The pod annotation that makes the webhook leave a pod alone (value `"true"`).
   */
  public static readonly EXCLUDE_ANNOTATION = EXCLUDE_ANNOTATION;

  /**
   * Runs the webhook's admission of `pod` against `podDefaults`.
   *
   * Only PodDefaults of the pod's namespace count (a PodDefault manifest without a namespace counts as
   * being in `options.namespace`, else in the pod's). Nothing is applied when any of them conflicts.
   *
   * @param pod a Pod manifest (`{apiVersion, kind, metadata, spec}`), as the API server passes it on
   * @param podDefaults PodDefault manifests, in any order, read as the API server stores them: fields the PodDefault CRD
   * does not declare pruned, `null` fields dropped, a container port's `protocol` defaulted to `TCP`
   */
  public static admit(pod: any, podDefaults: any[], options: AdmissionOptions = {}): AdmissionResult {
    const input = deepCopy(pod ?? {});
    // The webhook decodes the pod the API server encoded (main.go L627): its empty lists and zero values
    // are absent there, and its quantities canonical.
    const sent = podAsStored(input);
    // main.go L633: a pod without a namespace is in the request's.
    const namespace = str(sent.metadata?.namespace) || options.namespace;
    const annotations = sent.metadata?.annotations ?? {};
    if (annotations[EXCLUDE_ANNOTATION] === 'true' || annotations[MIRROR_POD_ANNOTATION] !== undefined) {
      return { allowed: true, pod: sent, conflicts: [], applied: [] };
    }

    // main.go L654 lists the PodDefaults as the API server stored them: fields the CRD lacks pruned, null
    // fields dropped, defaults set.
    const inNamespace = (podDefaults ?? [])
      .filter(pd => (str(pd?.metadata?.namespace) || options.namespace || namespace) === namespace)
      .map(storedPodDefault)
      .sort((a, b) => compareNames(nameOf(a), nameOf(b)));

    const labels = sent.metadata?.labels ?? {};
    const matching: any[] = [];
    const selectorConflicts: AdmissionConflict[] = [];
    for (const pd of inNamespace) {
      const selector = parseSelector(pd.spec?.selector);
      if (selector.error !== undefined) {
        selectorConflicts.push({
          rule: 'selector',
          key: shownKey(selector.key ?? ''),
          podDefaults: [nameOf(pd)],
          message: `poddefault ${shownName(nameOf(pd), 'name')} has an invalid selector: ${selector.error}; the webhook rejects every pod of the namespace`,
        });
      } else if (selector.matches(labels)) {
        matching.push(pd);
      }
    }
    if (selectorConflicts.length > 0) {
      return { allowed: false, pod: input, conflicts: selectorConflicts, applied: [] };
    }
    if (matching.length === 0) {
      return { allowed: true, pod: sent, conflicts: [], applied: [] };
    }

    const merged = mergePodDefaults(sent, matching);
    const conflicts = [
      ...merged.conflicts.map(c => toAdmissionConflict(c, matching)),
      ...matching.filter(pd => nameOf(pd).length > MAX_PODDEFAULT_NAME_LENGTH).map(pd => ({
        rule: 'name-length',
        key: shownName(nameOf(pd), 'name'),
        podDefaults: [nameOf(pd)],
        message: `poddefault ${shownName(nameOf(pd), 'name')} has a name over ${MAX_PODDEFAULT_NAME_LENGTH} characters, so the annotation the webhook adds is not a valid key and the pod is refused`,
      })),
    ];
    if (conflicts.length > 0) {
      return { allowed: false, pod: input, conflicts, applied: [] };
    }
    return { allowed: true, pod: podAsStored(merged.pod), conflicts: [], applied: matching.map(nameOf) };
  }
}


/**
 * A readable description of a conflict between the named parties. `parties` are PodDefault names, or
 * `undefined` for the pod's own entry.
 */
function describeConflict(rule: string, key: string, parties: (string | undefined)[], container?: string): string {
  const subject = conflictSubject(rule, key, container);
  const names = parties.filter((p): p is string => p !== undefined).map(p => shownName(p, 'name'));
  const byPod = parties.some(p => p === undefined);
  if (rule === 'sidecar' && byPod) {
    return `poddefault ${names.join(', ')} adds ${subject}, which the pod already has`;
  }
  const who = byPod
    ? `the pod and poddefault ${names.join(', ')}`
    : `poddefaults ${names.join(' and ')}`;
  return `${subject} differs between ${who}`;
}

function toAdmissionConflict(c: MergeConflict, podDefaults: any[]): AdmissionConflict {
  const parties = c.sources.map(s => (s === POD ? undefined : nameOf(podDefaults[s])));
  const message = c.rule === 'json-patch'
    ? `poddefault ${shownNames(parties)} ${parties.length > 1 ? 'add' : 'adds'} sidecar ${shownNames(c.sidecars ?? [])} and `
      + `${c.key.includes(', ') ? 'changes containers' : 'changes container'} ${shownNames(c.key.split(', '))}: the webhook's JSON patch removes each changed `
      + 'container by its old index, one after the other, so the API server cannot apply it'
    : describeConflict(c.rule, c.key, parties, c.container);
  const names = parties.filter((p): p is string => p !== undefined);
  const key = c.rule === 'json-patch' ? shownNames(c.key.split(', ')) : shownConflictKey(c.rule, c.key);
  return c.container === undefined
    ? { rule: c.rule, key, podDefaults: names, message }
    : { rule: c.rule, key, podDefaults: names, container: c.container, message };
}

/** Names joined by ", ", each that may be a credential pasted in its place described. */
function shownNames(names: readonly (string | undefined)[]): string {
  return names.map(n => (n === undefined ? '' : shownName(n, 'name'))).join(', ');
}

