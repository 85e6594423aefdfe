// The one place the library relies on cdk8s 2.70 beyond its public API (besides synthesis-pass.ts).
//
// Rendering. The check reads each object
// as `ApiObject.prototype.toJson()` renders it, without paying for that rendering where its inputs are
// plain JSON. toJson resolves every value of the props through `App.of` and the app's resolvers, and
// the metadata's `toJson()` does so again: about 25 µs an object, as long as the rest of the check for
// an app of our constructs (measured: 230 ms for 8000 objects, cold). For an object whose props and
// metadata hold only strings, numbers, booleans, arrays and plain objects, with the app's built-in
// resolvers only and no JSON patch, that rendering changes nothing but the order of keys and the
// absent values it drops; so where no value is absent, the props themselves are what toJson writes.
// Anything else (a patch, a Lazy, a class instance, a null, a key `__proto__`, a toJson of its own, a
// resolver of the app's) is rendered by toJson itself, and judged with each `undefined` of that
// rendering as the `null` cdk8s's YAML writer writes for it (writtenManifest). It reads three private
// fields: ApiObject's `props` and `patches`, and the fields of ApiObjectMetadataDefinition.
// test/check/cdk8s-internals.test.ts compares the result with toJson, and with what cdk8s writes, for
// random objects, and fails when cdk8s renames those fields.
//
// Chart order. With charts that depend on each other, App.synth numbers their files in its chart order
// once it has resolved their dependencies, in a private function it runs right after the first
// validation: resolveDependencies below does the same. test/check/output-files.test.ts compares the
// files the check expects with those App.synth writes.
import { ApiObject, ApiObjectMetadataDefinition, App, Chart, ImplicitTokenResolver, LazyResolver, NumberStringUnionResolver } from 'cdk8s';
import { IConstruct } from 'constructs';

/** ApiObject's private fields, as cdk8s 2.70 names them. */
interface ApiObjectInternals {
  readonly props?: { readonly [key: string]: unknown };
  readonly patches?: readonly unknown[];
}

/** ApiObjectMetadataDefinition's private fields, as cdk8s 2.70 names them. */
interface MetadataInternals {
  readonly name?: unknown;
  readonly namespace?: unknown;
  readonly labels?: unknown;
  readonly annotations?: unknown;
  readonly finalizers?: unknown;
  readonly ownerReferences?: unknown;
  readonly _additionalAttributes?: { readonly [key: string]: unknown };
}

/** Read once: each use of an import of cdk8s calls a getter of its module, and this runs for every object. */
const API_OBJECT_TO_JSON = ApiObject.prototype.toJson;

/** The metadata fields its toJson() writes after `_additionalAttributes`, overriding theirs. */
const OWN_METADATA_FIELDS = ['name', 'namespace', 'annotations', 'finalizers', 'ownerReferences', 'labels'] as const;

/**
 * Whether `app` resolves values with cdk8s's built-in resolvers only, which leave plain JSON as it is:
 * exactly those three, as the App made them, of their own classes (not subclasses) and with no method of
 * their own, since `app.resolvers` is an array anyone can change in place.
 */
export function hasBuiltInResolvers(app: App): boolean {
  const resolvers = app.resolvers;
  return Array.isArray(resolvers) && resolvers.length === 3 && isBuiltIn(resolvers[0], LazyResolver.prototype)
    && isBuiltIn(resolvers[1], ImplicitTokenResolver.prototype) && isBuiltIn(resolvers[2], NumberStringUnionResolver.prototype);
}

function isBuiltIn(resolver: unknown, prototype: object): boolean {
  return typeof resolver === 'object' && resolver !== null && Object.getPrototypeOf(resolver) === prototype
    && !Object.prototype.hasOwnProperty.call(resolver, 'resolve');
}

/**
 * The manifest `obj.toJson()` renders, with the same values (keys may come in another order).
 * `builtInResolvers` is `hasBuiltInResolvers` of its app.
 */
export function renderedManifest(obj: ApiObject, builtInResolvers: boolean): any {
  const manifest = plainManifest(obj, builtInResolvers);
  return manifest === RENDER ? obj.toJson() : manifest;
}

/**
 * The manifest as synth writes it: `renderedManifest`, with each `undefined` that toJson leaves (an item of
 * a list, where the props hold null; any field, from a toJson of its own) as the `null` cdk8s's YAML writer
 * (`keepUndefined`) writes for it. The cheap rendering holds none.
 */
export function writtenManifest(obj: ApiObject, builtInResolvers: boolean): any {
  const manifest = plainManifest(obj, builtInResolvers);
  return manifest === RENDER ? withNulls(obj.toJson()) : manifest;
}

/** Said by plainManifest when only toJson can render the object. */
const RENDER = Symbol('render');

/** The cheap rendering, or `RENDER`. */
function plainManifest(obj: ApiObject, builtInResolvers: boolean): any {
  if (!builtInResolvers || obj.toJson !== API_OBJECT_TO_JSON) { return RENDER; }
  const internals = obj as unknown as ApiObjectInternals;
  const props = internals.props;
  const patches = internals.patches;
  if (!Array.isArray(patches) || patches.length > 0 || !isPlainObject(props)) { return RENDER; }
  const manifest: { [key: string]: unknown } = {};
  for (const key in props) {
    if (key === 'metadata') { continue; }
    const value = props[key];
    if (!isPresentJson(value)) { return RENDER; }
    manifest[key] = value;
  }
  const metadata = renderedMetadata(obj.metadata);
  if (metadata !== undefined) { manifest.metadata = metadata; }
  return manifest;
}

/**
 * `value` with each `undefined` under it, in a list or a map (of Object's prototype or none), as `null`:
 * `value` itself when it holds none, or a copy of what leads to them. Other objects are left as they
 * are, for the check's yaml-scalar rule to refuse.
 */
function withNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const written = item === undefined ? null : typeof item === 'object' && item !== null ? withNulls(item) : item;
      if (written !== item) { (copy ??= value.slice())[i] = written; }
    }
    return copy ?? value;
  }
  if (typeof value !== 'object' || value === null) { return value; }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) { return value; }
  const map = value as { readonly [key: string]: unknown };
  let copy: { [key: string]: unknown } | undefined;
  const keys = Object.keys(map);
  for (let i = 0; i < keys.length; i++) {
    const item = map[keys[i]];
    const written = item === undefined ? null : typeof item === 'object' && item !== null ? withNulls(item) : item;
    if (written !== item) {
      // Defined, not assigned, so that a key __proto__ stays a key.
      copy ??= Object.fromEntries(Object.entries(map));
      Object.defineProperty(copy, keys[i], { value: written, writable: true, enumerable: true, configurable: true });
    }
  }
  return copy ?? value;
}

/** What `metadata.toJson()` renders, the same way: the fields as they are where they hold plain JSON. */
function renderedMetadata(metadata: ApiObjectMetadataDefinition): { [key: string]: unknown } | undefined {
  const internals = metadata as unknown as MetadataInternals;
  const additional = internals._additionalAttributes;
  if (!isPlainObject(additional)) { return metadata.toJson(); }
  const rendered: { [key: string]: unknown } = {};
  let empty = true;
  // Object.keys rather than for...in: cdk8s deletes a member of this object, and for...in over it took
  // ten times as long (54 ms against 5 ms for 8000 objects, in a CPU profile of one synthesis).
  const keys = Object.keys(additional);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (isOwnMetadataField(key)) { continue; }
    const kept = keptMetadataValue(additional[key]);
    if (kept === INEXACT) { return metadata.toJson(); }
    if (kept === DROPPED) { continue; }
    rendered[key] = kept;
    empty = false;
  }
  for (let i = 0; i < OWN_METADATA_FIELDS.length; i++) {
    const kept = keptMetadataValue(internals[OWN_METADATA_FIELDS[i]]);
    if (kept === INEXACT) { return metadata.toJson(); }
    if (kept === DROPPED) { continue; }
    rendered[OWN_METADATA_FIELDS[i]] = kept;
    empty = false;
  }
  return empty ? undefined : rendered;
}

function isOwnMetadataField(key: string): boolean {
  return key === 'name' || key === 'namespace' || key === 'annotations' || key === 'finalizers' || key === 'ownerReferences' || key === 'labels';
}

const DROPPED = Symbol('dropped');
const INEXACT = Symbol('inexact');

/**
 * A metadata field as the metadata's toJson() writes it, which drops absent values and empty arrays
 * and maps: the value itself, `DROPPED`, or `INEXACT` when only toJson can tell.
 */
function keptMetadataValue(value: unknown): unknown {
  if (value === undefined || value === null) { return DROPPED; }
  if (Array.isArray(value) && value.length === 0 && isPlainList(value)) { return DROPPED; }
  if (isPlainObject(value) && isEmpty(value)) { return DROPPED; }
  return isFilledJson(value) ? value : INEXACT;
}

/**
 * Whether resolving and sanitising `value` as ApiObject.toJson does gives an equal value: a string,
 * number or boolean, or an array or plain object of such values, none of them absent (sanitising drops
 * absent values from maps and turns them into `undefined` in lists).
 */
function isPresentJson(value: unknown): boolean {
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') { return true; }
  if (Array.isArray(value)) {
    if (!isPlainList(value)) { return false; }
    for (let i = 0; i < value.length; i++) {
      if (!isPresentJson(value[i])) { return false; }
    }
    return true;
  }
  if (!isPlainObject(value)) { return false; }
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    if (!isPresentJson(value[keys[i]])) { return false; }
  }
  return true;
}

/** As isPresentJson, and with no empty array or map anywhere: the metadata's toJson drops those too. */
function isFilledJson(value: unknown): boolean {
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') { return true; }
  if (Array.isArray(value)) {
    if (value.length === 0 || !isPlainList(value)) { return false; }
    for (let i = 0; i < value.length; i++) {
      if (!isFilledJson(value[i])) { return false; }
    }
    return true;
  }
  if (!isPlainObject(value) || isEmpty(value)) { return false; }
  for (const key in value) {
    if (!isFilledJson(value[key])) { return false; }
  }
  return true;
}

/**
 * An object that cdk8s's resolve walks into and sanitize copies: its prototype is Object's, so
 * `constructor` is Object's own (a key named `constructor` makes cdk8s fail, and toJson says so), it
 * has no `resolve` method for cdk8s's ImplicitTokenResolver to call, and no own key `__proto__` (which
 * JSON.parse and an Include's YAML make): resolve copies a map by assigning each key, which for that one
 * sets the copy's prototype, so toJson writes no such key, and its value is no field of the object.
 */
function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
    && !Object.prototype.hasOwnProperty.call(value, 'constructor') && !Object.prototype.hasOwnProperty.call(value, 'resolve')
    && !Object.prototype.hasOwnProperty.call(value, '__proto__');
}

/**
 * A list that cdk8s's resolve maps item by item: of Array's prototype, with no own field `value` (which
 * its NumberStringUnionResolver takes for a union of number and string) or `resolve` (which its
 * ImplicitTokenResolver calls).
 */
function isPlainList(value: readonly unknown[]): boolean {
  return Object.getPrototypeOf(value) === Array.prototype && !Object.prototype.hasOwnProperty.call(value, 'value')
    && !Object.prototype.hasOwnProperty.call(value, 'resolve');
}

function isEmpty(value: object): boolean {
  for (const _ in value) { return false; }
  return true;
}

/**
 * What App.synth's private `resolveDependencies` does before it orders the charts (and `_synthChart` and
 * `synthYaml` before they validate): a chart depends on the charts directly inside it, and a dependency
 * between constructs of two charts becomes one between the charts and between their ApiObjects. Each
 * dependency is added to a set, so doing it again changes nothing.
 */
export function resolveDependencies(app: App): void {
  const all = app.node.findAll();
  for (const parent of all) {
    if (!Chart.isChart(parent)) { continue; }
    for (const child of parent.node.children) {
      if (Chart.isChart(child)) { parent.node.addDependency(child); }
    }
  }
  const dependencies: { readonly source: IConstruct; readonly target: IConstruct }[] = [];
  for (const source of all) {
    for (const target of source.node.dependencies) { dependencies.push({ source, target }); }
  }
  for (const { source, target } of dependencies) {
    const sourceChart = Chart.of(source);
    const targetChart = Chart.of(target);
    if (sourceChart !== targetChart) { sourceChart.node.addDependency(targetChart); }
  }
  const objectsOf = (c: IConstruct, chart: Chart) => c.node.findAll().filter(x => x instanceof ApiObject && Chart.of(x) === chart);
  for (const { source, target } of all.flatMap(s => s.node.dependencies.map(t => ({ source: s, target: t })))) {
    const targets = objectsOf(target, Chart.of(target));
    const sources = objectsOf(source, Chart.of(source));
    for (const t of targets) {
      for (const s of sources) {
        if (t !== s) { s.node.addDependency(t); }
      }
    }
  }
}
