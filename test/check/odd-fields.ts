// Values of the right and the wrong type for the PodDefault fields the field-type rule judges (the PodDefault
// CRD of Kubeflow 1.10, lib/admission/poddefault-crd-fields.ts), and Secret data the secret-data rule judges,
// for the invariant fuzz (invariant.fuzz.test.ts). Each pool mixes what the API server takes with what it
// refuses: integers and fractions and integers in quotes, booleans and booleans in quotes, null list items,
// a list where a mapping goes and the reverse, quantities good and bad, required fields left out, two ports
// with one containerPort and protocol, unknown fields; and strings that cdk8s writes plain but kubectl reads
// as numbers (`0O17`, `0X1F`, `1E3`), which only the in-process door sees as strings.
import * as fc from 'fast-check';

/** One change of a PodDefault's spec: set the field at `at` (a JSON pointer under spec, `-` appends) to `value`, or remove it. */
export interface OddField {
  readonly at: string;
  readonly value?: unknown;
  readonly remove?: true;
}

/** Strings cdk8s writes plain that kubectl reads as numbers, and ones it reads as strings. */
const NUMBER_LIKE = ['0O17', '0X1F', '1E3', '+1', '.5', '1_000'];
const QUANTITIES = ['1Gi', '500m', '1.5', '1e3', '2Gi', 'lots', '1 Gi', '', ...NUMBER_LIKE, 1, 2, 0.5, 1.5, 2.000000001, 2 ** 63, 1e21, true, [], {}];
const INTEGERS = [8080, 1, 0, -1, 2 ** 53, 2 ** 63, 1e21, 1.5, 8080.000001, 1.000000003, '8080', true, null, [], {}];
const BOOLEANS = [true, false, 'true', 'false', 1, 0, null, []];
const STRINGS = ['x', '', 1, 0.5, true, null, [], {}, ...NUMBER_LIKE];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const set = (at: string) => (value: unknown): OddField => ({ at, value });

/** A sidecar with `ports`, named and imaged. */
const sidecar = (extra: Record<string, unknown>) => [{ name: 'proxy', image: 'proxy:1', ...extra }];

/** One OddField: most fields of the CRD's kinds, each with its pool of values. */
export const oddField: fc.Arbitrary<OddField> = fc.oneof(
  // volumeMounts: readOnly a boolean, mountPath and name required strings, an unknown field, a misspelt one (pruned: unknown-field's line).
  pick(BOOLEANS).map(v => set('/volumeMounts')([{ name: 'data', mountPath: '/data', readOnly: v }])),
  pick(STRINGS).map(v => set('/volumeMounts')([{ name: 'data', mountPath: v }])),
  pick<unknown[]>([[{ name: 'data' }], [{ mountPath: '/data' }], [{ name: 'data', mountpath: '/data' }], [null], [{ name: 'data', mountPath: '/data', recursiveReadOnly: 'Enabled' }], [[]]]).map(set('/volumeMounts')),
  fc.constant<OddField>({ at: '/volumeMounts/0/mountPath', remove: true }),
  // volumes: an emptyDir's sizeLimit (int-or-string with the quantity pattern), a Secret volume's defaultMode (integer), a configMap item without path.
  pick(QUANTITIES).map(v => set('/volumes/-')({ name: 'scratch', emptyDir: { sizeLimit: v } })),
  pick(INTEGERS).map(v => set('/volumes')([{ name: 'data', secret: { secretName: 'creds', defaultMode: v } }])),
  pick<unknown>([{ name: 'cfg', configMap: { name: 'c', items: [{ key: 'k' }] } }, { name: 'cfg', configMap: { name: 'c', items: [{ key: 'k', path: 'p' }] } },
    { emptyDir: {} }, { name: 'img', image: { reference: 'x' } }, { name: 'cfg', configMap: [] }]).map(set('/volumes/-')),
  // sidecars: ports (a list-map on containerPort and protocol), resources (maps of quantities), probes, securityContext, name required.
  pick<unknown>([
    [{ containerPort: 8080 }, { containerPort: 8080, protocol: 'TCP' }], [{ containerPort: 8080 }, { containerPort: 8080, protocol: 'UDP' }],
    [{ containerPort: 8080, name: 'a' }, { containerPort: 8080, name: 'b' }], [{ containerPort: 8080 }, { containerPort: 9090 }],
    [{ containerPort: 8080 }, { containerPort: '8080' }], [{ containerPort: 8080, protocol: 'TCP' }, { containerPort: 8080, protocol: null }],
    {}, [null], [{}], [{ containerPort: 1.0 }], [{ containerPort: 8080, hostPort: '80' }], [{ containerPort: 8080, protocol: 6 }],
  ]).map(ports => set('/sidecars')(sidecar({ ports }))),
  pick(INTEGERS).map(v => set('/sidecars')(sidecar({ ports: [{ containerPort: v }] }))),
  pick(QUANTITIES).map(v => set('/sidecars')(sidecar({ resources: { limits: { cpu: v, memory: '1Gi' }, requests: { cpu: '100m' } } }))),
  pick<unknown>([[], { limits: [] }, { limits: { cpu: null } }, { requests: 'cpu' }, { claims: [{ name: 'x' }] }]).map(resources => set('/sidecars')(sidecar({ resources }))),
  pick<unknown>([8080, 'http', 1.5, 80.00000001, true, '8080', null, 2 ** 63]).map(port => set('/sidecars')(sidecar({ livenessProbe: { httpGet: { port } } }))),
  pick<unknown>([{ httpGet: { path: '/' } }, { tcpSocket: {} }, { exec: { command: 'ls' } }, { exec: { command: ['ls', null] } }, { periodSeconds: '10' }])
    .map(livenessProbe => set('/sidecars')(sidecar({ livenessProbe }))),
  pick<unknown>([{ runAsUser: 1000 }, { runAsUser: '1000' }, { runAsUser: 1.5 }, { privileged: 'false' }, { privileged: false },
    { seccompProfile: {} }, { capabilities: { add: 'NET_ADMIN' } }]).map(securityContext => set('/sidecars')(sidecar({ securityContext }))),
  pick<unknown>([[{ image: 'proxy:1' }], [null], {}, [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' }], [{ name: 'proxy', image: 1 }]]).map(set('/sidecars')),
  pick<unknown>([[{ image: 'init:1' }], [{ name: 'init', image: 'init:1', volumeDevices: [{ name: 'd' }] }], [{ name: 'init', image: 'init:1', tty: 'yes' }]]).map(set('/initContainers')),
  // env: name required, value a string, valueFrom's refs with their required fields and a quantity divisor.
  pick(STRINGS).map(v => set('/env/-')({ name: 'X_VALUE', value: v })),
  pick<unknown>([{ value: 'x' }, null, { name: 'X_FROM', valueFrom: { secretKeyRef: { name: 'creds' } } }, { name: 'X_FROM', valueFrom: { secretKeyRef: { name: 'creds', key: 'k', optional: 'true' } } },
    { name: 'X_FROM', valueFrom: { fieldRef: {} } }, { name: 1, value: 'x' }]).map(set('/env/-')),
  pick(QUANTITIES).map(v => set('/env/-')({ name: 'X_CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: v } } })),
  pick<unknown>([[{ secretRef: { name: 'creds', optional: 'true' } }], [{ secretRef: { name: 'creds', optional: true } }], [{ prefix: 1, configMapRef: { name: 'creds' } }]]).map(set('/envFrom')),
  // The selector: required; its matchExpressions' key and operator required; matchLabels a map of strings.
  fc.constant<OddField>({ at: '/selector', remove: true }),
  pick<unknown>([[], 'x', {}, { matchExpressions: [{ key: 'a' }] }, { matchExpressions: [{ key: 'a', operator: 'Exists' }] }, { matchExpressions: [null] },
    { matchExpressions: [{ key: 'a', operator: 'In', values: 'b' }] }, { matchLabels: [] }, { matchLabels: { a: 1 } }]).map(set('/selector')),
  // Scalars and lists at the top of the spec.
  pick<unknown>([[{ key: 'k', operator: 'Exists', tolerationSeconds: 30 }], [{ key: 'k', operator: 'Exists', tolerationSeconds: '30' }],
    [{ key: 'k', operator: 'Exists', tolerationSeconds: 1.5 }], [{ key: 'k', effect: 1 }], { key: 'k' }]).map(set('/tolerations')),
  pick<unknown>([['a'], ['a', null], ['a', 1], 'a', [true]]).map(set('/args')),
  pick<unknown>([{ a: 'x' }, { a: 1 }, { a: null }, { a: true }, ['a']]).map(set('/annotations')),
  pick(BOOLEANS).map(set('/automountServiceAccountToken')),
  pick(STRINGS).map(set('/serviceAccountName')),
  pick<unknown>([[{ name: 'r' }], [{ name: 1 }], { name: 'r' }, [null]]).map(set('/imagePullSecrets')),
  pick<unknown>([1, 'x', { a: 1 }]).map(set('/unknownField')),
);

/** The item a list path starts from when the spec has none yet: one the CRD takes. */
const FIRST_ITEM: Readonly<Record<string, unknown>> = {
  volumeMounts: { name: 'data', mountPath: '/data' },
  volumes: { name: 'data', secret: { secretName: 'creds' } },
  env: { name: 'S3_ENDPOINT', value: 'x' },
};

/** `spec` with `odd` applied (a copy; what `odd` holds is copied too, so that no two objects share a value). */
export function withOddField(spec: any, odd: OddField): any {
  const copy = structuredClone(spec);
  const parts = odd.at.split('/').slice(1);
  let parent: any = copy;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    const index = Array.isArray(parent) ? Number(part) : part;
    if (parent[index] === undefined || parent[index] === null || typeof parent[index] !== 'object') {
      const next = parts[i + 1];
      parent[index] = /^\d+$/.test(next) ? [structuredClone(FIRST_ITEM[part] ?? {})] : next === '-' ? [] : {};
    }
    parent = parent[index];
  }
  const last = parts[parts.length - 1];
  if (odd.remove) {
    if (Array.isArray(parent)) { parent.splice(Number(last), 1); } else { delete parent[last]; }
  } else if (last === '-' && Array.isArray(parent)) {
    parent.push(structuredClone(odd.value));
  } else {
    parent[Array.isArray(parent) ? Number(last) : last] = structuredClone(odd.value);
  }
  return copy;
}

/** A Secret's data and stringData: base64 and not, values of other types, keys the API server refuses, more than 1 MiB; a type and its keys. */
export const oddSecretData: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 4, arbitrary: pick<unknown>(['eA==', 'eA==\n', 'Zm9v\r\nYmFy', 'ZmFrZQ\n==', 'Zm9=', 'Zm9v YmFy', 'fake-value', '', '0O17', '0X1F', '1E10', 'true',
    5432, 1.5, true, [102, 97], [256], [1.5], {}, null]).map(v => ({ data: { AWS_REGION: v } })) },
  { weight: 2, arbitrary: pick<unknown>(['fake-value', '', '0O17', '1E10', 5432, true, null, [1], {}]).map(v => ({ stringData: { AWS_REGION: v } })) },
  { weight: 2, arbitrary: pick<Record<string, unknown>>([{ data: 'eA==' }, { data: ['eA=='] }, { stringData: 'x' }, { data: { 'bad key': 'eA==' } }, { stringData: { '..': 'x' } },
    { data: { AWS_REGION: 'eA==' }, stringData: { AWS_REGION: 5 } }]) },
  // A type and what it asks for (secret-type), there or not: a config that is a JSON object, or a list, or under
  // another key; tls.crt without tls.key; neither username nor password; an empty ssh-privatekey; a token without
  // its ServiceAccount; a type that is no string; and a tls Secret the API server cannot decode, judged by secret-data alone.
  { weight: 2, arbitrary: pick<Record<string, unknown>>([
    { type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': '{"auths":{}}' } },
    { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': 'e30=' } },
    { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': 'W10=' } },
    { type: 'kubernetes.io/dockercfg', stringData: { 'config.json': '{}' } },
    { type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'x' } },
    { type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==', 'tls.key': 'Zm9' } },
    { type: 'kubernetes.io/basic-auth', data: { AWS_REGION: 'eA==' } },
    { type: 'kubernetes.io/basic-auth', stringData: { username: '', password: 'x' } },
    { type: 'kubernetes.io/ssh-auth', stringData: { 'ssh-privatekey': '' } },
    { type: 'kubernetes.io/service-account-token', stringData: { AWS_REGION: 'x' } },
    { type: 5, stringData: { AWS_REGION: 'x' } },
  ]) },
  // Past 1 MiB once decoded (1,050,000 bytes), or just at it (1,048,575 bytes and one more of stringData); made
  // when the object is, so that a counterexample prints `QUFB` times N rather than the megabyte.
  // Rare: each megabyte costs a synth some 100 ms.
  { weight: 1, arbitrary: pick([350_000, 349_525]).map(n => ({ data: { AWS_REGION: { repeat: 'QUFB', times: n } }, stringData: { S3_ENDPOINT: 'x' } })) },
);

/** `secret` (of oddSecretData) with its repeats made. */
export function secretFields(secret: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(secret) as any;
  const big = out.data?.AWS_REGION;
  if (big !== null && typeof big === 'object' && typeof big.repeat === 'string') { out.data.AWS_REGION = big.repeat.repeat(big.times); }
  return out;
}
