import { Chart, Testing } from 'cdk8s';
import { DockerConfig, DockerRegistryAccess } from '../lib';
import { secretContentHash } from '../lib/content-hash';
import { secretAndPodDefault } from './golden';

describe('secretContentHash', () => {
  test('equals kustomize secretGenerator for the same Secret', () => {
    // GIVEN a Secret that kustomize names my-secret-b22th6mh4g
    const data = { baz: 'd2hhdGV2ZXI=', foo: 'YmFy', initial: 'd2hhdGV2ZXI=' };
    // WHEN / THEN
    expect(secretContentHash('my-secret', 'Opaque', data)).toBe('b22th6mh4g');
  });

  test('does not depend on the order of the keys', () => {
    expect(secretContentHash('s', 'Opaque', { a: 'YQ==', b: 'Yg==' }))
      .toBe(secretContentHash('s', 'Opaque', { b: 'Yg==', a: 'YQ==' }));
  });

  test.each([
    ['the data', 's', 'Opaque', { a: 'Yg==' }],
    ['the name', 't', 'Opaque', { a: 'YQ==' }],
    ['the type', 's', 'kubernetes.io/dockerconfigjson', { a: 'YQ==' }],
  ])('changes with %s', (_what, name, type, data) => {
    expect(secretContentHash(name, type, data)).not.toBe(secretContentHash('s', 'Opaque', { a: 'YQ==' }));
  });
});

describe('hashSecretName', () => {
  const synth = (password: string) => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'user' });
    const access = new DockerRegistryAccess(chart, 'docker-config', {
      config: DockerConfig.fromLogin({ username: 'fake-user', password }),
      hashSecretName: true,
    });
    return { access, manifests: secretAndPodDefault(Testing.synth(chart)) };
  };

  test('names the Secret with its content hash and points the PodDefault at it', () => {
    // GIVEN / WHEN
    const { access, manifests: [secret, podDefault] } = synth('fake-password-1');
    // THEN
    const hash = secretContentHash('docker-config', 'Opaque', secret.data);
    expect(secret.metadata.name).toBe(`docker-config-${hash}`);
    expect(access.secretName).toBe(`docker-config-${hash}`);
    expect(podDefault.metadata.name).toBe('docker-config');
    expect(podDefault.spec.volumes[0].secret.secretName).toBe(`docker-config-${hash}`);
  });

  test('rotated credentials get a new Secret name', () => {
    expect(synth('fake-password-1').access.secretName).not.toBe(synth('fake-password-2').access.secretName);
  });

  test('is refused with an existing Secret', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'user' });
    expect(() => new DockerRegistryAccess(chart, 'docker-config', {
      config: DockerConfig.fromExistingSecret('regcred'), hashSecretName: true,
    })).toThrow('[test/docker-config] hashSecretName: only applies to a synthesised Secret, but the source is an existing Secret: leave hashSecretName out');
  });
});
