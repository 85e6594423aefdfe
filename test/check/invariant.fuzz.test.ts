// The check's one invariant, as a property (issue 20 item 1): for any app, either synth refuses, or
// PodDefaultCheck.check over exactly the manifests synth wrote, read back from the output directory,
// finds nothing, and synth wrote every object of the app. The files are read as kubectl reads them. The
// apps mix the library's constructs, KubePodDefaults, raw ApiObjects (ExternalSecrets and
// ClusterExternalSecrets among them, some with a selector or a refreshInterval ESO cannot read; Secrets whose
// data is base64 in lines, or no base64), Included
// YAML (one whose metadata holds a key __proto__, which cdk8s drops) and JSON patches over several charts,
// in every YamlOutputType, objects with a number NaN (which kubectl cannot read back), objects whose toJson
// override leaves a field undefined (written null), objects a chart's validation adds during the synth (not
// with FOLDER_PER_CHART_FILE_PER_RESOURCE, which cdk8s validates once: see synthesis-pass.ts), and change
// between two synths: props objects their callers kept, public fields, new patches. PodDefault fields of the right
// and the wrong type for field-type, and Secret data for secret-data and secret-type, come in every door (odd-fields.ts); a refusal
// must name what is wrong, and `check --recursive` over the output directory must pass what synth passed. A second
// property compares the doors on apps synthesised with the check off. The seed is fixed (FUZZ_SEED replays
// another); FUZZ_RUNS sets the number of apps.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Include, JsonPatch, YamlOutputType } from 'cdk8s';
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { k8s } from '../../imports/k8s-runtime';
import { KubePodDefault } from '../../imports/kubeflow.org';
import { AccessError, MinioDefault, PipelinesApiAccess, PodDefaultCheck } from '../../lib';
import { checkManifests } from '../../lib/check/check-manifests';
import { AllowUnlisted } from '../../lib/check/input-model';
import { readManifestText } from '../../lib/check/manifest-text';
import { appInputs, PodDefaultValidation } from '../../lib/check/pod-default-validation';
import { exemptEntry, problemLine } from '../../lib/check/problem';
import { CheckProblem } from '../../lib/check/types';
import { writtenYamlProblems } from '../../lib/check/written-yaml';
import { runMain } from '../cli/cli-io';
import { oddField, OddField, oddSecretData, secretFields, withOddField } from './odd-fields';
import { line } from './support';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const NAMES = ['a', 'b', 'minio', 'creds'];
const NAMESPACES = ['team-a', 'team-b', undefined];

/** A PodDefault spec from small pools, so that clashes are common. */
const podDefaultSpec = (name: string) => fc.record({
  volumes: fc.array(fc.record({ name: fc.constantFrom('creds', 'data'), secret: fc.record({ secretName: fc.constantFrom('minio', 'creds') }) }), { maxLength: 1 }),
  volumeMounts: fc.array(fc.record({ name: fc.constantFrom('creds', 'data'), mountPath: fc.constantFrom('/data', '/data/', '/home/jovyan/.aws') }), { maxLength: 1 }),
  // Strings cdk8s writes so that kubectl reads them otherwise: 0O17 (a number), a block whose first line
  // starts with a tab after an empty line (refused), and one with a line separator (a line break to it).
  // This test reads files with js-yaml and kubectl's scalars, which sees the first only; written-yaml.test.ts
  // compares the others with kubectl itself.
  env: fc.array(fc.record({ name: fc.constantFrom('AWS_REGION', 'S3_ENDPOINT'), value: fc.constantFrom('x', 'y', '0O17', '\n\tx', 'a\u2028b') }), { maxLength: 1 }),
  envFrom: fc.array(fc.oneof(
    fc.record({ secretRef: fc.record({ name: fc.constantFrom('minio', 'creds') }) }),
    fc.record({ configMapRef: fc.record({ name: fc.constantFrom('minio', 'creds') }) }),
  ), { maxLength: 1 }),
  // A sidecar port of a type the CRD takes (8080), or refuses (a quoted "8080", a fraction), which synth must refuse (field-type).
  sidecars: fc.array(fc.record({ name: fc.constant('proxy'), image: fc.constant('proxy:1'), ports: fc.array(fc.record({ containerPort: fc.constantFrom(8080, 9090, '8080', 1.5) }), { maxLength: 1 }) }), { maxLength: 1 }),
  matchLabels: fc.constantFrom({ [name]: 'true' }, { [name]: 'true' }, {}),
  // Most specs as above; some with one or two fields of the right or the wrong type (odd-fields.ts), which
  // synth must refuse when the CRD's schema does (field-type), and judge as the doors that read files do.
  odd: fc.oneof({ weight: 3, arbitrary: fc.constant<OddField[]>([]) }, { weight: 2, arbitrary: fc.array(oddField, { minLength: 1, maxLength: 2 }) }),
}).map(s => {
  const { matchLabels, odd, ...rest } = s;
  const spec = { desc: name, selector: { matchLabels }, ...JSON.parse(JSON.stringify(rest)) };
  return odd.reduce(withOddField, spec);
});

/** One object of the app: what kind of thing, with what name and namespace. */
const objectSpec = fc.record({
  type: fc.constantFrom('minio', 'pipelines', 'kube', 'raw-pd', 'raw-secret', 'raw-configmap', 'raw-eso', 'raw-ces', 'include',
    'include-proto', 'nan', 'override', 'late', 'kube-secret', 'include-secret'),
  name: fc.constantFrom(...NAMES),
  namespace: fc.constantFrom(...NAMESPACES),
  chart: fc.nat(2),
  unlisted: fc.boolean(),
  policy: fc.constantFrom('Owner', 'Merge', 'Orphan', 'None', 'CreateOrMerge'),
  /**
   * How a ClusterExternalSecret targets namespaces: by name, or by a selector on the name label, which is exact for any namespace;
   * or besides its names by a selector ESO cannot convert (an unknown operator), which makes it write nothing.
   */
  targets: fc.constantFrom('namespaces', 'name-selector', 'name-not-in', 'bad-selector'),
  /** An ExternalSecret's refreshInterval: absent, one ESO reads, or one it cannot decode (Go has no unit d). */
  refresh: fc.constantFrom(undefined, '1h', '1d'),
  /** Its ExternalSecrets' name: its own, or the object's name. */
  externalSecretName: fc.boolean(),
  /**
   * A raw Secret's value: base64 as Go's decoder takes it (on one line, in lines, with CRLF, bits after the last
   * byte not zero), which cdk8s must write so that kubectl reads it back as valid, or as it refuses it (a space, an
   * unencoded value), which synth must refuse; or data and stringData of the right and the wrong types, keys the
   * API server refuses, more than 1 MiB (odd-fields.ts: secret-data).
   */
  secret: fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom('eA==', 'eA==\n', 'Zm9v\r\nYmFy', 'ZmFrZQ\n==', 'Zm9=', 'Zm9v YmFy', 'fake-value').map(v => ({ data: { AWS_REGION: v } })) },
    { weight: 1, arbitrary: oddSecretData },
  ),
}).chain(o => podDefaultSpec(o.name).map(spec => ({ ...o, spec })));

/** A change after the first synth. */
const changeSpec = fc.record({
  target: fc.nat(7),
  what: fc.constantFrom('rename-props', 'mount-props', 'patch-name', 'patch-namespace', 'patch-mount', 'selector-labels', 'metadata-label',
    'patch-odd', 'patch-secret'),
  value: fc.constantFrom(...NAMES),
  /** A PodDefault field a JSON patch sets or removes (patch-odd), on a library construct too. */
  odd: oddField,
  /** A Secret's data a JSON patch sets (patch-secret). */
  secret: oddSecretData,
});

const TYPES = [YamlOutputType.FILE_PER_APP, YamlOutputType.FILE_PER_CHART, YamlOutputType.FILE_PER_RESOURCE, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE];

/** Every file under `dir`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap(entry => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

interface Built {
  readonly app: App;
  /** Objects whose props the caller kept, to change them later. */
  readonly kept: { readonly obj: ApiObject; readonly props: any }[];
  readonly all: ApiObject[];
}

function buildApp(objects: any[], chartNamespaces: (string | undefined)[], type: YamlOutputType, workdir: string, check = true): Built | undefined {
  const app = new App({ outdir: path.join(workdir, 'out'), yamlOutputType: type });
  if (check) { PodDefaultValidation.attach(app); } else { app.node.setContext(PodDefaultValidation.CONTEXT_KEY, false); }
  const charts = chartNamespaces.map((namespace, i) => new Chart(app, `c${i}`, namespace === undefined ? {} : { namespace }));
  const kept: { obj: ApiObject; props: any }[] = [];
  const all: ApiObject[] = [];
  objects.forEach((o, i) => {
    const chart = charts[o.chart % charts.length];
    const metadata = { name: o.name, ...(o.namespace === undefined ? {} : { namespace: o.namespace }) };
    let made: ApiObject[] = [];
    try {
      switch (o.type) {
        case 'minio': made = [new MinioDefault(chart, `o${i}`, { name: o.name, namespace: o.namespace ?? chart.namespace ?? 'team-a' })]; break;
        case 'pipelines': made = [new PipelinesApiAccess(chart, `o${i}`, { name: o.name, namespace: o.namespace ?? chart.namespace ?? 'team-a' })]; break;
        case 'kube': made = [new KubePodDefault(chart, `o${i}`, { metadata, spec: o.spec })]; break;
        case 'raw-pd': {
          const props = { apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata, spec: o.spec };
          made = [new ApiObject(chart, `o${i}`, props)];
          kept.push({ obj: made[0], props });
          break;
        }
        case 'raw-secret': {
          const props = { apiVersion: 'v1', kind: 'Secret', metadata, ...secretFields(o.secret) };
          made = [new ApiObject(chart, `o${i}`, props)];
          kept.push({ obj: made[0], props });
          break;
        }
        case 'kube-secret': made = [new k8s.KubeSecret(chart, `o${i}`, { metadata, ...secretFields(o.secret) })]; break;
        case 'include-secret': {
          const file = path.join(workdir, `include-${i}.yaml`);
          writeFileSync(file, YAML.stringify({ apiVersion: 'v1', kind: 'Secret', metadata, ...secretFields(o.secret) }));
          made = new Include(chart, `o${i}`, { url: file }).apiObjects;
          break;
        }
        case 'raw-configmap': {
          const props = { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { AWS_REGION: o.spec.env?.[0]?.value ?? 'x' } };
          made = [new ApiObject(chart, `o${i}`, props)];
          kept.push({ obj: made[0], props });
          break;
        }
        case 'raw-eso': {
          const props = { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { ...metadata, name: `fetch-${i}` },
            spec: { ...refresh(o), target: { name: o.name, creationPolicy: o.policy }, data: [{ secretKey: 'AWS_REGION', remoteRef: { key: 'k' } }] } };
          made = [new ApiObject(chart, `o${i}`, props)];
          kept.push({ obj: made[0], props });
          break;
        }
        case 'raw-ces': {
          // Cluster-scoped: a namespace it names (a chart's) is ignored; it targets namespaces of the pools.
          const names = [o.namespace ?? chart.namespace ?? 'team-a'];
          const targets = o.targets === 'namespaces' ? { namespaces: names }
            : o.targets === 'bad-selector' ? { namespaces: names, namespaceSelectors: [{ matchExpressions: [{ key: 'tier', operator: 'Like', values: ['gold'] }] }] }
              : { namespaceSelectors: [{ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: o.targets === 'name-selector' ? 'In' : 'NotIn', values: names }] }] };
          const props = { apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { ...metadata, name: `ces-${i}` },
            spec: { ...targets, ...(o.externalSecretName ? { externalSecretName: o.name } : {}),
              externalSecretSpec: { ...refresh(o), target: { name: o.name, creationPolicy: o.policy }, data: [{ secretKey: 'AWS_REGION', remoteRef: { key: 'k' } }] } } };
          made = [new ApiObject(chart, `o${i}`, props)];
          kept.push({ obj: made[0], props });
          break;
        }
        case 'include-proto': {
          // The YAML reader makes an own key __proto__, which toJson drops, with the namespace under it.
          const file = path.join(workdir, `include-${i}.yaml`);
          const hidden = JSON.parse(`{"name":${JSON.stringify(o.name)},"__proto__":{"namespace":${JSON.stringify(o.namespace ?? 'team-b')}}}`);
          writeFileSync(file, YAML.stringify({ apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: hidden, spec: o.spec }));
          made = new Include(chart, `o${i}`, { url: file }).apiObjects;
          break;
        }
        case 'nan': {
          const props = { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { AWS_REGION: 'x' }, replicas: Number('') / 0 };
          made = [new ApiObject(chart, `o${i}`, props)];
          break;
        }
        case 'override': {
          made = [new EnvOverride(chart, `o${i}`, { apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata, spec: o.spec })];
          break;
        }
        case 'late': {
          // Added by a validation of the chart, the first time cdk8s validates it: after the check, on the App, ran.
          if (type === YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE) { return; }
          const id = `o${i}`;
          chart.node.addValidation({
            validate: () => {
              if (chart.node.tryFindChild(id) === undefined) { new ApiObject(chart, id, { apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata, spec: o.spec }); }
              return [];
            },
          });
          return;
        }
        case 'include': {
          const file = path.join(workdir, `include-${i}.yaml`);
          writeFileSync(file, YAML.stringify({ apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata, spec: o.spec }));
          made = new Include(chart, `o${i}`, { url: file }).apiObjects;
          break;
        }
      }
    } catch {
      // A construct that refuses its props (a name taken in its scope, say) leaves the app as it was.
      return;
    }
    for (const obj of made) {
      if (o.unlisted && obj.kind === 'PodDefault') { PodDefaultValidation.allowUnlisted(obj); }
      all.push(obj);
    }
  });
  return { app, kept, all };
}

/**
 * A PodDefault whose toJson override sets env var M to its name with a valueFrom left undefined: cdk8s writes
 * `valueFrom: null`, so M is no mark that keeps two PodDefaults apart.
 */
class EnvOverride extends ApiObject {
  public toJson(): any {
    const json = super.toJson();
    const from: any = undefined;
    if (json.spec !== undefined) { json.spec.env = [{ name: 'M', value: json.metadata.name, valueFrom: from }]; }
    return json;
  }
}

/** The refreshInterval of an object spec, when it gives one. */
function refresh(o: any): { refreshInterval?: string } {
  return o.refresh === undefined ? {} : { refreshInterval: o.refresh };
}

function applyChange(built: Built, change: any): void {
  const obj = built.all[change.target % Math.max(1, built.all.length)];
  const kept = built.kept[change.target % Math.max(1, built.kept.length)];
  try {
    switch (change.what) {
      case 'rename-props': if (kept) { kept.props.metadata.name = change.value; } break;
      case 'mount-props': if (kept?.props.spec?.volumeMounts?.[0]) { kept.props.spec.volumeMounts[0].mountPath = '/data'; } break;
      case 'patch-name': obj?.addJsonPatch(JsonPatch.replace('/metadata/name', change.value)); break;
      case 'patch-namespace': obj?.addJsonPatch(JsonPatch.add('/metadata/namespace', 'team-b')); break;
      case 'patch-mount': if (obj?.kind === 'PodDefault') { obj.addJsonPatch(JsonPatch.add('/spec/volumeMounts', [{ name: 'data', mountPath: '/data' }])); } break;
      case 'selector-labels': if (obj instanceof MinioDefault) { ((obj as MinioDefault).selectorLabels as any)[change.value] = 'true'; } break;
      case 'metadata-label': obj?.metadata.addLabel('changed', change.value); break;
      case 'patch-odd': if (obj?.kind === 'PodDefault') { obj.addJsonPatch(oddPatch(change.odd)); } break;
      case 'patch-secret':
        if (obj?.kind === 'Secret') { for (const [field, value] of Object.entries(secretFields(change.secret))) { obj.addJsonPatch(JsonPatch.add(`/${field}`, value)); } }
        break;
    }
  } catch {
    // Frozen: what the library shows cannot be changed, and that is the point.
  }
}

/** The JSON patch that makes `odd`'s change on a PodDefault's spec. */
function oddPatch(odd: OddField): JsonPatch {
  return odd.remove ? JsonPatch.remove(`/spec${odd.at}`) : JsonPatch.add(`/spec${odd.at}`, structuredClone(odd.value));
}

/**
 * Whether `error` is a refusal that names what is wrong: the check's (cdk8s's validation error, one line per
 * problem), the library's AccessError, or cdk8s's own for an object it cannot render (a JSON patch on a path
 * that is not there), which names the construct; not a TypeError from deep inside a rendering.
 */
function isClearRefusal(error: unknown): boolean {
  const message = String((error as Error)?.message);
  return AccessError.isAccessError(error) || message.startsWith('Validation failed with the following errors:\n')
    || message.startsWith('Failed serializing construct at path \'');
}

/** The manifest files under `dir`, in the order `check --recursive` reads them (a walk by the bytes of the names, as kubectl apply -R). */
function manifestFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)))
    .flatMap(e => e.isDirectory() ? manifestFiles(path.join(dir, e.name)) : /\.(ya?ml|json)$/.test(e.name) ? [path.join(dir, e.name)] : []);
}

/** `check --recursive` over `outdir`, in process, with `exempt` (NS/NAME, or NAME for a PodDefault without namespace) allowed unlisted. */
function cliCheck(outdir: string, exempt: readonly string[]) {
  return runMain(['check', '--recursive', outdir, ...exempt.flatMap(e => ['--allow-unlisted', e])]);
}

/** Synthesises; when synth passes, checks what it wrote, with the pure check and the CLI. */
async function synthAndJudge(built: Built, workdir: string): Promise<void> {
  const outdir = built.app.outdir;
  rmSync(outdir, { recursive: true, force: true });
  // The objects synth wrote (those a validation added during it among them), and which PodDefaults are exempt from the listing rule.
  let expected: any[];
  let objects: ApiObject[];
  try {
    built.app.synth();
    objects = built.app.node.findAll().filter(c => ApiObject.isApiObject(c)) as ApiObject[];
    expected = objects.map(o => o.toJson());
  } catch (error) {
    // A refusal names what is wrong.
    if (!isClearRefusal(error)) { throw error; }
    return;
  }
  const exemptEntries = objects.filter(o => o.node.metadata.some(m => m.type === 'cdk8s-kubeflow-access:allow-unlisted'))
    .map(o => o.toJson()).map(m => m.metadata.namespace === undefined ? m.metadata.name : `${m.metadata.namespace}/${m.metadata.name}`);
  const exempt = new AllowUnlisted(exemptEntries);
  // Read as kubectl reads the files, which is not always as cdk8s meant them (`0O17` is a number to it, `.nan` it refuses).
  const read = filesUnder(outdir).map(file => readManifestText(readFileSync(file, 'utf8'), path.relative(workdir, file)));
  expect(read.flatMap(r => r.problems)).toEqual([]);
  const written = read.flatMap(r => r.objects.map(({ source, value }) => ({ manifest: value, source })));
  const inputs = written.map(w => ({ ...w, allowUnlisted: w.manifest.kind === 'PodDefault' && exempt.matches(w.manifest.metadata.namespace ?? '', w.manifest.metadata.name) }));
  // THEN the pure check over what synth wrote finds nothing
  expect(PodDefaultCheck.check(inputs).map(line)).toEqual([]);
  // AND neither does the CLI over the output directory (which puts an object without namespace in "default")
  if (written.length > 0) {
    const cli = await cliCheck(outdir, exemptEntries);
    expect([cli.code, cli.stderr]).toEqual([0, '']);
  }
  // AND synth wrote every object of the app, as it renders
  // cdk8s writes a field toJson leaves undefined as null.
  const key = (m: any) => JSON.stringify(m, (_, v) => v === undefined ? null : v);
  expect(written.map(w => key(w.manifest)).sort()).toEqual(expected.map(key).sort());
}

/** Time for a property of `runs` runs, on a busy machine (the CI default takes some 30 s for 150). */
const timeoutFor = (runs: number) => Math.max(120_000, runs * 1_000);

test('synth refuses, or the check over exactly what synth wrote finds nothing, and nothing was lost', async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(objectSpec, { minLength: 1, maxLength: 6 }),
    fc.array(fc.constantFrom(...NAMESPACES), { minLength: 1, maxLength: 3 }),
    fc.constantFrom(...TYPES),
    fc.array(changeSpec, { maxLength: 3 }),
    async (objects, chartNamespaces, type, changes) => {
      const workdir = mkdtempSync(path.join(tmpdir(), 'invariant-'));
      try {
        // GIVEN a random app
        const built = buildApp(objects, chartNamespaces, type, workdir);
        if (built === undefined) { return; }
        // WHEN synthesised, changed, and synthesised again
        // THEN each time synth refuses, or the property holds
        await synthAndJudge(built, workdir);
        for (const change of changes) { applyChange(built, change); }
        await synthAndJudge(built, workdir);
      } finally {
        rmSync(workdir, { recursive: true, force: true });
      }
    }), { seed: SEED, numRuns: RUNS });
}, timeoutFor(RUNS));

/** The rules only the in-process door has: what kubectl reads other than cdk8s wrote it, and objects written to one file. */
const IN_PROCESS_ONLY = new Set(['yaml-scalar', 'output-file']);

/** A problem by what it is about, not by how a door names the objects: its rule, namespace and key. */
const about = (p: CheckProblem) => `${p.rule} ${p.namespace ?? ''} ${p.key ?? ''}`;

// The doors must agree both ways: a problem synth reports that the doors reading its files would not is a
// refusal of what kubectl applies as meant; one they report that synth would not breaks the invariant.
test('the in-process check, the pure check over what synth wrote, and the CLI check find the same problems', async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(objectSpec, { minLength: 1, maxLength: 4 }),
    // Each chart with a namespace: the CLI puts an object without one in --namespace, where the other doors judge it in every namespace.
    fc.array(fc.constantFrom('team-a', 'team-b'), { minLength: 1, maxLength: 2 }),
    fc.constantFrom(...TYPES),
    async (objects, chartNamespaces, type) => {
      const workdir = mkdtempSync(path.join(tmpdir(), 'invariant-'));
      try {
        // GIVEN a random app, with the check off, synthesised
        const built = buildApp(objects, chartNamespaces, type, workdir, false);
        if (built === undefined) { return; }
        try {
          built.app.synth();
        } catch (error) {
          if (!isClearRefusal(error)) { throw error; }
          return;
        }
        // WHEN the in-process door judges the app as synth wrote it
        const app = appInputs(built.app);
        const inProcess = [...writtenYamlProblems(app), ...checkManifests(app)];
        // (unless kubectl reads other than cdk8s wrote, or objects share a file: then synth refuses, and the files are not the app)
        if (inProcess.some(p => IN_PROCESS_ONLY.has(p.rule))) { return; }
        // AND the pure check and the CLI judge the files, read in the CLI's order, as the CLI names them
        const read = manifestFiles(built.app.outdir).map(file => readManifestText(readFileSync(file, 'utf8'), file));
        const podDefaults = (built.app.node.findAll().filter(c => ApiObject.isApiObject(c)) as ApiObject[])
          .map(o => ({ o, m: o.toJson() })).filter(({ m }) => m.kind === 'PodDefault');
        const isExempt = (o: ApiObject) => o.node.metadata.some(m => m.type === 'cdk8s-kubeflow-access:allow-unlisted');
        const exempt = podDefaults.filter(({ o }) => isExempt(o)).map(({ m }) => `${m.metadata.namespace}/${m.metadata.name}`);
        // (unless a PodDefault is exempt and another of its namespace and name not: the other doors exempt by name)
        if (podDefaults.some(({ o, m }) => !isExempt(o) && exempt.includes(`${m.metadata.namespace}/${m.metadata.name}`))) { return; }
        const allowed = new AllowUnlisted(exempt);
        const inputs = read.flatMap(r => r.objects.map(({ source, value }) => ({ manifest: value, source,
          allowUnlisted: value.kind === 'PodDefault' && allowed.matches(value.metadata?.namespace ?? '', value.metadata?.name) })));
        // (unless an object overwrote another's file: then the files are not the app, and duplicate-object refuses it in process)
        if (inputs.length !== app.length) { return; }
        const pure = PodDefaultCheck.check(inputs);
        // THEN the in-process door and the pure check find the same problems
        expect(pure.map(about).sort()).toEqual(inProcess.map(about).sort());
        // AND the CLI reports exactly the pure check's, as lines
        if (inputs.length === 0) { return; }
        const cli = await cliCheck(built.app.outdir, exempt);
        const lines = [...read.flatMap(r => r.problems), ...pure.map(p => problemLine(p, q => `pass --allow-unlisted ${exemptEntry(q)}`))];
        expect(cli.stderr).toBe(lines.map(l => `cdk8s-kubeflow-access check: ${l}\n`).join(''));
        expect(cli.code).toBe(lines.length === 0 ? 0 : 1);
      } finally {
        rmSync(workdir, { recursive: true, force: true });
      }
    }), { seed: SEED, numRuns: Math.ceil(RUNS / 10) });
}, timeoutFor(RUNS / 10));
