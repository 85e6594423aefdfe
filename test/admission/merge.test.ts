// The webhook's merge rules, one behaviour per test, on mergePodDefaults and admit. Written against the
// mutants that survived the rest of the suite (npm run mutation).
import { mergePodDefaults } from '../../lib/admission/merge';
import { PodDefaultAdmission } from '../../lib/admission/pod-default-admission';
import { pd, pod } from './support';

const container = (result: { pod: any }, i = 0) => result.pod.spec.containers[i];

describe('command and args', () => {
  test('a container\'s own args stay; a PodDefault\'s command is still set', () => {
    // GIVEN a container with args and no command
    const input = pod(['a'], { containers: [{ name: 'nb', image: 'j', args: ['own'] }] });
    // WHEN a PodDefault with command and args applies
    const result = PodDefaultAdmission.admit(input, [pd('a', { command: ['pd-cmd'], args: ['pd-arg'] })]);
    // THEN
    expect(container(result)).toEqual({ name: 'nb', image: 'j', command: ['pd-cmd'], args: ['own'] });
  });

  test('the first PodDefault by name that sets args wins', () => {
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [pd('b', { args: ['b-arg'] }), pd('a', { args: ['a-arg'] })]);
    expect(container(result)).toEqual({ name: 'nb', image: 'jupyter', args: ['a-arg'] });
  });

  test('the first PodDefault by name that sets a command wins', () => {
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [pd('b', { command: ['b-cmd'] }), pd('a', { command: ['a-cmd'] })]);
    expect(container(result)).toEqual({ name: 'nb', image: 'jupyter', command: ['a-cmd'] });
  });

  test('a null command or args counts as none', () => {
    const input = pod(['a'], { containers: [{ name: 'nb', image: 'j', command: null, args: null }] });
    const result = PodDefaultAdmission.admit(input, [pd('a', { command: ['c'], args: ['x'] })]);
    expect(container(result)).toEqual({ name: 'nb', image: 'j', command: ['c'], args: ['x'] });
  });

  test('a PodDefault with a null command sets nothing', () => {
    const result = PodDefaultAdmission.admit(pod(['a']), [pd('a', { command: null, args: null })]);
    expect(container(result)).toEqual({ name: 'nb', image: 'jupyter' });
  });

  test('istio-proxy gets neither', () => {
    const input = pod(['a'], { containers: [{ name: 'istio-proxy', image: 'istio' }] });
    expect(container(PodDefaultAdmission.admit(input, [pd('a', { command: ['c'], args: ['x'] })]))).toEqual({ name: 'istio-proxy', image: 'istio' });
  });

  test('the pod gets copies: changing it later leaves the PodDefault as it was', () => {
    const a = pd('a', { command: ['c'], args: ['x'] });
    const result = PodDefaultAdmission.admit(pod(['a']), [a]);
    container(result).command.push('changed');
    container(result).args.push('changed');
    expect(a.spec.command).toEqual(['c']);
    expect(a.spec.args).toEqual(['x']);
  });
});

describe('pods the webhook leaves alone', () => {
  test.each([
    ['a mirror pod', { 'kubernetes.io/config.mirror': 'abc' }],
    ['a mirror pod whose annotation is empty', { 'kubernetes.io/config.mirror': '' }],
    ['an excluded pod', { 'poddefault.admission.kubeflow.org/exclude': 'true' }],
  ])('%s', (_what, annotations) => {
    // GIVEN a pod that selects a PodDefault, and would clash with it
    const input = pod(['a'], { volumes: [{ name: 'v', emptyDir: {} }] }, { annotations });
    // WHEN
    const result = PodDefaultAdmission.admit(input, [pd('a', { volumes: [{ name: 'v', secret: { secretName: 's' } }] })]);
    // THEN nothing is applied and nothing clashes
    expect(result).toEqual({ allowed: true, pod: input, conflicts: [], applied: [] });
  });

  test('an exclude annotation other than "true" does not exclude', () => {
    const input = pod(['a'], {}, { annotations: { 'poddefault.admission.kubeflow.org/exclude': 'false' } });
    expect(PodDefaultAdmission.admit(input, [pd('a', {})]).applied).toEqual(['a']);
  });
});

describe('the 52-character name limit', () => {
  test('a name of exactly 52 characters applies', () => {
    const name = 'a'.repeat(52);
    const result = PodDefaultAdmission.admit(pod([name]), [pd(name, {})]);
    expect(result.allowed).toBe(true);
    expect(result.pod.metadata.annotations).toEqual({ [`poddefault.admission.kubeflow.org/poddefault-${name}`]: '' });
  });

  test('a name of 53 characters is refused', () => {
    const name = 'a'.repeat(53);
    expect(PodDefaultAdmission.admit(pod([name]), [pd(name, {})]).conflicts).toEqual([{
      rule: 'name-length', key: name, podDefaults: [name],
      message: `poddefault ${name} has a name over 52 characters, so the annotation the webhook adds is not a valid key and the pod is refused`,
    }]);
  });
});

describe('mergePodDefaults: what it writes and what it leaves out', () => {
  test('no PodDefault: the pod as it was, with no field added', () => {
    const input = { metadata: { name: 'p' }, spec: { containers: [{ name: 'nb' }] } };
    expect(mergePodDefaults(input, [])).toEqual({ pod: input, conflicts: [] });
  });

  test('a PodDefault that adds nothing adds only its annotation', () => {
    const input = { metadata: { name: 'p' }, spec: {} };
    const a = pd('a', {});
    a.metadata.resourceVersion = '42';
    expect(mergePodDefaults(input, [a]).pod).toEqual({
      metadata: { name: 'p', annotations: { 'poddefault.admission.kubeflow.org/poddefault-a': '42' } },
      spec: {},
    });
  });

  test('an empty list the pod has stays, an empty list it lacks is not added', () => {
    const input = { metadata: {}, spec: { volumes: [], containers: [] } };
    expect(mergePodDefaults(input, [pd('a', {})]).pod.spec).toEqual({ volumes: [], containers: [] });
  });

  test('a pod without metadata or spec gets both', () => {
    expect(mergePodDefaults(undefined, [pd('a', { labels: { x: 'y' } })]).pod).toEqual({
      metadata: { labels: { x: 'y' }, annotations: { 'poddefault.admission.kubeflow.org/poddefault-a': '' } },
      spec: {},
    });
  });

  test('labels and annotations: the pod\'s own equal values merge, different ones clash with the pod', () => {
    const input = pod(['a'], {}, { labels: { team: 'x' }, annotations: { note: 'n' } });
    const result = PodDefaultAdmission.admit(input, [pd('a', { labels: { team: 'x' }, annotations: { note: 'other' } })]);
    expect(result.conflicts).toEqual([{ rule: 'annotation', key: 'note', podDefaults: ['a'], message: 'pod annotation note differs between the pod and poddefault a' }]);
  });

  test('image pull secrets are de-duplicated by name, the pod\'s own first', () => {
    const input = pod(['a', 'b'], { imagePullSecrets: [{ name: 'own' }] });
    const result = PodDefaultAdmission.admit(input, [
      pd('a', { imagePullSecrets: [{ name: 'x' }, { name: 'own' }, { name: 'x' }] }),
      pd('b', { imagePullSecrets: [{ name: 'x' }, { name: 'y' }] }),
    ]);
    expect(result.pod.spec.imagePullSecrets).toEqual([{ name: 'own' }, { name: 'x' }, { name: 'y' }]);
  });

  test('service account: the last PodDefault that sets one wins; an empty name or a null flag sets nothing', () => {
    const result = PodDefaultAdmission.admit(pod(['a', 'b', 'c']), [
      pd('a', { serviceAccountName: 'sa-a', automountServiceAccountToken: true }),
      pd('b', { serviceAccountName: 'sa-b', automountServiceAccountToken: false }),
      pd('c', { serviceAccountName: '', automountServiceAccountToken: null }),
    ]);
    expect(result.pod.spec.serviceAccountName).toBe('sa-b');
    expect(result.pod.spec.automountServiceAccountToken).toBe(false);
  });

  test('a service account name that is not a string sets nothing', () => {
    const result = PodDefaultAdmission.admit(pod(['a']), [pd('a', { serviceAccountName: 7 })]);
    expect(result.pod.spec.serviceAccountName).toBeUndefined();
  });

  test('identical mounts merge silently; the pod\'s own mount path clashes with a different mount', () => {
    const input = pod(['a', 'b'], { containers: [{ name: 'nb', image: 'j', volumeMounts: [{ name: 'home', mountPath: '/home/jovyan' }] }] });
    const mount = { name: 'creds', mountPath: '/home/jovyan/.creds' };
    const result = PodDefaultAdmission.admit(input, [
      pd('a', { volumeMounts: [mount, { name: 'other', mountPath: '/home/jovyan' }] }),
      pd('b', { volumeMounts: [mount] }),
    ]);
    expect(result.conflicts).toEqual([{
      rule: 'volume-mount-path', key: '/home/jovyan', podDefaults: ['a'], container: 'nb',
      message: 'the mount at /home/jovyan in container nb differs between the pod and poddefault a',
    }]);
  });

  test('identical mounts are added once', () => {
    const mount = { name: 'creds', mountPath: '/c' };
    const result = PodDefaultAdmission.admit(pod(['a', 'b']), [pd('a', { volumeMounts: [mount] }), pd('b', { volumeMounts: [{ ...mount }] })]);
    expect(container(result).volumeMounts).toEqual([mount]);
  });

  test('a mount of the pod\'s volume name elsewhere clashes by name', () => {
    const input = pod(['a'], { containers: [{ name: 'nb', image: 'j', volumeMounts: [{ name: 'creds', mountPath: '/x' }] }] });
    expect(PodDefaultAdmission.admit(input, [pd('a', { volumeMounts: [{ name: 'creds', mountPath: '/y' }] })]).conflicts).toEqual([{
      rule: 'volume-mount-name', key: 'creds', podDefaults: ['a'], container: 'nb',
      message: 'the mount of volume creds in container nb differs between the pod and poddefault a',
    }]);
  });

  test('the container\'s own env clashes with a PodDefault\'s different value', () => {
    const input = pod(['a'], { containers: [{ name: 'nb', image: 'j', env: [{ name: 'E', value: 'own' }] }] });
    expect(PodDefaultAdmission.admit(input, [pd('a', { env: [{ name: 'E', value: 'pd' }] })]).conflicts).toEqual([{
      rule: 'env', key: 'E', podDefaults: ['a'], container: 'nb', message: 'env var E in container nb differs between the pod and poddefault a',
    }]);
  });

  test('the pod\'s own toleration equal to a PodDefault\'s merges once', () => {
    const toleration = { key: 'gpu', operator: 'Exists' };
    const result = PodDefaultAdmission.admit(pod(['a'], { tolerations: [toleration] }), [pd('a', { tolerations: [{ ...toleration }] })]);
    expect(result.pod.spec.tolerations).toEqual([toleration]);
  });

  test('a sidecar identical to one of the pod\'s containers rejects the pod', () => {
    const result = PodDefaultAdmission.admit(pod(['a']), [pd('a', { sidecars: [{ name: 'nb', image: 'jupyter' }] })]);
    expect(result.conflicts).toEqual([{ rule: 'sidecar', key: 'nb', podDefaults: ['a'], message: 'poddefault a adds sidecar nb, which the pod already has' }]);
  });

  test('a sidecar named like a pod container but different rejects the pod once', () => {
    const result = PodDefaultAdmission.admit(pod(['a']), [pd('a', { sidecars: [{ name: 'nb', image: 'other' }] })]);
    expect(result.conflicts).toEqual([{ rule: 'sidecar', key: 'nb', podDefaults: ['a'], message: 'poddefault a adds sidecar nb, which the pod already has' }]);
  });

  test('sidecars are added after the containers, which get the env; the sidecars do not', () => {
    const result = PodDefaultAdmission.admit(pod(['a']), [pd('a', { env: [{ name: 'E', value: '1' }], sidecars: [{ name: 'side', image: 's' }] })]);
    expect(result.pod.spec.containers).toEqual([
      { name: 'nb', image: 'jupyter', env: [{ name: 'E', value: '1' }] },
      { name: 'side', image: 's' },
    ]);
  });

  test('conflicts of one PodDefault with itself name it once per side', () => {
    const result = PodDefaultAdmission.admit(pod(['a']), [pd('a', { volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', secret: { secretName: 's' } }] })]);
    expect(result.conflicts).toEqual([{ rule: 'volume', key: 'v', podDefaults: ['a', 'a'], message: 'volume v differs between poddefaults a and a' }]);
  });
});
