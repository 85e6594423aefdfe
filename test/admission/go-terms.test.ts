// The admission model on Go's terms: the webhook decodes the pod the API server re-encoded and each
// PodDefault through typed core/v1 structs, and compares entries with reflect.DeepEqual. Each test names
// the line it follows in kubeflow/dashboard components/poddefaults-webhooks/main.go at d84246482d86 (the
// same code as the last kubeflow/kubeflow components/admission-webhook/main.go at 41ee8e7cb7cf, but for
// imports and the decoder's scheme).
import { PodDefaultAdmission } from '../../lib/admission/pod-default-admission';
import { NS, pd, pod } from './support';

const volume = (source: any) => ({ volumes: [{ name: 'v', ...source }] });
const rules = (result: { conflicts: { rule: string }[] }) => result.conflicts.map(c => c.rule);

describe('empty lists', () => {
  test('a pod container\'s command: [] is absent, so a PodDefault\'s command applies', () => {
    // main.go L627: the pod is decoded from the JSON the API server wrote, where an empty list is left out;
    // L605: the PodDefault's command is set when the container's is nil.
    const input = pod(['a'], { containers: [{ name: 'nb', image: 'jupyter', command: [] }] });
    const result = PodDefaultAdmission.admit(input, [pd('a', { command: ['start.sh'] })]);
    expect(result.pod.spec.containers[0].command).toEqual(['start.sh']);
  });

  test('a PodDefault\'s command: [] is not absent: it is set, empty, and a later PodDefault\'s command is not', () => {
    // main.go L605: `pd.Spec.Command != nil` holds for the empty list the typed client decodes from `[]`
    // (the API server keeps a custom resource's `[]`); L706: the empty command is then marshalled away.
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [pd('a', { command: [] }), pd('b', { command: ['b.sh'] })]);
    expect(result.allowed).toBe(true);
    expect(result.pod.spec.containers[0]).toEqual({ name: 'nb', image: 'jupyter' });
  });

  test('items: [] in one PodDefault and none in another clash', () => {
    // main.go L360: DeepEqual tells a nil slice from an empty one.
    const a = pd('a', volume({ secret: { secretName: 's', items: [] } }));
    const b = pd('b', volume({ secret: { secretName: 's' } }));
    expect(rules(PodDefaultAdmission.admit(pod(['a', 'b']), [a, b]))).toEqual(['volume']);
  });

  test('items: [] in the pod\'s own volume is absent: a PodDefault without items equals it, one with items: [] does not', () => {
    // main.go L627: the pod's `[]` is left out by the API server's encoding; L360: compared with DeepEqual.
    const input = pod(['a'], volume({ secret: { secretName: 's', items: [] } }));
    expect(PodDefaultAdmission.admit(input, [pd('a', volume({ secret: { secretName: 's' } }))]).allowed).toBe(true);
    expect(rules(PodDefaultAdmission.admit(input, [pd('a', volume({ secret: { secretName: 's', items: [] } }))]))).toEqual(['volume']);
  });
});

describe('zero values', () => {
  test('initialDelaySeconds: 0 equals an absent one (a plain int32)', () => {
    // main.go L407: two sidecars of one name compared with DeepEqual; Probe.InitialDelaySeconds is an int32.
    const sidecar = (probe: any) => ({ sidecars: [{ name: 'proxy', image: 'p', readinessProbe: { exec: { command: ['ok'] }, ...probe } }] });
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [pd('a', sidecar({ initialDelaySeconds: 0 })), pd('b', sidecar({}))]);
    expect(result.allowed).toBe(true);
  });

  test('readOnly: false equals an absent one; optional: false (a pointer) does not', () => {
    // main.go L308 and L360: VolumeMount.ReadOnly is a bool, SecretVolumeSource.Optional a *bool.
    const mount = (extra: any) => ({ volumeMounts: [{ name: 'v', mountPath: '/m', ...extra }] });
    expect(PodDefaultAdmission.admit(pod(['a', 'b']), [pd('a', mount({ readOnly: false })), pd('b', mount({}))]).allowed).toBe(true);
    const a = pd('a', volume({ secret: { secretName: 's', optional: false } }));
    const b = pd('b', volume({ secret: { secretName: 's' } }));
    expect(rules(PodDefaultAdmission.admit(pod(['a', 'b']), [a, b]))).toEqual(['volume']);
  });

  test('a field core/v1 does not have is dropped before the comparison', () => {
    // main.go L360: the typed decoder keeps only the struct's fields (and the API server prunes the rest).
    const a = pd('a', volume({ secret: { secretName: 's', note: 'one' } }));
    const b = pd('b', volume({ secret: { secretName: 's', note: 'two' } }));
    expect(PodDefaultAdmission.admit(pod(['a', 'b']), [a, b]).allowed).toBe(true);
  });
});

describe('quantities', () => {
  const sized = (sizeLimit: unknown) => volume({ emptyDir: { sizeLimit } });

  test('sizeLimit: 1 and "1" are one quantity', () => {
    // main.go L360: both decode through Quantity.UnmarshalJSON to one struct.
    expect(PodDefaultAdmission.admit(pod(['a', 'b']), [pd('a', sized(1)), pd('b', sized('1'))]).allowed).toBe(true);
  });

  test('1Gi and 1024Mi clash between two PodDefaults: the parsed struct keeps the canonical text', () => {
    // main.go L360: DeepEqual reads Quantity's cached string, set only for canonical input
    // (apimachinery v0.35.0 quantity.go L332-343).
    expect(rules(PodDefaultAdmission.admit(pod(['a', 'b']), [pd('a', sized('1Gi')), pd('b', sized('1024Mi'))]))).toEqual(['volume']);
  });

  test('the pod\'s own 1024Mi reaches the webhook as 1Gi: a PodDefault\'s 1Gi equals it, its 1024Mi does not', () => {
    // main.go L627: the API server writes the pod's quantities in canonical form.
    const input = pod(['a'], sized('1024Mi'));
    expect(PodDefaultAdmission.admit(input, [pd('a', sized('1Gi'))]).allowed).toBe(true);
    expect(rules(PodDefaultAdmission.admit(input, [pd('a', sized('1024Mi'))]))).toEqual(['volume']);
  });
});

describe('namespaces', () => {
  test.each([['no namespace', undefined], ['an empty namespace', '']])('a pod with %s is in the request\'s namespace', (_what, namespace) => {
    // main.go L633: `if pod.Namespace == ""`, the request's namespace.
    const input = pod(['a'], {}, { namespace });
    const result = PodDefaultAdmission.admit(input, [pd('a', { env: [{ name: 'E', value: '1' }] }), pd('a', { env: [{ name: 'F', value: '1' }] }, 'other')], { namespace: NS });
    expect(result.applied).toEqual(['a']);
    expect(result.pod.spec.containers[0].env).toEqual([{ name: 'E', value: '1' }]);
  });
});

describe('a sidecar named like a pod container', () => {
  test('is admitted when it equals the container even after the merge', () => {
    // main.go L162 compares it with the container as it came; L563 with the container after env and mounts
    // were merged (L549), where mergeEnv (L240) and mergeVolumeMounts (L292) leave the lists the container had.
    const container = { name: 'nb', image: 'jupyter', env: [{ name: 'E', value: '1' }], volumeMounts: [{ name: 'v', mountPath: '/m' }] };
    const input = pod(['a'], { containers: [container], volumes: [{ name: 'v', emptyDir: {} }] });
    const result = PodDefaultAdmission.admit(input, [pd('a', { sidecars: [container] })]);
    expect(result.allowed).toBe(true);
    expect(result.pod.spec.containers).toEqual([container]);
  });

  test('is refused when the container has no env: the merge gives it an empty one, which differs', () => {
    // main.go L240: `make([]corev1.EnvVar, 0)` is not nil; L563 then fails and L567 writes no containers.
    const container = { name: 'nb', image: 'jupyter', volumeMounts: [{ name: 'v', mountPath: '/m' }] };
    const input = pod(['a'], { containers: [container], volumes: [{ name: 'v', emptyDir: {} }] });
    expect(rules(PodDefaultAdmission.admit(input, [pd('a', { sidecars: [container] })]))).toEqual(['sidecar']);
  });
});

describe('nulls in a PodDefault, which the API server drops before the webhook lists it', () => {
  // apiextensions-apiserver customresource_handler.go (unstructuredSchemaCoercer.apply) calls
  // PruneNonNullableNullsWithoutDefaults (schema/defaulting/prunenulls.go): a null field or map value that the
  // schema does not mark nullable (the PodDefault CRD marks none) is deleted when the PodDefault is stored,
  // list items are kept. main.go L654 then lists the PodDefault without it.

  test('a matchLabels value left empty in YAML (`aws-credentials:`, null) is dropped: the selector is {}, which selects every pod', () => {
    // main.go L93: LabelSelectorAsSelector returns labels.Everything() for a selector without requirements.
    const written = { ...pd('a', { env: [{ name: 'REGION', value: 'eu-west-1' }] }), spec: { selector: { matchLabels: { 'aws-credentials': null } }, env: [{ name: 'REGION', value: 'eu-west-1' }] } };
    const result = PodDefaultAdmission.admit(pod([]), [written]);
    expect(result.conflicts).toEqual([]);
    expect(result.applied).toEqual(['a']);
    expect(result.pod.spec.containers[0].env).toEqual([{ name: 'REGION', value: 'eu-west-1' }]);
  });

  test('a null label or annotation in spec.labels / spec.annotations is not set, so it meets no pod label', () => {
    // main.go L471: mergeMap never sees the dropped key.
    const input = pod(['a'], {}, { labels: { team: 'ml' }, annotations: { note: 'mine' } });
    const result = PodDefaultAdmission.admit(input, [pd('a', { labels: { team: null }, annotations: { note: null } })]);
    expect(result.conflicts).toEqual([]);
    expect(result.pod.metadata.labels).toEqual({ a: 'true', team: 'ml' });
    expect(result.pod.metadata.annotations).toEqual({ 'note': 'mine', 'poddefault.admission.kubeflow.org/poddefault-a': '' });
  });
});

describe('the webhook\'s own core/v1: k8s.io/api v0.28.1', () => {
  // The go.mod of kubeflow/kubeflow v1.10.0 components/admission-webhook (and of kubeflow/dashboard v2.0.0
  // components/poddefaults-webhooks) requires k8s.io/api v0.28.1, whose structs lack the fields added since:
  // VolumeMount.recursiveReadOnly, Volume.image, EnvVarSource.fileKeyRef, Lifecycle.stopSignal... main.go L654
  // decodes each PodDefault into them, so such a field is neither compared nor written back.
  const mount = (extra: any) => ({ volumes: [{ name: 'v', emptyDir: {} }], volumeMounts: [{ name: 'v', mountPath: '/m', ...extra }] });

  test('two mounts that differ only in recursiveReadOnly are equal, and the mount the pod gets has none', () => {
    // main.go L308 and L320: DeepEqual of two VolumeMounts decoded without the field.
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [pd('a', mount({ readOnly: true, recursiveReadOnly: 'Enabled' })), pd('b', mount({ readOnly: true }))]);
    expect(result.conflicts).toEqual([]);
    expect(result.pod.spec.containers[0].volumeMounts).toEqual([{ name: 'v', mountPath: '/m', readOnly: true }]);
  });

  test('an image volume reaches the pod without its source', () => {
    // main.go L354: mergeVolumes appends the Volume as decoded, {name} alone (the API server then defaults
    // a volume without a source to an emptyDir, which the model does not add).
    const result = PodDefaultAdmission.admit(pod(['a']), [pd('a', { volumes: [{ name: 'models', image: { reference: 'registry.example.com/models:1' } }] })]);
    expect(result.pod.spec.volumes).toEqual([{ name: 'models' }]);
  });

  test('the pod\'s own fields the webhook does not know are kept: its JSON patch only adds', () => {
    // main.go L702-710: the patch is the difference of two encodings by the same structs, so a field both
    // lack is left as the pod had it.
    const input = pod(['a'], { containers: [{ name: 'nb', image: 'jupyter', volumeMounts: [{ name: 'home', mountPath: '/home/jovyan', recursiveReadOnly: 'Disabled' }] }],
      volumes: [{ name: 'home', emptyDir: {} }, { name: 'v', emptyDir: {} }] });
    const result = PodDefaultAdmission.admit(input, [pd('a', { volumeMounts: [{ name: 'v', mountPath: '/m' }] })]);
    expect(result.pod.spec.containers[0].volumeMounts).toEqual([
      { name: 'home', mountPath: '/home/jovyan', recursiveReadOnly: 'Disabled' },
      { name: 'v', mountPath: '/m' },
    ]);
  });
});

describe('the JSON patch when a sidecar is added (github.com/mattbaird/jsonpatch 81af80346b1a, compareArray)', () => {
  // main.go L710: the containers list grows, so CreatePatch compares it as a set: each container the merge
  // changed is removed by its old index, one after the other in one patch, then added again whole, as the
  // webhook's structs encode it.
  const sidecar = { sidecars: [{ name: 'proxy', image: 'proxy:1' }] };
  const env = { env: [{ name: 'REGION', value: 'eu-west-1' }] };

  test('a pod with two containers that the PodDefaults change is refused: the second removal misses', () => {
    // Removing index 0 then index 1 of two containers leaves one to remove at index 1: the API server
    // cannot apply the patch (or, with more containers, removes the wrong one and gets a duplicate name).
    const input = pod(['a'], { containers: [{ name: 'main', image: 'm' }, { name: 'wait', image: 'w' }] });
    const result = PodDefaultAdmission.admit(input, [pd('a', { ...env, ...sidecar })]);
    expect(result.allowed).toBe(false);
    expect(result.conflicts).toEqual([{
      rule: 'json-patch',
      key: 'main, wait',
      podDefaults: ['a'],
      message: 'poddefault a adds sidecar proxy and changes containers main, wait: the webhook\'s JSON patch removes each changed container by its old index, one after the other, so the API server cannot apply it',
    }]);
  });

  test('a pod with two containers that the PodDefaults leave alone gets the sidecar', () => {
    const input = pod(['a'], { containers: [{ name: 'main', image: 'm' }, { name: 'wait', image: 'w' }] });
    const result = PodDefaultAdmission.admit(input, [pd('a', sidecar)]);
    expect(result.allowed).toBe(true);
    expect(result.pod.spec.containers.map((c: any) => c.name)).toEqual(['main', 'wait', 'proxy']);
  });

  test('one changed container is replaced whole: the fields the webhook does not know are lost', () => {
    // The container is added back as k8s.io/api v0.28.1 encodes it: no appArmorProfile in its securityContext.
    const input = pod(['a'], { containers: [{ name: 'nb', image: 'jupyter', securityContext: { runAsNonRoot: true, appArmorProfile: { type: 'RuntimeDefault' } } }] });
    const result = PodDefaultAdmission.admit(input, [pd('a', { ...env, ...sidecar })]);
    expect(result.allowed).toBe(true);
    expect(result.pod.spec.containers).toEqual([
      { name: 'nb', image: 'jupyter', env: [{ name: 'REGION', value: 'eu-west-1' }], securityContext: { runAsNonRoot: true } },
      { name: 'proxy', image: 'proxy:1' },
    ]);
  });
});
