import { PodDefaultAdmission } from '../../lib/admission/pod-default-admission';
import { NS, pd, pod, storedPod } from './support';

const secretVolume = (name: string, secretName: string, extra: any = {}) => ({ name, secret: { secretName, ...extra } });

describe('PodDefaultAdmission.admit: conflicts, one rule per row', () => {
  test.each([
    ['volume', { volumes: [secretVolume('creds', 'one')] }, { volumes: [secretVolume('creds', 'two')] },
      { rule: 'volume', key: 'creds', podDefaults: ['a', 'b'], message: 'volume creds differs between poddefaults a and b' }],
    ['volume-mount-name', { volumeMounts: [{ name: 'creds', mountPath: '/x' }] }, { volumeMounts: [{ name: 'creds', mountPath: '/y' }] },
      { rule: 'volume-mount-name', key: 'creds', podDefaults: ['a', 'b'], container: 'nb', message: 'the mount of volume creds in container nb differs between poddefaults a and b' }],
    ['volume-mount-path', { volumeMounts: [{ name: 'one', mountPath: '/x' }] }, { volumeMounts: [{ name: 'two', mountPath: '/x' }] },
      { rule: 'volume-mount-path', key: '/x', podDefaults: ['a', 'b'], container: 'nb', message: 'the mount at /x in container nb differs between poddefaults a and b' }],
    ['env', { env: [{ name: 'REGION', value: 'secret-one' }] }, { env: [{ name: 'REGION', value: 'secret-two' }] },
      { rule: 'env', key: 'REGION', podDefaults: ['a', 'b'], container: 'nb', message: 'env var REGION in container nb differs between poddefaults a and b' }],
    ['label', { labels: { team: 'x' } }, { labels: { team: 'y' } },
      { rule: 'label', key: 'team', podDefaults: ['a', 'b'], message: 'pod label team differs between poddefaults a and b' }],
    ['annotation', { annotations: { note: 'x' } }, { annotations: { note: 'y' } },
      { rule: 'annotation', key: 'note', podDefaults: ['a', 'b'], message: 'pod annotation note differs between poddefaults a and b' }],
    ['toleration', { tolerations: [{ key: 'gpu', operator: 'Exists' }] }, { tolerations: [{ key: 'gpu', operator: 'Equal', value: 'yes' }] },
      { rule: 'toleration', key: 'gpu', podDefaults: ['a', 'b'], message: 'the toleration of key gpu differs between poddefaults a and b' }],
    ['init-container', { initContainers: [{ name: 'init', image: 'one' }] }, { initContainers: [{ name: 'init', image: 'two' }] },
      { rule: 'init-container', key: 'init', podDefaults: ['a', 'b'], message: 'init container init differs between poddefaults a and b' }],
    ['sidecar', { sidecars: [{ name: 'proxy', image: 'one' }] }, { sidecars: [{ name: 'proxy', image: 'two' }] },
      { rule: 'sidecar', key: 'proxy', podDefaults: ['a', 'b'], message: 'sidecar proxy differs between poddefaults a and b' }],
  ])('%s', (_rule, specA, specB, expected) => {
    // GIVEN two PodDefaults that a notebook selects together
    const podDefaults = [pd('b', specB), pd('a', specA)];
    const input = pod(['a', 'b']);

    // WHEN the webhook admits the notebook pod
    const result = PodDefaultAdmission.admit(input, podDefaults);

    // THEN it refuses it, names the clash, and leaves the pod as it was
    expect(result.allowed).toBe(false);
    expect(result.conflicts).toEqual([expected]);
    expect(result.applied).toEqual([]);
    expect(result.pod).toEqual(input);
  });

  test('an env conflict message never holds the values', () => {
    // GIVEN two env vars with secret-looking values, one from a Secret
    const a = pd('a', { env: [{ name: 'TOKEN', value: 'hunter2' }] });
    const b = pd('b', { env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'creds-secret', key: 'tok' } } }] });

    // WHEN admitted together
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [a, b]);

    // THEN the message names the variable only
    expect(result.conflicts.map(c => c.message)).toEqual(['env var TOKEN in container nb differs between poddefaults a and b']);
    expect(JSON.stringify(result.conflicts)).not.toMatch(/hunter2|creds-secret|tok\b/);
  });

  test('the pod\'s own volumes, env and tolerations take part', () => {
    // GIVEN a pod whose own volume (defaulted by the API server), env and toleration share keys with a PodDefault
    const input = pod(['a'], {
      volumes: [secretVolume('creds', 'one', { defaultMode: 420 })],
      tolerations: [{ key: 'gpu', operator: 'Exists' }],
      containers: [{ name: 'nb', image: 'jupyter', env: [{ name: 'REGION', value: 'eu' }] }],
    });
    const a = pd('a', {
      volumes: [secretVolume('creds', 'one')],
      tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }],
      env: [{ name: 'REGION', value: 'us' }],
    });

    // WHEN admitted
    const result = PodDefaultAdmission.admit(input, [a]);

    // THEN each clash is reported against the pod's own entry
    expect(result.allowed).toBe(false);
    expect(result.conflicts.map(c => [c.rule, c.key, c.podDefaults, c.message])).toEqual([
      ['volume', 'creds', ['a'], 'volume creds differs between the pod and poddefault a'],
      ['toleration', 'gpu', ['a'], 'the toleration of key gpu differs between the pod and poddefault a'],
      ['env', 'REGION', ['a'], 'env var REGION in container nb differs between the pod and poddefault a'],
    ]);
  });

  test('a sidecar named like one of the pod\'s containers is refused, even when identical', () => {
    // GIVEN a PodDefault whose sidecar repeats the pod's container
    const a = pd('a', { sidecars: [{ name: 'nb', image: 'jupyter' }] });

    // WHEN admitted
    const result = PodDefaultAdmission.admit(pod(['a']), [a]);

    // THEN it is refused
    expect(result.conflicts).toEqual([{
      rule: 'sidecar', key: 'nb', podDefaults: ['a'], message: 'poddefault a adds sidecar nb, which the pod already has',
    }]);
  });

  test('a PodDefault name over 52 characters is refused', () => {
    // GIVEN a PodDefault of 53 characters
    const name = 'x'.repeat(53);

    // WHEN admitted
    const result = PodDefaultAdmission.admit(pod([name]), [pd(name, {})]);

    // THEN the pod is refused
    expect(result.allowed).toBe(false);
    expect(result.conflicts.map(c => [c.rule, c.key])).toEqual([['name-length', name]]);
  });
});

describe('PodDefaultAdmission.admit: identical duplicates and Go equality', () => {
  test('identical duplicates merge silently, once', () => {
    // GIVEN two PodDefaults with the same volume, mount, env, label, toleration and sidecar
    const shared = {
      volumes: [secretVolume('creds', 'one', { items: [{ key: 'k', path: 'p' }] })],
      volumeMounts: [{ name: 'creds', mountPath: '/x', readOnly: true }],
      env: [{ name: 'REGION', value: 'eu' }],
      labels: { team: 'x' },
      tolerations: [{ key: 'gpu', operator: 'Exists' }],
      sidecars: [{ name: 'proxy', image: 'p' }],
    };

    // WHEN both are admitted
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [pd('a', shared), pd('b', shared)]);

    // THEN each appears once
    expect(result.allowed).toBe(true);
    expect(result.pod.spec.volumes).toEqual(shared.volumes);
    expect(result.pod.spec.tolerations).toEqual(shared.tolerations);
    expect(result.pod.spec.containers).toEqual([
      { name: 'nb', image: 'jupyter', env: shared.env, volumeMounts: shared.volumeMounts },
      { name: 'proxy', image: 'p' },
    ]);
  });

  test.each([
    ['readOnly false equals absent', { name: 'v', mountPath: '/x', readOnly: false }, { name: 'v', mountPath: '/x' }, true],
    ['subPath "" equals absent', { name: 'v', mountPath: '/x', subPath: '' }, { name: 'v', mountPath: '/x' }, true],
    ['mountPropagation set differs from absent', { name: 'v', mountPath: '/x', mountPropagation: 'None' }, { name: 'v', mountPath: '/x' }, false],
  ])('volume mounts: %s', (_title, mountA, mountB, allowed) => {
    // GIVEN two mounts of one volume that differ in one field
    // WHEN admitted together
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [pd('a', { volumeMounts: [mountA] }), pd('b', { volumeMounts: [mountB] })]);

    // THEN Go's DeepEqual decides
    expect(result.allowed).toBe(allowed);
  });

  test.each([
    ['optional: false differs from absent', secretVolume('v', 's', { optional: false }), secretVolume('v', 's'), false],
    ['defaultMode 420 differs from absent', secretVolume('v', 's', { defaultMode: 420 }), secretVolume('v', 's'), false],
    ['items: [] differs from absent', secretVolume('v', 's', { items: [] }), secretVolume('v', 's'), false],
    ['items[].mode set differs from absent', secretVolume('v', 's', { items: [{ key: 'k', path: 'p', mode: 256 }] }),
      secretVolume('v', 's', { items: [{ key: 'k', path: 'p' }] }), false],
    ['emptyDir {} differs from absent', { name: 'v', emptyDir: {} }, { name: 'v' }, false],
    ['pvc readOnly false equals absent', { name: 'v', persistentVolumeClaim: { claimName: 'c', readOnly: false } },
      { name: 'v', persistentVolumeClaim: { claimName: 'c' } }, true],
    ['csi readOnly false differs from absent (a pointer there)', { name: 'v', csi: { driver: 'd', readOnly: false } },
      { name: 'v', csi: { driver: 'd' } }, false],
    ['key order does not matter', { name: 'v', secret: { secretName: 's', defaultMode: 420 } },
      { secret: { defaultMode: 420, secretName: 's' }, name: 'v' }, true],
  ])('volumes: %s', (_title, volumeA, volumeB, allowed) => {
    // GIVEN two volumes of one name that differ in one field
    // WHEN admitted together
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [pd('a', { volumes: [volumeA] }), pd('b', { volumes: [volumeB] })]);

    // THEN Go's DeepEqual decides
    expect(result.allowed).toBe(allowed);
  });

  test.each([
    ['secretKeyRef optional false vs absent', { secretKeyRef: { name: 's', key: 'k', optional: false } }, { secretKeyRef: { name: 's', key: 'k' } }, false],
    ['configMapKeyRef optional false vs absent', { configMapKeyRef: { name: 'c', key: 'k', optional: false } }, { configMapKeyRef: { name: 'c', key: 'k' } }, false],
    ['same secretKeyRef', { secretKeyRef: { name: 's', key: 'k' } }, { secretKeyRef: { name: 's', key: 'k' } }, true],
  ])('env valueFrom: %s', (_title, fromA, fromB, allowed) => {
    // GIVEN one env var from two PodDefaults
    // WHEN admitted together
    const result = PodDefaultAdmission.admit(pod(['a', 'b']),
      [pd('a', { env: [{ name: 'E', valueFrom: fromA }] }), pd('b', { env: [{ name: 'E', valueFrom: fromB }] })]);

    // THEN Go's DeepEqual decides
    expect(result.allowed).toBe(allowed);
  });

  test('tolerationSeconds set differs from absent', () => {
    // GIVEN one toleration key, once with tolerationSeconds
    const a = pd('a', { tolerations: [{ key: 't', operator: 'Exists', tolerationSeconds: 0 }] });
    const b = pd('b', { tolerations: [{ key: 't', operator: 'Exists' }] });

    // WHEN admitted together
    // THEN refused
    expect(PodDefaultAdmission.admit(pod(['a', 'b']), [a, b]).conflicts.map(c => c.rule)).toEqual(['toleration']);
  });
});

describe('PodDefaultAdmission.admit: what the webhook writes', () => {
  test('merges in name order into every regular container, never into init containers', () => {
    // GIVEN two containers, an init container, and PodDefaults given out of name order (without a sidecar:
    // with two changed containers, the webhook's patch of a longer containers list fails, see go-terms.test.ts)
    const input = pod(['a', 'b'], {
      initContainers: [{ name: 'setup', image: 'busybox' }],
      containers: [{ name: 'nb', image: 'jupyter' }, { name: 'istio-proxy', image: 'istio' }],
      imagePullSecrets: [{ name: 'regcred' }],
    });
    const b = pd('b', {
      env: [{ name: 'B', value: '2' }],
      envFrom: [{ secretRef: { name: 'b-env' } }],
      volumes: [secretVolume('b-vol', 'b-secret')],
      volumeMounts: [{ name: 'b-vol', mountPath: '/b' }],
      imagePullSecrets: [{ name: 'regcred' }, { name: 'b-reg' }],
      serviceAccountName: 'sa-b',
      automountServiceAccountToken: false,
      command: ['b-cmd'],
      args: ['b-arg'],
      annotations: { 'b/note': 'x' },
      labels: { extra: 'y' },
      initContainers: [{ name: 'b-init', image: 'i' }],
    });
    const a = pd('a', {
      env: [{ name: 'A', value: '1' }],
      envFrom: [{ secretRef: { name: 'a-env' } }, { secretRef: { name: 'b-env' } }],
      serviceAccountName: 'sa-a',
      automountServiceAccountToken: true,
      command: ['a-cmd'],
    });

    // WHEN admitted
    const result = PodDefaultAdmission.admit(input, [b, a]);

    // THEN a is merged before b, in every regular container; command/args go first-wins, never to istio-proxy
    expect(result.allowed).toBe(true);
    expect(result.applied).toEqual(['a', 'b']);
    expect(result.pod).toEqual(storedPod(
      { a: 'true', b: 'true', extra: 'y' },
      { 'b/note': 'x', 'poddefault.admission.kubeflow.org/poddefault-a': '', 'poddefault.admission.kubeflow.org/poddefault-b': '' },
      {
        initContainers: [{ name: 'setup', image: 'busybox' }, { name: 'b-init', image: 'i' }],
        containers: [
          {
            name: 'nb',
            image: 'jupyter',
            env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }],
            envFrom: [{ secretRef: { name: 'a-env' } }, { secretRef: { name: 'b-env' } }, { secretRef: { name: 'b-env' } }],
            volumeMounts: [{ name: 'b-vol', mountPath: '/b' }],
            command: ['a-cmd'],
            args: ['b-arg'],
          },
          {
            name: 'istio-proxy',
            image: 'istio',
            env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }],
            envFrom: [{ secretRef: { name: 'a-env' } }, { secretRef: { name: 'b-env' } }, { secretRef: { name: 'b-env' } }],
            volumeMounts: [{ name: 'b-vol', mountPath: '/b' }],
          },
        ],
        volumes: [secretVolume('b-vol', 'b-secret')],
        imagePullSecrets: [{ name: 'regcred' }, { name: 'b-reg' }],
        serviceAccountName: 'sa-b',
        automountServiceAccountToken: false,
      },
    ));
  });

  test('a container with a command keeps it', () => {
    // GIVEN a container that has a command, and no args
    const input = pod(['a'], { containers: [{ name: 'nb', image: 'j', command: ['own'] }] });

    // WHEN a PodDefault with command and args applies
    const result = PodDefaultAdmission.admit(input, [pd('a', { command: ['pd'], args: ['x'] })]);

    // THEN only args are set
    expect(result.pod.spec.containers[0]).toEqual({ name: 'nb', image: 'j', command: ['own'], args: ['x'] });
  });

  test('the input pod is not modified', () => {
    // GIVEN a pod
    const input = pod(['a']);
    const before = JSON.parse(JSON.stringify(input));

    // WHEN admitted with a PodDefault that adds env
    PodDefaultAdmission.admit(input, [pd('a', { env: [{ name: 'A', value: '1' }] })]);

    // THEN the input is unchanged
    expect(input).toEqual(before);
  });
});

describe('PodDefaultAdmission.admit: which PodDefaults apply', () => {
  test.each([
    ['matchLabels match', { matchLabels: { x: 'true' } }, { x: 'true' }, true],
    ['matchLabels value differs', { matchLabels: { x: 'true' } }, { x: 'false' }, false],
    ['empty selector matches every pod', {}, {}, true],
    ['In', { matchExpressions: [{ key: 'x', operator: 'In', values: ['1', '2'] }] }, { x: '2' }, true],
    ['In, label absent', { matchExpressions: [{ key: 'x', operator: 'In', values: ['1'] }] }, {}, false],
    ['NotIn, label absent', { matchExpressions: [{ key: 'x', operator: 'NotIn', values: ['1'] }] }, {}, true],
    ['NotIn, label in set', { matchExpressions: [{ key: 'x', operator: 'NotIn', values: ['1'] }] }, { x: '1' }, false],
    ['Exists', { matchExpressions: [{ key: 'x', operator: 'Exists' }] }, { x: '' }, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }] }, { x: '1' }, false],
    ['matchLabels and matchExpressions both hold', { matchLabels: { y: 'true' }, matchExpressions: [{ key: 'x', operator: 'Exists' }] },
      { x: '1', y: 'true' }, true],
  ])('selector: %s', (_title, selector, labels, applies) => {
    // GIVEN a PodDefault with this selector and a pod with these labels
    const input = { metadata: { name: 'p', namespace: NS, labels }, spec: { containers: [{ name: 'c' }] } };

    // WHEN admitted
    const result = PodDefaultAdmission.admit(input, [{ metadata: { name: 'a', namespace: NS }, spec: { selector } }]);

    // THEN it applies or not
    expect(result.allowed).toBe(true);
    expect(result.applied).toEqual(applies ? ['a'] : []);
  });

  test.each([
    ['In without values', { matchExpressions: [{ key: 'x', operator: 'In', values: [] }] }, 'x',
      'poddefault bad has an invalid selector: matchExpressions key x: operator In needs values; the webhook rejects every pod of the namespace'],
    ['Exists with values', { matchExpressions: [{ key: 'x', operator: 'Exists', values: ['1'] }] }, 'x',
      'poddefault bad has an invalid selector: matchExpressions key x: operator Exists takes no values; the webhook rejects every pod of the namespace'],
    ['unknown operator', { matchExpressions: [{ key: 'x', operator: 'Like', values: ['1'] }] }, 'x',
      'poddefault bad has an invalid selector: matchExpressions key x: unknown operator Like; the webhook rejects every pod of the namespace'],
    // It threw a TypeError (values.map is not a function); the API server refuses such a PodDefault first.
    ['values that are no list', { matchExpressions: [{ key: 'x', operator: 'In', values: 'gpu' }] }, 'x',
      'poddefault bad has an invalid selector: matchExpressions key x: values is no list; the webhook rejects every pod of the namespace'],
    ['bad label key', { matchLabels: { 'a b': 'true' } }, '(key not shown, as it may be a secret: 3 characters, a space at character 2)',
      'poddefault bad has an invalid selector: matchLabels key (key not shown, as it may be a secret: 3 characters, a space at character 2): the name must be 1 to 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit; the webhook rejects every pod of the namespace'],
  ])('an invalid selector (%s) on any PodDefault of the namespace refuses every pod', (_title, selector, key, message) => {
    // GIVEN a PodDefault the pod does not select, with an invalid selector, in the pod's namespace
    const bad = { metadata: { name: 'bad', namespace: NS }, spec: { selector } };

    // WHEN a pod that selects only a good PodDefault is admitted
    const result = PodDefaultAdmission.admit(pod(['a']), [pd('a', {}), bad]);

    // THEN it is refused
    expect(result.allowed).toBe(false);
    expect(result.conflicts).toEqual([{ rule: 'selector', key, podDefaults: ['bad'], message }]);
  });

  test('an invalid selector in another namespace does not matter', () => {
    // GIVEN an invalid selector in another namespace
    const bad = { metadata: { name: 'bad', namespace: 'other' }, spec: { selector: { matchExpressions: [{ key: 'x', operator: 'In' }] } } };

    // WHEN admitted
    // THEN allowed
    expect(PodDefaultAdmission.admit(pod(['a']), [pd('a', {}), bad]).applied).toEqual(['a']);
  });

  test('PodDefaults of other namespaces are ignored', () => {
    // GIVEN a matching PodDefault in another namespace that would conflict
    const here = pd('a', { env: [{ name: 'E', value: '1' }] });
    const there = pd('b', { env: [{ name: 'E', value: '2' }] }, 'other');

    // WHEN admitted
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [here, there]);

    // THEN only the pod's namespace counts
    expect(result.allowed).toBe(true);
    expect(result.applied).toEqual(['a']);
  });

  test('a pod without namespace takes the request namespace', () => {
    // GIVEN a pod without namespace and PodDefaults in two namespaces
    const input = pod(['a', 'b']);
    delete input.metadata.namespace;

    // WHEN admitted in namespace other
    const result = PodDefaultAdmission.admit(input, [pd('a', {}), pd('b', {}, 'other')], { namespace: 'other' });

    // THEN the PodDefault of that namespace applies
    expect(result.applied).toEqual(['b']);
  });

  test('the exclude annotation leaves the pod alone, even with conflicts and invalid selectors', () => {
    // GIVEN an excluded pod
    const input = pod(['a', 'b'], {}, { annotations: { [PodDefaultAdmission.EXCLUDE_ANNOTATION]: 'true' } });
    const bad = { metadata: { name: 'bad', namespace: NS }, spec: { selector: { matchExpressions: [{ key: 'x', operator: 'In' }] } } };

    // WHEN admitted
    const result = PodDefaultAdmission.admit(input, [pd('a', { env: [{ name: 'E', value: '1' }] }), pd('b', { env: [{ name: 'E', value: '2' }] }), bad]);

    // THEN allowed, unchanged
    expect(result).toEqual({ allowed: true, pod: input, conflicts: [], applied: [] });
  });

  test('an exclude annotation other than "true" does not exclude', () => {
    // GIVEN a pod annotated exclude: "false"
    const input = pod(['a'], {}, { annotations: { [PodDefaultAdmission.EXCLUDE_ANNOTATION]: 'false' } });

    // WHEN admitted
    // THEN the PodDefault applies
    expect(PodDefaultAdmission.admit(input, [pd('a', {})]).applied).toEqual(['a']);
  });
});
