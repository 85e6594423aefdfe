// Property-based tests of the secret store sources: store names, remote keys, refresh intervals and the
// literal settings written into the templates, all hostile. Either the construct synthesises manifests
// that pass the schema checks (the ESO CRD included, when ../shared is there) and use the values as
// given, or it throws one AccessError and leaves nothing in the tree. Each source also checks two fixed
// examples, one it synthesises and one it rejects, so that every run checks both outcomes whatever the
// seed and the run count.
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, AzureBlobConfiguration, AzureStorageConfiguration, DockerConfig,
  DockerRegistryAccess, DockerSecretType, GcpServiceAccountKey, GcsCredentials, MinioCredentials, MinioDefault, RemoteValue,
  S3Configuration, SecretStoreRef,
} from '../../lib';
import { isGoDuration } from '../../lib/sources/go-duration';
import { esoSecret } from './eso-template';
import { buildOrReject, hostileText, nameCandidate, params, timeout } from '../fuzz';

const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
/** Mostly valid values, sometimes hostile ones: both outcomes occur in most runs of a few dozen cases. */
const mostly = <T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>) => fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: hostile });
const store = fc.tuple(fc.boolean(), mostly(fc.constantFrom('vault', 'team-store', 'aws.secrets-manager'), nameCandidate()))
  .map(([cluster, name]) => (cluster ? SecretStoreRef.cluster(name) : SecretStoreRef.namespaced(name)));
const remoteValue: fc.Arbitrary<RemoteValue> = fc.record({
  key: mostly(fc.constantFrom('kubeflow/registry', 'team-aws', 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:x'), hostileText(30)),
  property: option(mostly(fc.constantFrom('password', 'data.username', 'ключ'), hostileText(12))),
  version: option(mostly(fc.constantFrom('1', 'AWSCURRENT'), hostileText(8))),
}, { requiredKeys: ['key'] });
const refreshInterval = option(mostly(fc.constantFrom('1h', '15m', '0s', '1h30m', '1.5h', '300ms'), fc.oneof(hostileText(10), fc.constantFrom('1d', '-1h', '10'))));
const common = fc.record({
  secretName: option(nameCandidate()),
  immutable: option(fc.boolean()),
  hashSecretName: option(fc.constant(false)),
}, { requiredKeys: [] });

type Build = (chart: Chart, props: object) => Construct;

interface Source {
  readonly kind: string;
  readonly arbitrary: fc.Arbitrary<Build>;
  /** A build from `store` with plain values: synthesised from a valid store, rejected from an invalid one. */
  readonly example: (store: SecretStoreRef) => Build;
}

const REMOTE = { key: 'kubeflow/example', property: 'value' };

const SOURCES: Source[] = [
  {
    kind: 'DockerConfig.fromSecretStore',
    arbitrary: fc.tuple(store, remoteValue, refreshInterval, fc.constantFrom(DockerSecretType.OPAQUE, DockerSecretType.DOCKER_CONFIG_JSON))
      .map(([s, config, interval, secretType]) => (chart: Chart, props: object) => new DockerRegistryAccess(chart, 'docker-config', {
        ...props, secretType, config: DockerConfig.fromSecretStore({ store: s, config, refreshInterval: interval }),
      })),
    example: s => (chart, props) => new DockerRegistryAccess(chart, 'docker-config', { ...props, config: DockerConfig.fromSecretStore({ store: s, config: REMOTE }) }),
  },
  {
    kind: 'DockerConfig.fromSecretStoreLogin',
    arbitrary: fc.tuple(store, option(mostly(fc.constantFrom('ghcr.io', 'a{{b}}', '{{ .password }}', 'https://registry.example.com/v2/"<&>"'), hostileText(30))), remoteValue, remoteValue, refreshInterval)
      .map(([s, server, username, password, interval]) => (chart: Chart, props: object) => new DockerRegistryAccess(chart, 'docker-config', {
        ...props, config: DockerConfig.fromSecretStoreLogin({ store: s, server, username, password, refreshInterval: interval }),
      })),
    example: s => (chart, props) => new DockerRegistryAccess(chart, 'docker-config', {
      ...props, config: DockerConfig.fromSecretStoreLogin({ store: s, username: REMOTE, password: REMOTE }),
    }),
  },
  {
    kind: 'AwsCredentials.fromSecretStoreKeys',
    arbitrary: fc.tuple(store, remoteValue, remoteValue, option(remoteValue), option(mostly(fc.constantFrom('ml', 'a@b+c.d_e-f'), hostileText(12))), option(mostly(fc.constantFrom('eu-west-1', 'us-east-1'), hostileText(12))), refreshInterval)
      .map(([s, accessKeyId, secretAccessKey, sessionToken, profile, region, interval]) => (chart: Chart, props: object) =>
        new AwsFileCredentials(chart, 'aws-credentials', {
          ...props,
          credentials: AwsCredentials.fromSecretStoreKeys({ store: s, accessKeyId, secretAccessKey, sessionToken, profile, region, refreshInterval: interval }),
        })),
    example: s => (chart, props) => new AwsFileCredentials(chart, 'aws-credentials', {
      ...props, credentials: AwsCredentials.fromSecretStoreKeys({ store: s, accessKeyId: REMOTE, secretAccessKey: REMOTE }),
    }),
  },
  {
    kind: 'S3Configuration.fromSecretStore',
    arbitrary: fc.tuple(store, remoteValue, remoteValue, option(mostly(fc.constantFrom('eu-west-1'), hostileText(12))), option(mostly(fc.constantFrom('http://a{{b}}:9000', 'https://s3.example.com'), hostileText(30))))
      .map(([s, accessKeyId, secretAccessKey, region, endpoint]) => (chart: Chart, props: object) =>
        new AwsEnvConfiguration(chart, 'aws-configuration', {
          ...props, configuration: S3Configuration.fromSecretStore({ store: s, accessKeyId, secretAccessKey, region, endpoint }),
        })),
    example: s => (chart, props) => new AwsEnvConfiguration(chart, 'aws-configuration', {
      ...props, configuration: S3Configuration.fromSecretStore({ store: s, accessKeyId: REMOTE, secretAccessKey: REMOTE }),
    }),
  },
  {
    kind: 'MinioCredentials.fromSecretStore',
    arbitrary: fc.tuple(store, remoteValue, remoteValue, refreshInterval)
      .map(([s, accessKey, secretKey, interval]) => (chart: Chart, props: object) => new MinioDefault(chart, 'minio', {
        ...props, credentials: MinioCredentials.fromSecretStore({ store: s, accessKey, secretKey, refreshInterval: interval }),
      })),
    example: s => (chart, props) => new MinioDefault(chart, 'minio', {
      ...props, credentials: MinioCredentials.fromSecretStore({ store: s, accessKey: REMOTE, secretKey: REMOTE }),
    }),
  },
  {
    kind: 'GcpServiceAccountKey.fromSecretStore',
    arbitrary: fc.tuple(store, remoteValue, refreshInterval)
      .map(([s, key, interval]) => (chart: Chart, props: object) => new GcsCredentials(chart, 'gcp-credentials', {
        ...props, key: GcpServiceAccountKey.fromSecretStore({ store: s, key, refreshInterval: interval }),
      })),
    example: s => (chart, props) => new GcsCredentials(chart, 'gcp-credentials', { ...props, key: GcpServiceAccountKey.fromSecretStore({ store: s, key: REMOTE }) }),
  },
  {
    kind: 'AzureStorageConfiguration.fromSecretStore',
    arbitrary: fc.tuple(
      store,
      mostly(fc.constantFrom('fakeaccount0000', 'abc', 'a'.repeat(24)), fc.oneof(hostileText(30), fc.constantFrom('a{{b}}c', 'https://fakeaccount0000.blob.core.windows.net'))),
      // Mostly one credential, sometimes none or two.
      mostly<string[]>(fc.constantFrom(['accountKey'], ['sasToken'], ['connectionString']), fc.subarray(['accountKey', 'sasToken', 'connectionString'])),
      remoteValue,
      refreshInterval,
    ).map(([s, accountName, fields, remote, interval]) => (chart: Chart, props: object) => new AzureBlobConfiguration(chart, 'azure-blob', {
      ...props,
      configuration: AzureStorageConfiguration.fromSecretStore({
        store: s, accountName, refreshInterval: interval, ...Object.fromEntries(fields.map(field => [field, remote])),
      }),
    })),
    example: s => (chart, props) => new AzureBlobConfiguration(chart, 'azure-blob', {
      ...props, configuration: AzureStorageConfiguration.fromSecretStore({ store: s, accountName: 'fakeaccount0000', sasToken: REMOTE }),
    }),
  },
];

describe.each(SOURCES)('$kind with hostile store references', source => {
  const outcomes = { synthesised: 0, rejected: 0 };
  afterAll(() => {
    // Both outcomes must occur, or the property says nothing about one of them: the examples see to it.
    expect(outcomes.synthesised).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });

  /** The property for one input; returns whether it synthesised. */
  function check(build: Build, props: { secretName?: string; immutable?: boolean; hashSecretName?: boolean }): boolean {
    const outcome = buildOrReject(chart => build(chart, props), []);
    outcomes[outcome.ok ? 'synthesised' : 'rejected']++;
    if (!outcome.ok) { return false; }
    expect(outcome.manifests.filter(m => m.kind === 'Secret')).toEqual([]);
    const es = outcome.manifests.find(m => m.kind === 'ExternalSecret');
    const podDefault = outcome.manifests.find(m => m.kind === 'PodDefault');
    const secretName = props.secretName ?? podDefault.metadata.name;
    expect([es.metadata.name, es.spec.target.name]).toEqual([secretName, secretName]);
    expect(es.spec.target.immutable).toBe(props.immutable ? true : undefined);
    expect(isGoDuration(es.spec.refreshInterval)).toBe(true);
    // Every template renders over any fetched values: nothing literal breaks the template syntax.
    const fetched = Object.fromEntries(es.spec.data.map((d: any) => [d.remoteRef.property === undefined ? d.remoteRef.key : `${d.remoteRef.key}#${d.remoteRef.property}`, 'fake-value']));
    expect(() => esoSecret(es, fetched)).not.toThrow();
    return true;
  }

  test('a fixed example of each outcome: synthesised from a valid store, rejected from an invalid one', () => {
    expect(check(source.example(SecretStoreRef.cluster('vault')), {})).toBe(true);
    expect(check(source.example(SecretStoreRef.cluster('Not_A_Store')), { immutable: true })).toBe(false);
  });

  test('valid manifests that use the references as given, or one AccessError', () => {
    fc.assert(fc.property(source.arbitrary, common, (build, props) => { check(build, props); }), params());
  }, timeout(100));
});
