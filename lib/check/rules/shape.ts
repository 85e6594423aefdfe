// The types of the PodDefault fields the check reads, as the PodDefault CRD declares them: a manifest
// that gives another type (`volumes: {a: 1}`) is refused with the field named, as the API server would
// refuse it (or, for a null in a map, would drop it), instead of reaching the other rules with a shape they cannot judge. The CLI applies it
// while it reads its input; checkManifests applies it to every PodDefault it is given.
import { withoutNulls } from '../../admission/manifest';
import { isPlainObject } from '../../json';
import { quotedName, shownName } from '../../names';
import { Found } from '../objects';
import { checkProblem } from '../problem';
import { CheckProblem } from '../types';

type Shape = 'string' | 'boolean' | 'object' | 'list of objects' | 'list of strings' | 'map of strings';

/** One field and its type. */
interface FieldShape {
  readonly field: string;
  readonly shape: Shape;
  /** The fields of the value (or of each item of the list) that name things the check compares. */
  readonly inner: readonly FieldShape[];
}

function field(name: string, shape: Shape, inner: readonly FieldShape[] = []): FieldShape {
  return { field: name, shape, inner };
}

const NAMED = [field('name', 'string')];

/**
 * The fields of a PodDefault's spec the check reads, in the order they are judged. Arrays rather than
 * objects read with `Object.entries`: this runs once per PodDefault of the app.
 */
const SPEC_SHAPES: readonly FieldShape[] = [
  field('selector', 'object', [field('matchLabels', 'map of strings'), field('matchExpressions', 'list of objects')]),
  field('desc', 'string'),
  field('serviceAccountName', 'string'),
  field('automountServiceAccountToken', 'boolean'),
  field('env', 'list of objects', [field('name', 'string'), field('value', 'string'), field('valueFrom', 'object')]),
  field('envFrom', 'list of objects'),
  field('volumes', 'list of objects', NAMED),
  field('volumeMounts', 'list of objects', [field('name', 'string'), field('mountPath', 'string'), field('subPath', 'string')]),
  field('tolerations', 'list of objects'),
  field('imagePullSecrets', 'list of objects'),
  field('initContainers', 'list of objects', NAMED),
  field('sidecars', 'list of objects', NAMED),
  field('args', 'list of strings'),
  field('command', 'list of strings'),
  field('annotations', 'map of strings'),
  field('labels', 'map of strings'),
];

/** Why a PodDefault's fields do not have the CRD's types, naming the first such field (its fix is SHAPE_FIX); else undefined. */
export function shapeProblem(manifest: any): string | undefined {
  if (manifest.kind !== 'PodDefault') { return undefined; }
  const spec = manifest.spec;
  if (spec === undefined || spec === null) { return undefined; }
  if (!isPlainObject(spec)) { return wrong(manifest, 'spec', 'object', spec); }
  for (let f = 0; f < SPEC_SHAPES.length; f++) {
    const outer = SPEC_SHAPES[f];
    const value = spec[outer.field];
    if (value === undefined || value === null) { continue; }
    if (!fits(value, outer.shape)) { return wrong(manifest, `spec.${outer.field}`, outer.shape, value); }
    if (outer.inner.length === 0) { continue; }
    if (!Array.isArray(value)) {
      const inner = innerProblem(value, outer.inner);
      if (inner !== undefined) { return wrong(manifest, `spec.${outer.field}.${inner.field}`, inner.shape, value[inner.field]); }
      continue;
    }
    for (let i = 0; i < value.length; i++) {
      // The path is built only on failure: this loop runs for every list item of every PodDefault.
      const inner = innerProblem(value[i], outer.inner);
      if (inner !== undefined) { return wrong(manifest, `spec.${outer.field}[${i}].${inner.field}`, inner.shape, value[i][inner.field]); }
    }
  }
  return undefined;
}

/** The first of `fields` that `item` sets to a value of another type, or `undefined`. */
function innerProblem(item: any, fields: readonly FieldShape[]): FieldShape | undefined {
  for (let i = 0; i < fields.length; i++) {
    const value = item[fields[i].field];
    if (value !== undefined && value !== null && !fits(value, fields[i].shape)) { return fields[i]; }
  }
  return undefined;
}

function fits(value: unknown, shape: Shape): boolean {
  switch (shape) {
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'object': return isPlainObject(value);
    case 'list of objects': return Array.isArray(value) && value.every(isPlainObject);
    case 'list of strings': return Array.isArray(value) && value.every(isString);
    case 'map of strings': return isPlainObject(value) && valuesAreStrings(value as Record<string, unknown>);
  }
}

function isString(value: unknown): boolean {
  return typeof value === 'string';
}

/**
 * Whether every own enumerable value of `map` is a string, as `Object.values(map).every(isString)` says
 * without making the array of values: this runs for the selector labels of every PodDefault.
 */
function valuesAreStrings(map: Record<string, unknown>): boolean {
  for (const key in map) {
    if (typeof map[key] !== 'string' && Object.prototype.hasOwnProperty.call(map, key)) { return false; }
  }
  return true;
}

/** The YAML word for the type of `value`, which holds no part of the value. */
function describe(value: unknown): string {
  if (Array.isArray(value)) { return 'list'; }
  if (value === null) { return 'null'; }
  if (typeof value === 'object') { return 'object'; }
  return typeof value;
}

/** The PodDefault's name as a message shows it (names.ts shownName). */
function subjectName(manifest: any): string {
  const name = manifest.metadata?.name;
  return typeof name === 'string' ? shownName(name, 'name') : String(name);
}

function wrong(manifest: any, path: string, shape: Shape, value: unknown): string {
  const nullKey = shape === 'map of strings' && isPlainObject(value) ? Object.keys(value).find(key => value[key] === null) : undefined;
  if (nullKey !== undefined && valuesAreStrings(withoutNulls(value))) {
    // The API server keeps such a PodDefault: the CRD marks nothing nullable, so it prunes the null
    // (apiextensions-apiserver PruneNonNullableNullsWithoutDefaults) and stores the map without the key.
    return `PodDefault ${subjectName(manifest)}: ${path} ${quotedName(nullKey, 'key')} is null (a value left empty in YAML), which the api server drops `
      + 'as it stores the PodDefault, so the map lacks the key (a selector without it selects more pods than meant)';
  }
  const actual = describe(value) === 'object' ? 'a mapping' : describe(value) === 'list' ? 'a list' : `a ${describe(value)}`;
  return `PodDefault ${subjectName(manifest)}: ${path} is ${actual}, but the PodDefault CRD declares ${shape === 'object' ? 'a mapping' : `a ${shape}`}`;
}

/** The fix of every shape problem. */
export const SHAPE_FIX = 'fix the manifest';

/** The shape rule as a check problem: a PodDefault the other rules cannot judge. */
export function podDefaultShape(found: Found): CheckProblem | undefined {
  const problem = shapeProblem(found.manifest);
  if (problem === undefined) { return undefined; }
  return checkProblem({ rule: 'shape', namespace: found.namespace, sources: [found.source], message: `${found.source}: ${problem}`, fix: SHAPE_FIX });
}
