// A PodDefault as the API server stores it (lib/admission/stored-pod-default.ts), against the PodDefault CRD of
// Kubeflow 1.10. apiextensions-apiserver, decoding a custom resource: pruning (pkg/apiserver/schema/pruning/
// algorithm.go) deletes every field the structural schema does not declare; PruneNonNullableNullsWithoutDefaults
// (schema/defaulting/prunenulls.go) deletes a null field or map value without a default, and keeps a null list
// item; Default (schema/defaulting/algorithm.go) sets a default for an absent or null field
// (customresource_handler.go, unstructuredSchemaCoercer.apply and unstructuredDefaulter).
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { PodDefaultAdmission } from '../../lib/admission/pod-default-admission';
import { isFloat64AJsonInteger, Refusal, storedPodDefault, storeFields } from '../../lib/admission/stored-pod-default';
import { compileCrd, hasPodDefaultCrd, PODDEFAULT_CRD } from '../schema';
import { pd, pod } from './support';

const GENERATED = path.join(__dirname, '..', '..', 'lib', 'admission', 'poddefault-crd-fields.ts');
const GENERATOR = path.join(__dirname, '..', '..', 'scripts', 'poddefault-crd-fields.py');

/** `storeFields` with the paths it prunes. */
function store(manifest: any): { stored: any; pruned: string[] } {
  const pruned: string[] = [];
  return { stored: storeFields(manifest, pruned), pruned };
}

describe('storeFields: what the API server keeps of a PodDefault', () => {
  test('a field the CRD does not declare is pruned at any depth, and named by its path', () => {
    // GIVEN fields core/v1 has but the Kubeflow 1.10 CRD lacks, a misspelt one, and one at the root
    const manifest = pd('a', {
      volumes: [{ name: 'models', image: { reference: 'registry.example.com/models:1' } }],
      volumeMounts: [{ name: 'models', mountpath: '/m' }, { name: 'x', mountPath: '/x', readOnly: true, recursiveReadOnly: 'Enabled' }],
      sidecars: [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }],
    });
    manifest.data = { note: 'x' };
    // WHEN it is stored
    const { stored, pruned } = store(manifest);
    // THEN each is dropped and named, in document order; apiVersion, kind and metadata stay
    expect(pruned).toEqual([
      'spec.volumes[0].image',
      'spec.volumeMounts[0].mountpath',
      'spec.volumeMounts[1].recursiveReadOnly',
      'spec.sidecars[0].restartPolicy',
      'spec.sidecars[0].resizePolicy',
      'data',
    ]);
    expect(stored).toEqual(pd('a', {
      volumes: [{ name: 'models' }],
      volumeMounts: [{ name: 'models' }, { name: 'x', mountPath: '/x', readOnly: true }],
      sidecars: [{ name: 'proxy', image: 'proxy:1' }],
    }));
  });

  test('a field name that is no identifier is named in brackets, as JSON', () => {
    const { pruned } = store(pd('a', { 'env': [{ 'name': 'A', 'value': 'x', 'value.from': 'y' }], '0x': 1 }));
    expect(pruned).toEqual(['spec.env[0]["value.from"]', 'spec["0x"]']);
  });

  test('a field named like an Object.prototype member is no declared field', () => {
    const { stored, pruned } = store(pd('a', { constructor: 'x', env: [{ name: 'A', toString: 'y' }] }));
    expect(pruned).toEqual(['spec.constructor', 'spec.env[0].toString']);
    expect(stored.spec).toEqual({ selector: { matchLabels: { a: 'true' } }, env: [{ name: 'A' }] });
  });

  test('a PodDefault the API server stores as it is comes back itself, unchanged', () => {
    // GIVEN a PodDefault with only declared fields and no null
    const manifest = pd('a', { volumes: [{ name: 'v', secret: { secretName: 's', items: [{ key: 'k', path: 'p' }] } }], labels: { team: 'ml' } });
    const before = JSON.stringify(manifest);
    // WHEN it is stored THEN the check gets the same object, with nothing pruned
    const { stored, pruned } = store(manifest);
    expect(stored).toBe(manifest);
    expect(pruned).toEqual([]);
    expect(JSON.stringify(manifest)).toBe(before);
  });

  test('a change copies only the path to it; the input is not touched', () => {
    const manifest = pd('a', { volumes: [{ name: 'v', emptyDir: {}, typo: 1 }, { name: 'w', emptyDir: {} }], env: [{ name: 'A', value: 'x' }] });
    const before = JSON.stringify(manifest);
    const { stored } = store(manifest);
    expect(stored).not.toBe(manifest);
    expect(stored.spec.volumes[0]).toEqual({ name: 'v', emptyDir: {} });
    expect(stored.spec.volumes[1]).toBe(manifest.spec.volumes[1]);
    expect(stored.spec.env).toBe(manifest.spec.env);
    expect(JSON.stringify(manifest)).toBe(before);
  });

  test('null fields and map values are dropped, a null list item is kept', () => {
    // PruneNonNullableNullsWithoutDefaults: the CRD marks nothing nullable
    const { stored, pruned } = store(pd('a', {
      desc: null,
      labels: { team: null, tier: 'gpu' },
      volumes: [null, { name: 'v', secret: { secretName: 's', optional: null } }],
    }));
    expect(pruned).toEqual([]);
    expect(stored.spec).toEqual({ selector: { matchLabels: { a: 'true' } }, labels: { tier: 'gpu' }, volumes: [null, { name: 'v', secret: { secretName: 's' } }] });
  });

  test('a container port\'s protocol, absent or null, is defaulted to TCP (the CRD\'s one default)', () => {
    const { stored, pruned } = store(pd('a', {
      sidecars: [{ name: 'proxy', image: 'p', ports: [{ containerPort: 8080 }, { containerPort: 9090, protocol: null }, { containerPort: 53, protocol: 'UDP' }] }],
    }));
    expect(pruned).toEqual([]);
    expect(stored.spec.sidecars[0].ports).toEqual([
      { containerPort: 8080, protocol: 'TCP' },
      { containerPort: 9090, protocol: 'TCP' },
      { containerPort: 53, protocol: 'UDP' },
    ]);
  });

  test('an object that declares no field keeps nothing: status, and an ephemeral volume\'s claim template metadata', () => {
    // controller-gen writes an embedded ObjectMeta as `type: object` without properties, so pruning empties it.
    const { stored, pruned } = store({
      ...pd('a', { volumes: [{ name: 'scratch', ephemeral: { volumeClaimTemplate: { metadata: { labels: { team: 'ml' } }, spec: { accessModes: ['ReadWriteOnce'] } } } }] }),
      status: { phase: 'x' },
    });
    expect(pruned).toEqual(['spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.labels', 'status.phase']);
    expect(stored.spec.volumes[0].ephemeral.volumeClaimTemplate).toEqual({ metadata: {}, spec: { accessModes: ['ReadWriteOnce'] } });
    expect(stored.status).toEqual({});
  });

  test('a value of the wrong type is kept as it is, for validation (and the shape rule) to refuse', () => {
    const { stored, pruned } = store(pd('a', { volumes: 'creds', env: [{ name: 'A', valueFrom: 'x' }], labels: ['a'] }));
    expect(pruned).toEqual([]);
    expect(stored.spec.volumes).toBe('creds');
    expect(stored.spec.env).toEqual([{ name: 'A', valueFrom: 'x' }]);
    expect(stored.spec.labels).toEqual(['a']);
  });

  test('metadata is kept as written, and storedPodDefault drops its nulls too and shares nothing', () => {
    const manifest = { ...pd('a', { env: [{ name: 'A', value: 'x' }] }), metadata: { name: 'a', namespace: 'team-a', labels: { x: null }, anything: 1 } };
    expect(storeFields(manifest).metadata).toBe(manifest.metadata);
    const stored = storedPodDefault(manifest);
    expect(stored.metadata).toEqual({ name: 'a', namespace: 'team-a', labels: {}, anything: 1 });
    expect(stored.spec.env).not.toBe(manifest.spec.env);
    expect(stored.spec.env).toEqual(manifest.spec.env);
  });
});

const withCrd = hasPodDefaultCrd() ? describe : describe.skip;
if (!hasPodDefaultCrd()) {
  console.warn(`SKIPPED: the PodDefault CRD field table against the CRD: ${PODDEFAULT_CRD} is not there (CI puts ../shared beside the project)`);
}

withCrd('the field table against the PodDefault CRD of Kubeflow 1.10 (needs ../shared/crds)', () => {
  test('scripts/poddefault-crd-fields.py writes the committed lib/admission/poddefault-crd-fields.ts', () => {
    // GIVEN the CRD WHEN the generator runs THEN it writes the committed table, byte for byte
    const run = spawnSync('python3', [GENERATOR, PODDEFAULT_CRD], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(GENERATED, 'utf8'));
  });

  test('every object of the CRD prunes exactly the fields a closed JSON schema of it refuses', () => {
    // GIVEN a PodDefault that sets every field the CRD declares, at every depth, plus an unknown field `zz` in
    // every object that declares fields (test/schema.ts closes those, and only those, with additionalProperties: false)
    const crd = YAML.parse(readFileSync(PODDEFAULT_CRD, 'utf8'));
    const schema = crd.spec.versions[0].schema.openAPIV3Schema;
    const manifest = { apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'a' }, spec: sample(schema.properties.spec) };
    // WHEN the API server's pruning is modelled, and the JSON schema validates
    const { stored, pruned } = store(manifest);
    const validate = compileCrd(PODDEFAULT_CRD);
    expect(validate(manifest)).toBe(false);
    const refused = (validate.errors ?? []).filter(e => e.keyword === 'additionalProperties')
      .map(e => `${e.instancePath.slice(1).replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.')}.${e.params.additionalProperty}`);
    // THEN both name the same fields (over 150 of them), and what is stored passes
    expect(pruned.length).toBeGreaterThan(150);
    expect([...pruned].sort()).toEqual([...refused].sort());
    expect(validate(stored)).toBe(true);
  });
});

withCrd('what the API server refuses, against a JSON schema of the CRD (needs ../shared/crds)', () => {
  // The JSON schema (test/schema.ts) states type, required and pattern as JSON Schema does; it drops the
  // x-kubernetes extensions, so a map list's duplicate keys are left to the vectors in
  // test/check/one-pod-default-rules.test.ts. Its int32 and int64 formats check ranges the API server does not
  // (it strips those formats), so the values below stay in int32.
  const crd = hasPodDefaultCrd() ? YAML.parse(readFileSync(PODDEFAULT_CRD, 'utf8')) : undefined;

  test('over PodDefaults with a wrong type, a missing required field or a string off its pattern at every place of the CRD, both refuse the same paths', () => {
    // GIVEN, for each field of the CRD, a PodDefault that sets every field once (as above, without unknown fields)
    // and breaks that one: the wrong type, a fraction for an integer, a null list item, or a required field left out
    const schema = crd.spec.versions[0].schema.openAPIV3Schema;
    const base = { apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'a' }, spec: sample(schema.properties.spec, false) };
    const validate = compileCrd(PODDEFAULT_CRD);
    expect(validate(base)).toBe(true);
    const cases = breakages(schema.properties.spec, ['spec']);
    expect(cases.length).toBeGreaterThan(700);
    let refusedCount = 0;
    for (const { at, broken } of cases) {
      const manifest = structuredClone(base);
      setAt(manifest, at, broken);
      // WHEN the API server's pruning and validation are modelled, and the JSON schema validates what is stored
      const refused: Refusal[] = [];
      const stored = storedPodDefault(storeFields(manifest, undefined, refused));
      const expected = validate(stored) ? [] : jsonSchemaPaths(validate.errors ?? []);
      // THEN both name the same paths
      expect({ at: at.join('.'), paths: [...new Set(refused.map(r => r.path))].sort() }).toEqual({ at: at.join('.'), paths: expected });
      refusedCount += refused.length;
    }
    expect(refusedCount).toBeGreaterThan(700);
  });
});

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
(hasKubectl ? describe : describe.skip)('an integer as kubectl 1.32 sends it', () => {
  test('YAML 1.0 and 1e3 go as 1 and 1000, integers; 1.5 and 0.5 as fractions; "8080" as a string: the walk reads the YAML as kubectl sends it', () => {
    // GIVEN container ports written in YAML in several ways
    const written = ['1.0', '1.5', '1e3', '.5', '"8080"', '8080', '-0.0'];
    const yaml = 'apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata: {name: a}\nspec:\n  selector: {}\n  sidecars:\n  - name: s\n    ports:\n'
      + written.map(w => `    - {containerPort: ${w}, protocol: P${w.replace(/\W/g, '')}}\n`).join('');
    const dir = mkdtempSync(path.join(tmpdir(), 'ports-'));
    const file = path.join(dir, 'pd.yaml');
    writeFileSync(file, yaml);
    // WHEN kubectl reads it (what `kubectl apply` sends; `create --dry-run=client` needs a server for a CRD's kind)
    const run = spawnSync('kubectl', ['annotate', '--local', '-o', 'json', '-f', file, 'x=y'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const sent = JSON.parse(run.stdout);
    // THEN kubectl sends these JSON numbers (recorded vectors)
    expect(run.stdout.match(/"containerPort": [^,\n]+/g)).toEqual([
      '"containerPort": 1', '"containerPort": 1.5', '"containerPort": 1000', '"containerPort": 0.5', '"containerPort": "8080"', '"containerPort": 8080', '"containerPort": 0',
    ]);
    // AND the walk refuses the same ports, whether it reads kubectl's JSON or the YAML as the CLI parses it
    const refusedPaths = (manifest: any) => {
      const refused: Refusal[] = [];
      storeFields(manifest, undefined, refused);
      return refused.map(r => r.path);
    };
    const expected = ['spec.sidecars[0].ports[1].containerPort', 'spec.sidecars[0].ports[3].containerPort', 'spec.sidecars[0].ports[4].containerPort'];
    expect(refusedPaths(sent)).toEqual(expected);
    expect(refusedPaths(YAML.parse(yaml))).toEqual(expected);
  });
});

/** The paths the JSON schema refuses, as the walk writes them: a missing field's own path; an int-or-string's anyOf once. */
function jsonSchemaPaths(errors: readonly any[]): string[] {
  const paths = new Set<string>();
  for (const e of errors) {
    const at = e.instancePath.slice(1).replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
    if (e.keyword === 'required') {
      paths.add(`${at}.${e.params.missingProperty}`);
    } else if (e.keyword === 'type' || e.keyword === 'anyOf' || e.keyword === 'pattern') {
      paths.add(at);
    }
  }
  return [...paths].sort();
}

/**
 * For every place of `schema` (a field, a list item, a map value), values that break it: another type, a fraction
 * for an integer, a string off its pattern, null for a list item, and, for each required field, its object without it.
 */
function breakages(schema: any, at: (string | number)[]): { at: (string | number)[]; broken: any }[] {
  const out: { at: (string | number)[]; broken: any }[] = [];
  const wrong = (s: any): any[] => {
    if (s['x-kubernetes-int-or-string']) { return s.pattern !== undefined ? [1.5, true, 'no quantity'] : [1.5, true, {}]; }
    switch (s.type) {
      case 'string': return [1, true, {}];
      case 'integer': return ['1', 1.5, false, []];
      case 'number': return ['1', true];
      case 'boolean': return ['true', 1];
      case 'array': return [{}, 'x'];
      default: return ['x', []];
    }
  };
  for (const broken of wrong(schema)) { out.push({ at, broken }); }
  if (schema.type === 'array') {
    out.push({ at, broken: [null] });
    for (const b of breakages(schema.items, [...at, 0])) { out.push(b); }
  } else if (schema.additionalProperties !== undefined) {
    for (const b of breakages(schema.additionalProperties, [...at, 'key'])) { out.push(b); }
  } else if (schema.properties !== undefined) {
    for (const field of schema.required ?? []) {
      const without = sample(schema, false);
      delete without[field];
      out.push({ at, broken: without });
    }
    for (const [name, child] of Object.entries<any>(schema.properties)) {
      for (const b of breakages(child, [...at, name])) { out.push(b); }
    }
  }
  return out;
}

function setAt(root: any, at: readonly (string | number)[], value: any): void {
  let parent = root;
  for (let i = 0; i < at.length - 1; i++) { parent = parent[at[i]]; }
  parent[at[at.length - 1]] = value;
}

/** A value for `schema` that sets every declared field, with `zz` added to each object that declares fields. */
function sample(schema: any, unknown = true): any {
  if (schema['x-kubernetes-int-or-string']) { return 1; }
  switch (schema.type) {
    case 'string': return schema.default ?? 'x';
    case 'integer':
    case 'number': return 1;
    case 'boolean': return true;
    case 'array': return [sample(schema.items, unknown)];
  }
  if (schema.additionalProperties !== undefined) { return { key: sample(schema.additionalProperties, unknown) }; }
  if (schema.properties === undefined) { return {}; }
  const out: Record<string, any> = {};
  for (const [name, child] of Object.entries<any>(schema.properties)) { out[name] = sample(child, unknown); }
  if (unknown) { out.zz = 1; }
  return out;
}

describe('the admission model reads each PodDefault as the API server stores it', () => {
  // main.go L654 lists the PodDefaults from the API server: what it pruned never reaches the merge.
  const sidecar = (extra: any) => ({ sidecars: [{ name: 'proxy', image: 'proxy:1', ...extra }] });

  test('two sidecars that differ only in restartPolicy, which the CRD lacks, do not clash, and the pod gets none', () => {
    // GIVEN two PodDefaults adding one sidecar, one with restartPolicy (which k8s.io/api v0.28.1 has, the CRD not)
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [pd('a', sidecar({ restartPolicy: 'Always' })), pd('b', sidecar({}))]);
    // THEN the webhook admits the pod with the sidecar as stored
    expect(result.conflicts).toEqual([]);
    expect(result.pod.spec.containers).toEqual([{ name: 'nb', image: 'jupyter' }, { name: 'proxy', image: 'proxy:1' }]);
  });

  test('an init container\'s restartPolicy is not injected: it is no native sidecar', () => {
    const result = PodDefaultAdmission.admit(pod(['a']), [pd('a', { initContainers: [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' }] })]);
    expect(result.pod.spec.initContainers).toEqual([{ name: 'proxy', image: 'proxy:1' }]);
  });

  test('two sidecars that differ only in resizePolicy do not clash', () => {
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [
      pd('a', sidecar({ resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] })), pd('b', sidecar({})),
    ]);
    expect(result.conflicts).toEqual([]);
  });

  test('a port without protocol and one with protocol TCP are one port: the CRD defaults it', () => {
    // Without the default, DeepEqual of the decoded ContainerPorts ("" against "TCP") would refuse the pod.
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [
      pd('a', sidecar({ ports: [{ containerPort: 8080 }] })), pd('b', sidecar({ ports: [{ containerPort: 8080, protocol: 'TCP' }] })),
    ]);
    expect(result.conflicts).toEqual([]);
    expect(result.pod.spec.containers[1]).toEqual({ name: 'proxy', image: 'proxy:1', ports: [{ containerPort: 8080, protocol: 'TCP' }] });
  });

  test('a misspelt mountPath is pruned: the mount the pod gets has none', () => {
    const result = PodDefaultAdmission.admit(pod(['a']), [pd('a', { volumes: [{ name: 'v', emptyDir: {} }], volumeMounts: [{ name: 'v', mountpath: '/m' }] })]);
    expect(result.pod.spec.containers[0].volumeMounts).toEqual([{ name: 'v' }]);
  });

  test('the PodDefaults given are left as they were', () => {
    const podDefaults = [pd('a', sidecar({ restartPolicy: 'Always', ports: [{ containerPort: 8080 }] }))];
    const before = JSON.stringify(podDefaults);
    PodDefaultAdmission.admit(pod(['a']), podDefaults);
    expect(JSON.stringify(podDefaults)).toBe(before);
  });
});

describe('isFloat64AJsonInteger: go-openapi/swag v0.23.0 IsFloat64AJSONInteger, which kube-openapi asks of a float where the schema says integer', () => {
  // The verdicts follow swag's convert.go step by step (quoted in stored-pod-default.ts): a fraction passes when
  // f >= 1 and (f - trunc(f)) / (f + trunc(f)) < 1e-9; below 1, and below 0, none does; past ±(2^53 - 1) nothing does.
  test.each<[string, number, boolean]>([
    ['a whole number', 1, true],
    ['a negative whole number', -3, true],
    ['2^53 - 1, the largest swag takes', 2 ** 53 - 1, true],
    ['2^53', 2 ** 53, false],
    ['a plain fraction', 1.5, false],
    ['1e-10 over 1', 1.0000000001, true],
    ['1e-9 over 1: 5e-10 of 2', 1.000000001, true],
    ['3e-9 over 1: 1.5e-9 of 2', 1.000000003, false],
    ['0.001 over a million', 1000000.001, true],
    ['0.003 over a million', 1000000.003, false],
    ['a port 1e-6 over 8080', 8080.000001, true],
    ['a half below 2^52, tiny beside it', 2 ** 52 - 0.5, true],
    ['just below a whole number: swag truncates, so the whole number below is 1 away', 1.9999999999, false],
    ['just below 1: the whole part is 0, and the bound 1e-9 * 5e-324 is 0', 0.9999999999, false],
    ['a tiny positive number', 1e-10, false],
    ['a negative fraction near a whole number', -1.0000000001, false],
    ['NaN', NaN, false],
    ['Infinity', Infinity, false],
  ])('%s', (_title, f, verdict) => {
    expect(isFloat64AJsonInteger(f)).toBe(verdict);
  });
});
