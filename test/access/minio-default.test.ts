import { Testing } from 'cdk8s';
import { AwsEnvConfiguration, MinioCredentials, MinioDefault, MinioDefaultProps, S3Checksums, S3SignatureVersion } from '../../lib';
import { decodedData, expectGolden, expectRejected, secretAndPodDefault, synthAccess, userChart, variablesOf } from '../support';
import { expectRefused } from '../fuzz';

const FAKE_ACCESS_KEY = 'fake-minio-access-0000';
const FAKE_SECRET = 'fake-minio-secret-0000';

const synthMinio = (props?: MinioDefaultProps, id = 'minio'): [any, any] => synthAccess(chart => new MinioDefault(chart, id, props));

describe('MinioDefault golden output', () => {
  test('with no props it reaches Kubeflow Pipelines\' MinIO with the keys Kubeflow copies into every profile', () => {
    // GIVEN a profile namespace
    const app = Testing.app();
    // WHEN
    new MinioDefault(userChart(app), 'minio');
    // THEN the keys are read from mlpipeline-minio-artifact, and the Secret holds only settings
    expectGolden(app, 'minio-defaults');
  });

  test('MinioCredentials.fromKeys writes the keys into the Secret', () => {
    const app = Testing.app();
    new MinioDefault(userChart(app), 'minio', {
      credentials: MinioCredentials.fromKeys({ accessKey: FAKE_ACCESS_KEY, secretKey: FAKE_SECRET }),
    });
    expectGolden(app, 'minio-keys');
  });
});

describe('MinioDefault values', () => {
  test('is an AwsEnvConfiguration with the in-cluster defaults, and no Secret of its own', () => {
    // GIVEN WHEN
    const chart = userChart();
    const minio = new MinioDefault(chart, 'minio');
    const [secret, podDefault] = secretAndPodDefault(Testing.synth(chart));
    // THEN the keys are read from Kubeflow's Secret one by one, every setting is plain env
    expect(minio).toBeInstanceOf(AwsEnvConfiguration);
    expect([minio.name, minio.secretName, minio.secret, secret]).toEqual(['minio', 'mlpipeline-minio-artifact', undefined, undefined]);
    expect(podDefault.spec.desc).toBe('Add in-cluster MinIO storage');
    // the references leave optional unset: the webhook compares it as a pointer
    expect(podDefault.spec.env).toEqual([
      { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'mlpipeline-minio-artifact', key: 'accesskey' } } },
      { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'mlpipeline-minio-artifact', key: 'secretkey' } } },
      { name: 'AWS_REGION', value: 'us-east-1' },
      { name: 'AWS_DEFAULT_REGION', value: 'us-east-1' },
      { name: 'S3_ENDPOINT', value: 'http://minio-service.kubeflow:9000' },
      { name: 'S3_SIGNATURE_VERSION', value: 's3v4' },
      { name: 'S3_FORCE_PATH_STYLE', value: 'true' },
      { name: 'AWS_REQUEST_CHECKSUM_CALCULATION', value: 'when_required' },
      { name: 'AWS_RESPONSE_CHECKSUM_VALIDATION', value: 'when_required' },
      { name: 'AWS_ENDPOINT_URL_S3', value: 'http://minio-service.kubeflow:9000' },
      { name: 'KUBEFLOW_S3_ACCESS', value: 'minio' },
    ]);
    // and mlpipeline-minio-artifact is not injected whole: its keys would become variables "accesskey", "secretkey"
    expect(podDefault.spec.envFrom).toBeUndefined();
  });

  test('every default can be overridden', () => {
    // GIVEN Kaptain's MinIO
    const [secret, podDefault] = synthMinio({
      credentials: MinioCredentials.fromExistingSecret('minio-creds-secret'),
      endpoint: 'http://kaptain-minio.kubeflow',
      region: 'eu-west-1',
      signatureVersion: S3SignatureVersion.S3,
      forcePathStyle: false,
      checksums: S3Checksums.WHEN_SUPPORTED,
      sdkEndpointVariable: false,
      description: 'Add Kaptain MinIO',
      name: 'kaptain-minio',
    });
    // THEN
    expect(secret).toBeUndefined();
    expect(variablesOf(secret, podDefault)).toEqual({
      S3_ENDPOINT: 'http://kaptain-minio.kubeflow',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      S3_SIGNATURE_VERSION: 's3',
      S3_FORCE_PATH_STYLE: 'false',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'when_supported',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_supported',
    });
    expect(podDefault.metadata.name).toBe('kaptain-minio');
    expect(podDefault.spec.desc).toBe('Add Kaptain MinIO');
    expect(podDefault.spec.env.filter((e: any) => e.valueFrom !== undefined || e.name === 'KUBEFLOW_S3_ACCESS').map((e: any) => e.valueFrom?.secretKeyRef ?? e)).toEqual([
      { name: 'minio-creds-secret', key: 'accesskey' },
      { name: 'minio-creds-secret', key: 'secretkey' },
      { name: 'KUBEFLOW_S3_ACCESS', value: 'kaptain-minio' },
    ]);
  });

  test('with keys of its own, hashSecretName, immutable and namespace reach the Secret and the PodDefault', () => {
    // GIVEN a MinioDefault with its own keys in another namespace than its chart's, with a hashed Secret name
    const [secret, podDefault] = synthMinio({
      credentials: MinioCredentials.fromKeys({ accessKey: FAKE_ACCESS_KEY, secretKey: FAKE_SECRET }),
      namespace: 'team-b', hashSecretName: true, immutable: true,
    });
    // THEN the Secret carries the content hash, and the PodDefault injects that Secret
    expect(secret.metadata).toEqual({ name: expect.stringMatching(/^minio-[a-z0-9]{10}$/), namespace: 'team-b' });
    expect(secret.immutable).toBe(true);
    expect(podDefault.metadata).toEqual({ name: 'minio', namespace: 'team-b' });
    expect(podDefault.spec.envFrom).toEqual([{ secretRef: { name: secret.metadata.name } }]);
  });

  test('fromExistingSecret with other keys', () => {
    const [, podDefault] = synthMinio({ credentials: MinioCredentials.fromExistingSecret('seaweedfs-s3', 'access_key', 'secret_key') });
    expect(podDefault.spec.env.filter((e: any) => e.valueFrom !== undefined).map((e: any) => e.valueFrom.secretKeyRef)).toEqual([
      { name: 'seaweedfs-s3', key: 'access_key' },
      { name: 'seaweedfs-s3', key: 'secret_key' },
    ]);
  });

  test('fromKeys puts the keys, and only them, in the Secret and no env references in the PodDefault', () => {
    const [secret, podDefault] = synthMinio({ credentials: MinioCredentials.fromKeys({ accessKey: FAKE_ACCESS_KEY, secretKey: FAKE_SECRET }) });
    expect(decodedData(secret)).toEqual({ AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: FAKE_SECRET });
    expect(podDefault.spec.env.filter((e: any) => e.valueFrom !== undefined)).toEqual([]);
    expect(podDefault.spec.env.map((e: any) => e.name)).toContain('S3_ENDPOINT');
  });

  test('the Secret props do not apply to the default existing Secret', () => {
    // GIVEN the keys of mlpipeline-minio-artifact WHEN a Secret prop is given THEN it is refused, as with any existing Secret
    for (const [props, message] of [
      [{ secretName: 'minio-settings' }, '[test/minio] secretName: only applies to a synthesised Secret, but the source is an existing Secret: leave secretName out and name the Secret in fromExistingSecret'],
      [{ immutable: true }, '[test/minio] immutable: only applies to a synthesised Secret, but the source is an existing Secret: leave immutable out'],
      [{ hashSecretName: true }, '[test/minio] hashSecretName: only applies to a synthesised Secret, but the source is an existing Secret: leave hashSecretName out'],
    ] as const) {
      const chart = userChart();
      expectRejected(chart, 'minio', () => new MinioDefault(chart, 'minio', props), message, []);
    }
  });
});

describe('MinioDefault rejects bad input', () => {
  const cases: Array<[string, MinioDefaultProps, string]> = [
    ['a mountPath from JavaScript, which was left out silently', { mountPath: '/home/jovyan/.aws/' } as MinioDefaultProps,
      '[test/minio] mountPath: does not apply: this construct mounts nothing, it sets environment variables: leave mountPath out'],
    ['an endpoint without a scheme', { endpoint: 'minio-service.kubeflow:9000' },
      '[test/minio] endpoint: is not a complete URL: give only scheme, host and optional port, such as "https://s3.eu-west-1.amazonaws.com" or "http://minio-service.kubeflow:9000"'],
    ['an endpoint with credentials', { endpoint: `http://minio:${FAKE_SECRET}@minio-service.kubeflow:9000` },
      '[test/minio] endpoint: contains credentials ("user:password@"): give the URL without them, and the keys in their own settings'],
    ['an endpoint with a bucket', { endpoint: 'http://minio-service.kubeflow:9000/mlpipeline' },
      '[test/minio] endpoint: has a path (S3 clients add the bucket themselves): give only scheme, host and optional port, such as "https://s3.eu-west-1.amazonaws.com" or "http://minio-service.kubeflow:9000"'],
    ['a region that is not one', { region: 'Default' },
      '[test/minio] region: is not a region name (lower-case letters, digits and "-"): give a region code such as "us-east-1"'],
    ['an unknown signature version', { signatureVersion: 'v4' as S3SignatureVersion },
      '[test/minio] signatureVersion: is not "s3v4" or "s3": use "s3v4", or "s3" for old stores that know nothing else'],
    ['an empty secret key', { credentials: MinioCredentials.fromKeys({ accessKey: FAKE_ACCESS_KEY, secretKey: '' }) },
      '[test/minio] credentials: secretKey is empty: give a non-empty value'],
    ['a secret key with a newline', { credentials: MinioCredentials.fromKeys({ accessKey: FAKE_ACCESS_KEY, secretKey: `${FAKE_SECRET}\n` }) },
      '[test/minio] credentials: secretKey contains a line break (often from "echo" without -n or a file\'s last newline): remove it'],
    ['an access key with whitespace', { credentials: MinioCredentials.fromKeys({ accessKey: ` ${FAKE_ACCESS_KEY}`, secretKey: FAKE_SECRET }) },
      '[test/minio] credentials: accessKey has leading or trailing whitespace: remove it'],
    ['an invalid existing Secret name', { credentials: MinioCredentials.fromExistingSecret('MinIO') },
      '[test/minio] credentials: the existing Secret name has an upper-case letter at character 1; a Secret name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): give the name of the Secret as kubectl shows it'],
    ['an invalid existing Secret key', { credentials: MinioCredentials.fromExistingSecret('minio', 'access key') },
      '[test/minio] credentials: the key of the existing Secret has a space at character 7; a Secret key is letters, digits, "-", "_" and ".", at most 253 characters, neither "." alone nor starting with "..": give the key the Secret holds'],
    ['an unknown checksums setting', { checksums: 'never' as S3Checksums },
      '[test/minio] checksums: is not "when_supported" or "when_required": use "when_required" for stores that reject the checksums boto3 1.36 and later send by default'],
    ['an empty description', { description: ' ' },
      '[test/minio] description: is empty: give the text the notebook spawner shows, or leave description out for the default'],
    ['an invalid name', { name: 'MinIO' },
      '[test/minio] name: has an upper-case letter at character 1; a PodDefault name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters), the api server\'s rule for a custom resource\'s name: set name to another'],
  ];

  test.each(cases)('%s', (_what, props, message) => {
    // GIVEN a chart
    const chart = userChart();
    // WHEN the construct is given bad input THEN it throws the library's error with the exact message,
    // naming no secret and leaving nothing half-built in the tree
    expectRejected(chart, 'minio', () => new MinioDefault(chart, 'minio', props), message, [FAKE_SECRET, FAKE_ACCESS_KEY]);
  });
});

describe('MinioDefault: keys at the edges the property tests found', () => {
  test('a secret key with a control character (DEL) is refused', () => {
    const SECRET = 'SeCrEtRegression00000000000000';
    expectRefused(chart => new MinioDefault(chart, 'minio', { credentials: MinioCredentials.fromKeys({ accessKey: 'FAKEACCESSKEYID00000', secretKey: `${SECRET}\u007f` }) }),
      /secretKey contains a control character: check what was pasted$/, [SECRET]);
  });
});
