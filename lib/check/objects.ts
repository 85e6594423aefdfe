// The checked objects as the rules read them: each manifest once classified, with its namespace,
// name and source, and for PodDefaults the parsed selector and mutual-exclusion markers.
import { parseSelector, ParsedSelector } from '../admission/selector';
import { Refusal, storeFields } from '../admission/stored-pod-default';
import { str } from '../json';
import { shownName } from '../names';
import { ExternalSecretVerdict, judgeExternalSecret } from './external-secret';
import { apiGroup, isNamespaced } from './input-model';
import { resourceFileName } from './output-files';
import { CheckInput, CheckOptions, CheckProblem } from './types';

/** One checked object. */
export interface Found {
  /** Position in the input, to tell apart objects that share a source. */
  readonly index: number;
  readonly source: string;
  readonly manifest: any;
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** `''` when the object has none, or is of a kind that lives in no namespace. */
  readonly namespace: string;
  /** Whether it is of a namespaced kind but names no namespace: it lands wherever `kubectl apply -n` sends it. */
  readonly floating: boolean;
  readonly allowUnlisted: boolean;
  /** The file synth writes it to (CheckInput.file), when known. */
  readonly file?: string;
  /** The chart that writes `file` in one piece with its other objects (CheckInput.chart). */
  readonly chart?: string;
  /**
   * For an ExternalSecret, the check's verdict on it (external-secret.ts `judgeExternalSecret`), made once as the
   * object is read, for the rules of this pass to share; `undefined` for any other kind.
   */
  readonly externalSecret?: ExternalSecretVerdict;
}

/**
 * One checked PodDefault. Its `manifest` is the PodDefault as the API server stores it (`storeFields`: the
 * fields the CRD does not declare pruned, nulls dropped, defaults set), which is what the webhook reads.
 */
export interface PodDefaultFound extends Found {
  /** The paths of the fields the API server prunes from it (`spec.volumes[0].image`), in document order. */
  readonly pruned: readonly string[];
  /**
   * Why the API server's validation refuses it, as stored (a field of another type than its CRD declares, a
   * required field missing...), in document order: empty when it stores it. A PodDefault with any is never
   * stored, so the webhook never sees it: the rules across PodDefaults leave it out.
   */
  readonly refused: readonly Refusal[];
  readonly selector: ParsedSelector;
  /** The env vars it sets to its own name: two PodDefaults that do so for one var are never selected together. */
  readonly markers: readonly string[];
}

export function toFound(input: CheckInput, index: number, options: CheckOptions): Found {
  const manifest = input.manifest ?? {};
  const group = apiGroup(str(manifest.apiVersion));
  const kind = str(manifest.kind);
  const name = str(manifest.metadata?.name);
  const own = str(manifest.metadata?.namespace);
  const namespaced = isNamespaced(group, kind);
  const file = input.file ?? (options.filePerResource === true ? `${resourceFileName(manifest.kind, manifest.metadata?.name)}.k8s.yaml` : undefined);
  return {
    index,
    source: input.source ?? `${shownName(kind, 'kind')} ${shownName(name, 'name')}`,
    manifest,
    group,
    kind,
    name,
    namespace: namespaced ? own : '',
    floating: namespaced && own === '',
    allowUnlisted: input.allowUnlisted === true,
    file,
    chart: input.chart,
    externalSecret: kind === 'ExternalSecret' && group === 'external-secrets.io' ? judgeExternalSecret(manifest) : undefined,
  };
}

export function isPodDefault(found: Found): boolean {
  return found.kind === 'PodDefault' && found.group === 'kubeflow.org';
}

export function isExternalSecret(found: Found): boolean {
  return found.kind === 'ExternalSecret' && found.group === 'external-secrets.io';
}

export function isSecret(found: Found): boolean {
  return found.kind === 'Secret' && found.group === 'core';
}

export function toPodDefault(found: Found): PodDefaultFound {
  const pruned: string[] = [];
  const refused: Refusal[] = [];
  const manifest = storeFields(found.manifest, pruned, refused);
  const spec = manifest.spec ?? {};
  const markers = markersOf(spec.env, found.name);
  // Field by field rather than `{ ...found }`: measured on 40,000 PodDefaults (Node 20), the spread
  // took about 6 µs each, the literal under 0.1 µs, and this runs for every PodDefault of the app.
  return {
    index: found.index,
    source: found.source,
    manifest,
    group: found.group,
    kind: found.kind,
    name: found.name,
    namespace: found.namespace,
    floating: found.floating,
    allowUnlisted: found.allowUnlisted,
    file: found.file,
    chart: found.chart,
    pruned: pruned.length === 0 ? NO_STRINGS : pruned,
    refused: refused.length === 0 ? NO_REFUSALS : refused,
    // A selector the API server refuses (a matchExpression without operator, values that are no list) is
    // the field-type rule's: the selector rule would name the same field again.
    selector: refused.length > 0 && refused.some(isInSelector) ? UNJUDGED_SELECTOR : parseSelector(spec.selector),
    markers,
  };
}

/**
 * The names of the env vars that `env` sets to `name`. Shared empty when there is none, the common
 * case: this runs once per PodDefault of the app.
 */
function markersOf(env: unknown, name: string): readonly string[] {
  if (!Array.isArray(env)) { return NO_STRINGS; }
  let markers: string[] | undefined;
  for (let i = 0; i < env.length; i++) {
    const entry = env[i];
    if (entry?.value === name && entry?.valueFrom === undefined && typeof entry?.name === 'string') {
      (markers ??= []).push(entry.name);
    }
  }
  return markers ?? NO_STRINGS;
}

const NO_STRINGS: readonly string[] = Object.freeze([]);
const NO_REFUSALS: readonly Refusal[] = Object.freeze([]);
/** The selector of a PodDefault whose selector the API server refuses: no error of its own, and no pod selected. */
const UNJUDGED_SELECTOR: ParsedSelector = Object.freeze({ requirements: Object.freeze([]), matches: () => false });

/** Whether the API server refuses the PodDefault's selector (field-type): the rules on its selector leave it to that rule. */
export function selectorRefused(pd: PodDefaultFound): boolean {
  return pd.refused.length > 0 && pd.refused.some(isInSelector);
}

function isInSelector(refusal: Refusal): boolean {
  return refusal.path === 'spec.selector' || refusal.path.startsWith('spec.selector.');
}

/** A list field of a manifest, as a list: a shared empty one when it is not a list. */
export function listOf(value: unknown): readonly any[] {
  return Array.isArray(value) ? value : NO_ITEMS;
}

const NO_ITEMS: readonly any[] = Object.freeze([]);

/** A Secret a volume holds, and the items it picks (`undefined`: every key, under its own name). */
export interface SecretVolumeSource {
  readonly secretName: string;
  readonly items?: unknown;
}

/**
 * The Secrets a volume of a pod holds: a `secret` volume's one, or each `secret` source of a `projected`
 * volume, which names it `name`.
 */
export function secretVolumeSources(volume: any): readonly SecretVolumeSource[] {
  if (typeof volume?.secret?.secretName === 'string') { return [{ secretName: volume.secret.secretName, items: volume.secret.items }]; }
  const projected = volume?.projected?.sources;
  if (!Array.isArray(projected)) { return NO_SOURCES; }
  const sources: SecretVolumeSource[] = [];
  for (const source of projected) {
    if (typeof source?.secret?.name === 'string') { sources.push({ secretName: source.secret.name, items: source.secret.items }); }
  }
  return sources;
}

const NO_SOURCES: readonly SecretVolumeSource[] = Object.freeze([]);

/** The result of a rule that found nothing, shared: most rules find nothing for most objects. */
export const NO_PROBLEMS: readonly CheckProblem[] = Object.freeze([]);

/** Appends `more` to `list`: a loop, as `push(...more)` passes each as an argument and overflows the stack for a long list. */
export function append<T>(list: T[], more: readonly T[]): void {
  for (let i = 0; i < more.length; i++) { list.push(more[i]); }
}

/** The kind of `found`, as a message names it: `object` for one that names none. */
export function kindWord(found: Found): string {
  return found.kind === '' ? 'object' : shownName(found.kind, 'kind');
}

/** An object for a message, of any kind: `configmap c (s0) in namespace team-a`; the namespace only where it has one or takes one. */
export function objectSubject(found: Found): string {
  const namespaced = found.namespace !== '' || found.floating;
  const words = [kindWord(found).toLowerCase(), shownName(found.name, 'name')].filter(w => w !== '').join(' ');
  return `${words} (${found.source})${namespaced ? ` in namespace ${ns(found.namespace)}` : ''}`;
}

/** A namespace for a message: `(none)`, or one that may be a credential pasted in its place described (names.ts shownName). */
export function ns(namespace: string): string {
  return namespace === '' ? '(none)' : shownName(namespace, 'namespace');
}

/**
 * Where a rule across PodDefaults judged them, for a message: their namespace, or, for namespace-less
 * ones judged with the objects of namespace `landing`, that namespace once they are applied there.
 */
export function judgedIn(namespace: string, landing: string): string {
  return landing === '' ? `in namespace ${ns(namespace)}` : `in namespace ${landing} once they are applied there (kubectl apply -n ${landing})`;
}

