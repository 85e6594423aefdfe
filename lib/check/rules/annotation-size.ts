// The API server refuses an object whose annotations, keys and values, add up to more than 256 KiB:
// k8s.io/apimachinery v0.32.9 pkg/api/validation/objectmeta.go, ValidateAnnotationsSize (the sum of Go's
// len(key) + len(value), bytes of UTF-8) against TotalAnnotationSizeLimitB = 256 * (1 << 10), which
// ValidateObjectMeta applies to every kind (a custom resource's too, in apiextensions-apiserver's strategy).
// kubectl's client-side apply also adds kubectl.kubernetes.io/last-applied-configuration, a copy of the
// object, so it fails below that size: not modelled.
import { shownName } from '../../names';
import { listItems } from '../input-model';
import { Found, kindWord, NO_PROBLEMS, ns, objectSubject, PodDefaultFound } from '../objects';
import { pairProblems } from '../pair-report';
import { checkProblem } from '../problem';
import { describeLabels, Entry, Meetings, witness } from '../selection';
import { CheckProblem } from '../types';

/** TotalAnnotationSizeLimitB. */
const LIMIT = 256 * 1024;
/** The webhook's marker annotation (main.go `annotationPrefix`), and the least its value takes: a resourceVersion of one digit. */
const MARKER_PREFIX = 'poddefault.admission.kubeflow.org/poddefault-';
const LEAST_RESOURCE_VERSION = 1;

/** Each object of `objects` (but a list, which kubectl never sends) whose metadata.annotations exceed the limit. */
export function annotationSizes(objects: readonly Found[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    const bytes = annotationBytes(found.manifest.metadata?.annotations);
    if (bytes <= LIMIT || listItems(found.manifest) !== undefined) { continue; }
    const kind = kindWord(found);
    const subject = objectSubject(found);
    problems.push(checkProblem({
      rule: 'annotation-size',
      namespace: found.namespace,
      sources: [found.source],
      key: 'metadata.annotations',
      message: `${subject} has metadata.annotations of ${bytes} bytes (keys and values), more than the ${LIMIT} (256 KiB) the api server allows in one object `
        + `(ValidateAnnotationsSize), so it refuses the ${kind}`,
      fix: `remove annotations, or move their values elsewhere (a ConfigMap's data), to at most ${LIMIT} bytes`,
    }));
  }
  return problems;
}

/**
 * A PodDefault whose spec.annotations, with the marker annotation the webhook adds, exceed the limit in every pod it
 * changes. The webhook (kubeflow/kubeflow v1.10.0 components/admission-webhook/main.go, applyPodDefaultsOnPod) merges
 * spec.annotations into the pod's (mergeMap, each key once) and then sets `poddefault.admission.kubeflow.org/poddefault-<name>`
 * to the PodDefault's resourceVersion: the pod holds at least those, whatever annotations it has of its own. Judged on
 * the PodDefault as stored (nulls dropped).
 */
export function podAnnotationSize(pd: PodDefaultFound): readonly CheckProblem[] {
  const sized = sizedOf(pd);
  if (sized === undefined || !isOver(sized)) { return NO_PROBLEMS; }
  const { own, least } = measured(sized);
  return [checkProblem({
    rule: 'annotation-size',
    namespace: pd.namespace,
    sources: [pd.source],
    key: 'spec.annotations',
    message: `poddefault ${shownName(pd.name, 'name')} (${pd.source}) in namespace ${ns(pd.namespace)} gives each notebook it selects ${own} bytes of annotations in spec.annotations `
      + `(keys and values), and the webhook adds ${shownMarker(pd)} with the PodDefault's resourceVersion: at least ${least} bytes, more than the ${LIMIT} (256 KiB) `
      + 'the api server allows in a pod (ValidateAnnotationsSize), so it refuses every notebook that selects the PodDefault',
    fix: `remove annotations from spec.annotations, or move their values elsewhere (a ConfigMap the notebook mounts), to well under ${LIMIT} bytes`,
  })];
}

/**
 * A PodDefault's part of a pod's annotations: its spec.annotations but its own marker, and its marker. Counted
 * in UTF-16 units first, each at most 3 bytes of UTF-8: most PodDefaults are far under the limit, and are not
 * measured.
 */
interface Sized {
  readonly annotations: Record<string, unknown>;
  readonly marker: string;
  /** The UTF-16 units of the keys and string values of spec.annotations, without the marker. */
  readonly units: number;
  /** The bytes, once measured. */
  measured?: Measured;
}

/** A measured `Sized`: the bytes of each key and string value of spec.annotations but the marker. */
interface Measured {
  readonly marker: string;
  readonly markerBytes: number;
  readonly bytes: ReadonlyMap<string, number>;
  /** The bytes of spec.annotations without the marker. */
  readonly own: number;
  /** `own`, and the marker with a resourceVersion of one digit. */
  readonly least: number;
}

function measured(sized: Sized): Measured {
  if (sized.measured !== undefined) { return sized.measured; }
  const bytes = new Map<string, number>();
  let own = 0;
  for (const key of Object.keys(sized.annotations)) {
    const value = sized.annotations[key];
    if (typeof value !== 'string' || key === sized.marker) { continue; }
    const n = Buffer.byteLength(key) + Buffer.byteLength(value);
    bytes.set(key, n);
    own += n;
  }
  const markerBytes = Buffer.byteLength(sized.marker);
  return sized.measured = { marker: sized.marker, markerBytes, bytes, own, least: own + markerBytes + LEAST_RESOURCE_VERSION };
}

/** At least `measured(sized).least`. */
function leastBound(sized: Sized): number {
  return sized.measured?.least ?? 3 * (sized.units + sized.marker.length) + LEAST_RESOURCE_VERSION;
}

/** Whether the PodDefault is over the limit alone. */
function isOver(sized: Sized): boolean {
  return leastBound(sized) > LIMIT && measured(sized).least > LIMIT;
}

/**
 * The bytes of the spec.annotations of `a` and `b` merged into one pod, `a` first (each key once, the markers
 * left out): `a`'s, and `b`'s keys that `a` lacks. Linear in `b`'s keys, not in their bytes.
 */
function pairBytes(a: Measured, b: Measured): number {
  let bytes = a.own - (a.bytes.get(b.marker) ?? 0);
  for (const [key, n] of b.bytes) {
    if (key !== a.marker && !a.bytes.has(key)) { bytes += n; }
  }
  return bytes;
}

/**
 * Each pair of PodDefaults of `group` that meet, neither over the limit alone, whose spec.annotations and markers
 * together are: the webhook merges them into one pod (each key once, the earlier PodDefault's by name first; a
 * key of two values is the `annotation` rule's, and counted once here). Pairs only: three or more that meet
 * together are not judged. Only PodDefaults that could take part in such a pair are paired, so the cost stays
 * with the PodDefaults of large annotations.
 */
export function podAnnotationSizesTogether(group: readonly PodDefaultFound[], namespace: string,
  meetings: Meetings = new Meetings(group, namespace)): readonly CheckProblem[] {
  const sizes = new Map<PodDefaultFound, Sized>();
  let largest = 0;
  for (let i = 0; i < group.length; i++) {
    const sized = sizedOf(group[i]);
    if (sized === undefined || isOver(sized)) { continue; }
    sizes.set(group[i], sized);
    largest = Math.max(largest, leastBound(sized));
  }
  // A PodDefault takes part in a pair over the limit only beside the largest one, at most (both bounds at
  // least the bytes); those that may are measured.
  let entries: Entry<Measured>[] | undefined;
  for (const [pd, sized] of sizes) {
    if (leastBound(sized) + largest > LIMIT) { (entries ??= []).push({ pd, klass: String(pd.index), item: measured(sized) }); }
  }
  if (entries === undefined || entries.length < 2 || !meetings.mayClash(entries)) { return NO_PROBLEMS; }
  // The pairs come by the later PodDefault; reported by the earlier one, as they read in the group.
  const order = new Map(entries.map((entry, i) => [entry.pd, i]));
  const pairs = meetings.pairs(entries).sort((x, y) => order.get(x[0].pd)! - order.get(y[0].pd)! || order.get(x[1].pd)! - order.get(y[1].pd)!);
  const over: { a: Entry<Measured>; b: Entry<Measured>; own: number; least: number }[] = [];
  for (const [a, b] of pairs) {
    if (a.pd.name === b.pd.name) { continue; }
    const own = pairBytes(a.item, b.item);
    const least = own + a.item.markerBytes + b.item.markerBytes + 2 * LEAST_RESOURCE_VERSION;
    if (least > LIMIT) { over.push({ a, b, own, least }); }
  }
  return pairProblems({
    pairs: over,
    parties: ({ a, b }) => [a.pd, b.pd],
    describe: ({ a, b, own, least }) => checkProblem({
      rule: 'annotation-size',
      namespace,
      sources: [a.pd.source, b.pd.source],
      key: 'spec.annotations',
      message: `poddefaults ${shownName(a.pd.name, 'name')} (${a.pd.source}) and ${shownName(b.pd.name, 'name')} (${b.pd.source}) in namespace ${ns(namespace)} give a notebook that selects both `
        + `(${describeLabels(witness([a.pd, b.pd]))}) ${own} bytes of annotations in spec.annotations (keys and values), and the webhook adds ${shownMarker(a.pd)} and `
        + `${shownMarker(b.pd)} with their resourceVersions: at least ${least} bytes, more than the ${LIMIT} (256 KiB) the api server allows in a pod `
        + '(ValidateAnnotationsSize), so it refuses every notebook that selects both',
      fix: 'remove annotations from spec.annotations of one of them, or make the two exclusive by giving both an env var of one name whose value is their own name',
    }),
    what: `give it more annotations than the api server allows in a pod, in namespace ${ns(namespace)}`,
  });
}

/** The marker annotation of `pd` as a message shows it: its name described when it may be a credential (names.ts shownName). */
function shownMarker(pd: PodDefaultFound): string {
  return `${MARKER_PREFIX}${shownName(pd.name, 'name')}`;
}

/** A PodDefault's part of a pod's annotations (`Sized`), or `undefined` when it gives none but its marker. */
function sizedOf(pd: PodDefaultFound): Sized | undefined {
  const annotations = pd.manifest.spec?.annotations;
  if (annotations === null || typeof annotations !== 'object' || Array.isArray(annotations)) { return undefined; }
  const marker = `${MARKER_PREFIX}${pd.name}`;
  let units = 0;
  for (const key in annotations) {
    const value = annotations[key];
    if (typeof value === 'string' && key !== marker) { units += key.length + value.length; }
  }
  // 0 when spec.annotations holds no string: then the PodDefault adds only its marker.
  return units === 0 ? undefined : { annotations, marker, units };
}

/**
 * The bytes of `annotations` as ValidateAnnotationsSize counts them (UTF-8; half a surrogate pair is U+FFFD, 3 bytes,
 * as Go's JSON decoder reads it, and as Buffer.byteLength counts it), leaving out the keys `skip` and values that are
 * no string (the API server refuses those for their type). 0 when they are no map.
 */
function annotationBytes(annotations: unknown, ...skip: string[]): number {
  if (annotations === null || typeof annotations !== 'object' || Array.isArray(annotations)) { return 0; }
  const map = annotations as Record<string, unknown>;
  // Always in bytes: the callers add markers and a second PodDefault's bytes to this, so a count of UTF-16 units
  // (a third of the bytes, for a character of three) would hide a sum over the limit.
  let bytes = 0;
  for (const key in map) {
    const value = map[key];
    if (typeof value === 'string' && !skip.includes(key)) { bytes += Buffer.byteLength(key) + Buffer.byteLength(value); }
  }
  return bytes;
}
