// Two copies of the package in one app (a jsii build beside a direct dependency, two versions in a
// monorepo) must accept each other's sources and errors, as cdk8s accepts another copy's ApiObjects.
import { Testing } from 'cdk8s';
import { AccessError, DockerConfig, DockerRegistryAccess, SecretStoreRef, StorageAccess } from '../lib';
import { userChart } from './support';

/** The package loaded a second time, as a separate copy with its own classes. */
function otherCopy(): any {
  let copy: any;
  jest.isolateModules(() => { copy = require('../lib'); });
  return copy;
}

describe('brand checks across two copies of the package', () => {
  test('a construct takes a source made by the other copy', () => {
    // GIVEN a DockerConfig of another copy, which instanceof would not recognise
    const other = otherCopy();
    const config = other.DockerConfig.fromLogin({ server: 'ghcr.io', username: 'fake-user', password: 'fake-password' });
    expect(config instanceof DockerConfig).toBe(false);
    // WHEN a construct of this copy uses it
    const chart = userChart();
    new DockerRegistryAccess(chart, 'docker-config', { config });
    // THEN it is read as any DockerConfig
    expect(Testing.synth(chart).map(m => m.kind).sort()).toEqual(['PodDefault', 'Secret']);
  });

  test('an error of the other copy\'s source names the construct and field', () => {
    // GIVEN a source of another copy whose input is bad
    const other = otherCopy();
    const config = other.DockerConfig.fromJson('not json');
    // WHEN a construct of this copy reads it
    let error: unknown;
    try { new DockerRegistryAccess(userChart(), 'docker-config', { config }); } catch (e) { error = e; }
    // THEN the error is an AccessError to both copies, prefixed with the path and field
    expect(AccessError.isAccessError(error)).toBe(true);
    expect(other.AccessError.isAccessError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^\[test\/docker-config\] config: config\.json is not valid JSON/);
  });

  test('another copy\'s StorageAccess and SecretStoreRef are accepted, a look-alike object is not', () => {
    // GIVEN the other copy's factories, and a plain object shaped like a SecretStoreRef
    const other = otherCopy();
    expect(StorageAccess.minio() instanceof other.StorageAccess).toBe(false);
    const lookAlike = { name: 'vault', kind: 'ClusterSecretStore' };
    // WHEN each is given where its class is expected
    const good = () => DockerConfig.fromSecretStore({ store: other.SecretStoreRef.cluster('vault'), config: { key: 'k' } });
    const bad = () => DockerConfig.fromSecretStore({ store: lookAlike as SecretStoreRef, config: { key: 'k' } });
    // THEN only the branded one passes
    expect(() => new DockerRegistryAccess(userChart(), 'a', { config: good() })).not.toThrow();
    expect(() => new DockerRegistryAccess(userChart(), 'b', { config: bad() })).toThrow('[test/b] config: store is missing');
  });
});
