// The check's cheap rendering (lib/check/cdk8s-internals.ts) against cdk8s's own ApiObject.toJson, on
// random objects: the values must be the same (key order aside), or both must fail. It reads private
// fields of cdk8s 2.70; the first tests fail when a cdk8s upgrade renames them.
import { ApiObject, ApiObjectMetadataDefinition, App, Chart, IResolver, JsonPatch, Lazy, NumberStringUnionResolver, ResolutionContext, Testing, Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { KubePodDefault } from '../../imports/kubeflow.org';
import { MinioDefault } from '../../lib/access/minio-default';
import { hasBuiltInResolvers, renderedManifest, writtenManifest } from '../../lib/check/cdk8s-internals';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);

describe('the private fields the rendering reads', () => {
  test('ApiObject keeps its props and its JSON patches', () => {
    const chart = Testing.chart();
    const obj = new ApiObject(chart, 'o', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } });
    obj.addJsonPatch(JsonPatch.add('/data/j', 'w'));
    expect((obj as any).props).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } });
    expect((obj as any).patches).toHaveLength(1);
  });

  test('ApiObjectMetadataDefinition has exactly the fields its toJson writes', () => {
    const metadata = new ApiObjectMetadataDefinition({ name: 'a', namespace: 'b', labels: { l: 'v' }, apiObject: undefined as any });
    expect(Object.keys(metadata).sort()).toEqual(['_additionalAttributes', 'annotations', 'apiObject', 'finalizers', 'labels', 'name', 'namespace', 'ownerReferences']);
  });
});

/** JSON that fast-check builds, made plain (fast-check's records have no prototype). */
const json = fc.jsonValue({ maxDepth: 3 }).map(v => JSON.parse(JSON.stringify(v)));
const key = fc.constantFrom('a', 'b', 'name', 'namespace', 'labels', 'value', 'resolve', 'data', 'items', '__proto__');
const maybeNull = fc.oneof(json, fc.constant(null), fc.constant(undefined), fc.constant([]), fc.constant({}), fc.constant({ a: null }), fc.constant([null]));

/** One change to an object after construction. */
type Change = (obj: ApiObject) => void;
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.tuple(fc.string(), fc.string()).map(([k, v]) => (o: ApiObject) => o.metadata.addLabel(k || 'k', v)),
  fc.tuple(fc.string(), fc.string()).map(([k, v]) => (o: ApiObject) => o.metadata.addAnnotation(k || 'k', v)),
  fc.string().map(f => (o: ApiObject) => o.metadata.addFinalizers(f)),
  fc.tuple(key, maybeNull).map(([k, v]) => (o: ApiObject) => o.metadata.add(k, v)),
  fc.constant((o: ApiObject) => o.metadata.addOwnerReference({ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: '0' })),
  fc.string().map(v => (o: ApiObject) => o.addJsonPatch(JsonPatch.add('/metadata/annotations', { p: v }))),
  fc.constant((o: ApiObject) => o.metadata.addLabel('lazy', Lazy.any({ produce: () => 'x' }) as any)),
);

/** Props for a raw ApiObject: plain JSON, or with nulls, empties, a Lazy or a class instance here and there. */
const props = fc.record({
  metadata: fc.record({ name: fc.constantFrom('a', 'b'), namespace: fc.option(fc.constantFrom('n1', ''), { nil: undefined }) }, { requiredKeys: ['name'] }),
  spec: fc.oneof(json, fc.dictionary(key, maybeNull, { maxKeys: 4 })),
  extra: fc.oneof(fc.constant(undefined), fc.constant(null), json, fc.constant('lazy'), fc.constant('instance')),
}, { requiredKeys: ['metadata'] }).map(p => {
  const made: any = { apiVersion: 'example.io/v1', kind: 'Thing', metadata: JSON.parse(JSON.stringify(p.metadata)) };
  if ('spec' in p) { made.spec = p.spec; }
  if (p.extra === 'lazy') { made.extra = Lazy.any({ produce: () => ({ z: 1, a: [1, null] }) }); } else if (p.extra === 'instance') { made.extra = new Date(0); } else if ('extra' in p) { made.extra = p.extra; }
  return made;
});

class Upper implements IResolver {
  public resolve(context: ResolutionContext): void {
    if (typeof context.value === 'string' && context.value !== context.value.toUpperCase()) { context.replaceValue(context.value.toUpperCase()); }
  }
}

/**
 * Every key a rule can read of `value`, own or inherited (`for...in`), sorted, with its value so seen: an
 * own key `__proto__` that an assignment turned into a prototype shows here, where toStrictEqual, which
 * compares own keys and constructors, does not see it.
 */
function seen(value: any): any {
  if (Array.isArray(value)) { return value.map(seen); }
  if (typeof value !== 'object' || value === null) { return value; }
  const keys: string[] = [];
  for (const k in value) { keys.push(k); }
  return keys.sort().map(k => [k, seen(value[k])]);
}

/** toJson's value, or its error: the two renderings must agree on both. */
function outcome(render: () => any): { value?: any; error?: boolean } {
  try {
    return { value: render() };
  } catch {
    return { error: true };
  }
}

test('renders what ApiObject.toJson renders, for random objects, changes, chart labels and resolvers', () => {
  fc.assert(fc.property(props, fc.array(change, { maxLength: 4 }), fc.boolean(), fc.boolean(), fc.constantFrom('raw', 'kube', 'ours'),
    (p, changes, chartLabels, customResolver, kind) => {
      // GIVEN an object of a random kind in a chart with or without labels, in an app with or without a resolver of its own
      const app = new App({ resolvers: customResolver ? [new Upper()] : [] });
      const chart = new Chart(app, 'c', chartLabels ? { labels: { team: 'x' }, namespace: 'n2' } : {});
      const obj: ApiObject = kind === 'raw' ? new ApiObject(chart, 'o', p)
        : kind === 'kube' ? new KubePodDefault(chart, 'o', { metadata: p.metadata, spec: { selector: { matchLabels: { a: 'true' } }, desc: 'd' } })
          : new MinioDefault(chart, 'o', { namespace: 'n1' });
      // WHEN it is changed after construction
      for (const c of changes) { c(obj); }
      // THEN the check's rendering has the values toJson renders
      const ours = outcome(() => renderedManifest(obj, hasBuiltInResolvers(app)));
      const theirs = outcome(() => obj.toJson());
      expect(ours).toStrictEqual(theirs);
      expect(seen(ours.value)).toEqual(seen(theirs.value));
      // AND its manifest as written is what cdk8s's YAML writer writes of it (a null for each undefined), read back by the same YAML library
      if (theirs.error === undefined) {
        expect(writtenManifest(obj, hasBuiltInResolvers(app))).toStrictEqual(YAML.parse(Yaml.stringify(theirs.value), { version: '1.1' }));
      }
    }), { seed: SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 400) });
});

describe('a key __proto__, which JSON.parse and YAML (an Include) make an own key, and toJson\'s resolving drops', () => {
  // cdk8s's resolve copies a map with `result[k] = ...` (node_modules/cdk8s/lib/resolve.js), which for the key
  // __proto__ sets the copy's prototype, and sanitizeValue keeps own keys only: toJson writes no such key.
  const withProto = (json: string) => JSON.parse(json);

  test.each<[string, any]>([
    ['in the metadata', { metadata: withProto('{"name":"a","__proto__":{"namespace":"team-b"}}') }],
    ['in the labels', { metadata: { name: 'a', labels: withProto('{"__proto__":{"team":"x"},"app":"y"}') } }],
    ['at the top', withProto('{"__proto__":{"kind":"Secret"},"metadata":{"name":"a"}}')],
    ['in the spec', { metadata: { name: 'a' }, spec: withProto('{"selector":{"matchLabels":{"__proto__":{"a":"true"}}}}') }],
  ])('%s: rendered as toJson renders it, the key gone and nothing inherited from it', (_, given) => {
    // GIVEN an object whose props hold an own key __proto__ (as an Include of YAML or JSON.parse makes one)
    const chart = Testing.chart();
    const obj = new ApiObject(chart, 'o', { apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', ...given });
    // WHEN the check renders it
    const ours = renderedManifest(obj, true);
    // THEN it sees what toJson renders: no key __proto__, and no value through a prototype
    expect(seen(ours)).toEqual(seen(obj.toJson()));
    expect(ours.metadata.namespace).toBeUndefined();
    expect(ours.kind).toBe('PodDefault');
    expect(JSON.stringify(ours)).not.toContain('__proto__');
  });
});

test.each<[string, (app: App) => void]>([
  ['a subclass of a built-in resolver put in its place', app => { (app.resolvers as any[])[2] = new (class extends NumberStringUnionResolver {
    public resolve(context: ResolutionContext): void { new Upper().resolve(context); }
  })(); }],
  ['a built-in resolver given a resolve method of its own', app => { (app.resolvers[1] as any).resolve = (context: ResolutionContext) => new Upper().resolve(context); }],
])('an app whose resolvers were changed after it was made (%s) is rendered by toJson', (_, change) => {
  // GIVEN an app whose resolvers array, public, is changed in place to upper-case every string
  const app = new App();
  change(app);
  const obj = new ApiObject(new Chart(app, 'c'), 'o', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } });
  // WHEN the check renders an object THEN it has what toJson renders
  expect(obj.toJson().data).toEqual({ k: 'V' });
  expect(renderedManifest(obj, hasBuiltInResolvers(app))).toStrictEqual(obj.toJson());
});

test.each<[string, () => unknown[]]>([
  ['an own field value, which cdk8s\'s NumberStringUnionResolver takes for a union', () => Object.assign(['a'], { value: 'b' })],
  ['an own method resolve, which cdk8s\'s ImplicitTokenResolver calls', () => Object.assign(['a'], { resolve: () => ['c'] })],
  ['a class of its own, with a method resolve', () => new (class extends Array<string> { public resolve() { return ['d']; } })()],
])('a list with %s is rendered by toJson', (_, list) => {
  // GIVEN an object whose data holds such a list
  const obj = new ApiObject(Testing.chart(), 'o', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: list() } });
  // WHEN the check renders it THEN it has what toJson renders
  const ours = renderedManifest(obj, true);
  expect(ours).toStrictEqual(obj.toJson());
  // AND so for such a list as the metadata's finalizers, empty or not
  const emptied = list();
  emptied.length = 0;
  for (const finalizers of [list(), emptied]) {
    const other = new ApiObject(Testing.chart(), 'o', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    (other.metadata as any).finalizers = finalizers;
    expect(renderedManifest(other, true)).toStrictEqual(other.toJson());
  }
});

test('our constructs render cheaply: the props themselves, no copy', () => {
  const chart = Testing.chart();
  const minio = new MinioDefault(chart, 'minio', { namespace: 'user' });
  const manifest = renderedManifest(minio, true);
  expect(manifest.spec).toBe((minio as any).props.spec);
  expect(manifest).toStrictEqual(minio.toJson());
});
