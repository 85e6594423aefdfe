import { Chart, Testing } from 'cdk8s';
import { AwsEnvConfiguration, AwsEnvConfigurationProps, S3Checksums, S3Configuration, S3SignatureVersion } from '../../lib';
import { endpointProblem } from '../../lib/sources/s3-configuration';
import { decodedData, expectGolden, expectRejected, fixture, synthAccess, thrownMessage, unsaidInErrorTable, userChart, variablesOf } from '../support';
import { buildOrReject, expectRefused, scratchFiles, storedBytes } from '../fuzz';

const FAKE_SECRET = 'fake-secret-key-0000';
const FAKE_PASSWORD = 'fake-password-0000';
const keys = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET };
const env = { AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE0000', AWS_SECRET_ACCESS_KEY: FAKE_SECRET };

const synthEnv = (props: AwsEnvConfigurationProps, id = 'aws-configuration'): [any, any] => synthAccess(chart => new AwsEnvConfiguration(chart, id, props));

describe('AwsEnvConfiguration golden output', () => {
  test('with the tutorial names it synthesises the tutorial\'s keys and PodDefault: the credentials in the Secret, the other settings plain env', () => {
    // GIVEN every setting the tutorial's Secret holds
    const app = Testing.app();
    // WHEN
    new AwsEnvConfiguration(userChart(app), 'aws-configuration', {
      configuration: S3Configuration.fromValues({
        ...keys,
        sessionToken: 'fake-session-token-0000',
        region: 'us-east-1',
        endpoint: 'https://s3.example.com',
        signatureVersion: S3SignatureVersion.S3V4,
        forcePathStyle: false,
      }),
    });
    // THEN
    expectGolden(app, 'aws-env-tutorial');
  });

  test('fromExistingSecret', () => {
    const app = Testing.app();
    new AwsEnvConfiguration(userChart(app), 'aws-configuration', {
      configuration: S3Configuration.fromExistingSecret('team-s3'),
    });
    expectGolden(app, 'aws-env-existing-secret');
  });
});

describe('AwsEnvConfiguration values', () => {
  test('only the settings that are set become keys; the PodDefault injects them with envFrom and mounts nothing', () => {
    // GIVEN only the keys WHEN
    const [secret, podDefault] = synthEnv({ configuration: S3Configuration.fromValues(keys) });
    // THEN
    expect(decodedData(secret)).toEqual({ AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE0000', AWS_SECRET_ACCESS_KEY: FAKE_SECRET });
    expect(secret.type).toBe('Opaque');
    expect(secret).not.toHaveProperty('stringData');
    expect(podDefault.spec).toEqual({
      desc: 'Add AWS Environment variables',
      selector: { matchLabels: { 'aws-configuration': 'true' } },
      env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'aws-configuration' }],
      envFrom: [{ secretRef: { name: 'aws-configuration' } }],
    });
  });

  test('forcePathStyle renders true and false', () => {
    const style = (forcePathStyle: boolean) =>
      variablesOf(...synthEnv({ configuration: S3Configuration.fromValues({ ...keys, forcePathStyle }) })).S3_FORCE_PATH_STYLE;
    expect([style(true), style(false)]).toEqual(['true', 'false']);
  });

  test('sdkEndpointVariable adds AWS_ENDPOINT_URL_S3, the endpoint as given', () => {
    const [secret, podDefault] = synthEnv({
      configuration: S3Configuration.fromValues({ ...keys, endpoint: 'http://minio.storage:9000' }),
      sdkEndpointVariable: true,
    });
    expect(variablesOf(secret, podDefault)).toEqual({ ...env, S3_ENDPOINT: 'http://minio.storage:9000', AWS_ENDPOINT_URL_S3: 'http://minio.storage:9000' });
    expect(podDefault.spec.env).toEqual([
      { name: 'S3_ENDPOINT', value: 'http://minio.storage:9000' },
      { name: 'AWS_ENDPOINT_URL_S3', value: 'http://minio.storage:9000' },
      { name: 'KUBEFLOW_S3_ACCESS', value: 'aws-configuration' },
    ]);
  });

  test('checksums sets both checksum variables to its value', () => {
    // GIVEN a store that rejects the checksums boto3 1.36 sends by default
    const [secret, podDefault] = synthEnv({ configuration: S3Configuration.fromValues({ ...keys, checksums: S3Checksums.WHEN_REQUIRED }) });
    // THEN both variables botocore reads are set
    expect(variablesOf(secret, podDefault)).toEqual({
      ...env, AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required', AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
    });
    const supported = variablesOf(...synthEnv({ configuration: S3Configuration.fromValues({ ...keys, checksums: S3Checksums.WHEN_SUPPORTED }) }));
    expect([supported.AWS_REQUEST_CHECKSUM_CALCULATION, supported.AWS_RESPONSE_CHECKSUM_VALIDATION])
      .toEqual(['when_supported', 'when_supported']);
  });

  test('fromEnv copies each checksum variable on its own, in any case botocore accepts', () => {
    const variables = variablesOf(...synthEnv({ configuration: S3Configuration.fromEnv({ ...env, AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED' }) }));
    expect(variables).toEqual({ ...env, AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED' });
  });

  test('fromEnv reads the nine variables and nothing else', () => {
    // GIVEN an environment with every variable, and others
    const given = {
      ...env, AWS_SESSION_TOKEN: 'fake-session-token-0000', AWS_REGION: 'eu-west-1', S3_ENDPOINT: 'https://s3.example.com/',
      S3_SIGNATURE_VERSION: 's3', S3_FORCE_PATH_STYLE: 'true', AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_supported', HOME: '/home/me', AWS_PROFILE: 'dev',
    };
    // WHEN
    const [secret, podDefault] = synthEnv({ configuration: S3Configuration.fromEnv(given) });
    // THEN the credentials are in the Secret, the other settings plain env, the region for botocore too
    const { HOME: _home, AWS_PROFILE: _profile, ...expected } = given;
    expect(variablesOf(secret, podDefault)).toEqual({ ...expected, AWS_DEFAULT_REGION: 'eu-west-1' });
    expect(Object.keys(decodedData(secret)).sort()).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);
  });

  test('fromEnv reads process.env by default, when the construct is created', () => {
    // GIVEN a source made before the variables are set
    const configuration = S3Configuration.fromEnv();
    const saved = { ...process.env };
    try {
      Object.assign(process.env, env, { AWS_REGION: 'ap-south-1' });
      for (const name of ['AWS_SESSION_TOKEN', 'S3_ENDPOINT', 'S3_SIGNATURE_VERSION', 'S3_FORCE_PATH_STYLE', 'AWS_REQUEST_CHECKSUM_CALCULATION', 'AWS_RESPONSE_CHECKSUM_VALIDATION']) { delete process.env[name]; }
      // WHEN
      const [secret, podDefault] = synthEnv({ configuration });
      // THEN
      expect(variablesOf(secret, podDefault)).toEqual({ ...env, AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: 'ap-south-1' });
    } finally {
      process.env = saved;
    }
  });

  test('fromEnv takes the region from AWS_DEFAULT_REGION when AWS_REGION is not set, as a boto3 user exports it', () => {
    const [, podDefault] = synthEnv({ configuration: S3Configuration.fromEnv({ ...env, AWS_DEFAULT_REGION: 'eu-north-1' }) });
    expect(podDefault.spec.env.slice(0, 2)).toEqual([{ name: 'AWS_REGION', value: 'eu-north-1' }, { name: 'AWS_DEFAULT_REGION', value: 'eu-north-1' }]);
    // AND both with one value are one region
    const [, same] = synthEnv({ configuration: S3Configuration.fromEnv({ ...env, AWS_REGION: 'eu-north-1', AWS_DEFAULT_REGION: 'eu-north-1' }) });
    expect(same.spec.env).toEqual(podDefault.spec.env);
  });

  test.each<[string, { [name: string]: string }, string]>([
    ['two different regions', { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-east-1' },
      'AWS_REGION and AWS_DEFAULT_REGION are set to different regions (botocore reads AWS_DEFAULT_REGION, the AWS CLI v2 and the other SDKs AWS_REGION): unset one, or give both the same region'],
    ['a bad AWS_DEFAULT_REGION, named as such', { AWS_DEFAULT_REGION: 'EU West' },
      'AWS_DEFAULT_REGION is not a region name (lower-case letters, digits and "-"): give a region code such as "us-east-1"'],
    ['an empty AWS_DEFAULT_REGION', { AWS_DEFAULT_REGION: '' }, 'AWS_DEFAULT_REGION is set but empty: unset it, or give it a value'],
    ['an empty AWS_REGION beside AWS_DEFAULT_REGION', { AWS_REGION: '', AWS_DEFAULT_REGION: 'eu-west-1' }, 'AWS_REGION is set but empty: unset it, or give it a value'],
  ])('fromEnv refuses %s', (_what, region, message) => {
    const chart = userChart();
    expect(() => new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromEnv({ ...env, ...region }) }))
      .toThrow(`[test/aws-configuration] configuration: ${message}`);
  });

  test('fromCredentialsFile takes the default profile', () => {
    const [secret] = synthEnv({ configuration: S3Configuration.fromCredentialsFile(fixture('aws-credentials-profiles')) });
    expect(decodedData(secret)).toEqual(env);
  });

  test('fromCredentialsFile takes a named profile with its token and region', () => {
    const [secret, podDefault] = synthEnv({ configuration: S3Configuration.fromCredentialsFile(fixture('aws-credentials-profiles'), 'staging') });
    expect(variablesOf(secret, podDefault)).toEqual({
      AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE0001', AWS_SECRET_ACCESS_KEY: 'fake-secret-key-0001',
      AWS_SESSION_TOKEN: 'fake-session-token-0001', AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'eu-central-1',
    });
  });

  test('with hashSecretName the PodDefault injects the hashed Secret', () => {
    const [secret, podDefault] = synthEnv({ configuration: S3Configuration.fromValues(keys), hashSecretName: true });
    expect(secret.metadata.name).toMatch(/^aws-configuration-[a-z0-9]{10}$/);
    expect(podDefault.spec.envFrom).toEqual([{ secretRef: { name: secret.metadata.name } }]);
  });

  test('an existing Secret gets no Secret object', () => {
    const chart = userChart();
    const access = new AwsEnvConfiguration(chart, 's3', { configuration: S3Configuration.fromExistingSecret('team-s3') });
    expect(access.secret).toBeUndefined();
    expect(access.secretName).toBe('team-s3');
    expect(access.selectorLabels).toEqual({ s3: 'true' });
  });
});

describe('endpointProblem', () => {
  test.each([
    'http://minio-service.kubeflow:9000', 'https://s3.eu-west-1.amazonaws.com', 'https://s3.example.com/',
    'http://10.0.0.7:9000', 'http://[::1]:9000', 'HTTPS://S3.EXAMPLE.COM',
  ])('accepts %s', endpoint => {
    expect(endpointProblem(endpoint)).toBeUndefined();
  });

  const form = 'give only scheme, host and optional port, such as "https://s3.eu-west-1.amazonaws.com" or "http://minio-service.kubeflow:9000"';
  test.each([
    ['', `is empty: ${form}`],
    ['minio-service:9000', `is not a complete URL: ${form}`],
    ['http://', `is not a complete URL: ${form}`],
    ['http://host:99999', `is not a complete URL: ${form}`],
    ['http:host', `is not a complete URL: ${form}`],
    ['http:\\\\host', `is not a complete URL: ${form}`],
    ['http:///host', `is not a complete URL: ${form}`],
    ['ftp://host', `is not an http or https URL: ${form}`],
    ['s3://bucket', `is not an http or https URL: ${form}`],
    ['http://host/bucket', `has a path (S3 clients add the bucket themselves): ${form}`],
    ['http://host?region=x', `has a query or fragment: ${form}`],
    ['http://host/#x', `has a query or fragment: ${form}`],
    [`http://minio:${FAKE_PASSWORD}@host`, 'contains credentials ("user:password@"): give the URL without them, and the keys in their own settings'],
    ['http://minio@host:9000', 'contains credentials ("user:password@"): give the URL without them, and the keys in their own settings'],
    [' http://host', 'contains whitespace or a line break: remove it'],
    ['http://host\n', 'contains whitespace or a line break: remove it'],
  ])('rejects %j', (endpoint, problem) => {
    expect(endpointProblem(endpoint)).toBe(problem);
  });
});

describe('AwsEnvConfiguration rejects bad input', () => {
  const credentialsInEndpoint = `http://minio:${FAKE_PASSWORD}@minio.storage:9000`;
  const cases: Array<[string, Partial<AwsEnvConfigurationProps>, string]> = [
    ['no configuration', {},
      '[test/aws-configuration] configuration: is missing: give the settings, such as S3Configuration.fromValues({ accessKeyId, secretAccessKey })'],
    ['a missing secret key', { configuration: S3Configuration.fromValues({ accessKeyId: 'A' } as any) },
      '[test/aws-configuration] configuration: secretAccessKey is missing: give it'],
    ['an empty access key ID', { configuration: S3Configuration.fromValues({ ...keys, accessKeyId: '' }) },
      '[test/aws-configuration] configuration: accessKeyId is empty: give a non-empty value'],
    ['a secret key with a newline', { configuration: S3Configuration.fromValues({ ...keys, secretAccessKey: `${FAKE_SECRET}\n` }) },
      '[test/aws-configuration] configuration: secretAccessKey contains a line break (often from "echo" without -n or a file\'s last newline): remove it'],
    ['a secret key with whitespace', { configuration: S3Configuration.fromValues({ ...keys, secretAccessKey: `fake ${FAKE_SECRET}` }) },
      '[test/aws-configuration] configuration: secretAccessKey contains whitespace, which no key or token does: check what was pasted'],
    ['an upper-case region', { configuration: S3Configuration.fromValues({ ...keys, region: 'US-EAST-1' }) },
      '[test/aws-configuration] configuration: region is not a region name (lower-case letters, digits and "-"): give a region code such as "us-east-1"'],
    ['an endpoint with a path', { configuration: S3Configuration.fromValues({ ...keys, endpoint: 'https://s3.example.com/bucket' }) },
      '[test/aws-configuration] configuration: endpoint has a path (S3 clients add the bucket themselves): give only scheme, host and optional port, such as "https://s3.eu-west-1.amazonaws.com" or "http://minio-service.kubeflow:9000"'],
    ['an endpoint with credentials', { configuration: S3Configuration.fromValues({ ...keys, endpoint: credentialsInEndpoint }) },
      '[test/aws-configuration] configuration: endpoint contains credentials ("user:password@"): give the URL without them, and the keys in their own settings'],
    ['an unknown signature version', { configuration: S3Configuration.fromValues({ ...keys, signatureVersion: 'v2' as S3SignatureVersion }) },
      '[test/aws-configuration] configuration: signatureVersion is not "s3v4" or "s3": use "s3v4", or "s3" for old stores that know nothing else'],
    ['a missing AWS_SECRET_ACCESS_KEY', { configuration: S3Configuration.fromEnv({ AWS_ACCESS_KEY_ID: 'A' }) },
      '[test/aws-configuration] configuration: AWS_SECRET_ACCESS_KEY is not set: export it, or use S3Configuration.fromValues'],
    ['an empty AWS_ACCESS_KEY_ID', { configuration: S3Configuration.fromEnv({ ...env, AWS_ACCESS_KEY_ID: '' }) },
      '[test/aws-configuration] configuration: AWS_ACCESS_KEY_ID is empty: give a non-empty value'],
    ['an empty optional variable', { configuration: S3Configuration.fromEnv({ ...env, AWS_SESSION_TOKEN: '' }) },
      '[test/aws-configuration] configuration: AWS_SESSION_TOKEN is set but empty: unset it, or give it a value'],
    ['a secret key variable with a newline', { configuration: S3Configuration.fromEnv({ ...env, AWS_SECRET_ACCESS_KEY: `${FAKE_SECRET}\n` }) },
      '[test/aws-configuration] configuration: AWS_SECRET_ACCESS_KEY contains a line break (often from "echo" without -n or a file\'s last newline): remove it'],
    ['S3_FORCE_PATH_STYLE that is not a boolean', { configuration: S3Configuration.fromEnv({ ...env, S3_FORCE_PATH_STYLE: 'yes' }) },
      '[test/aws-configuration] configuration: S3_FORCE_PATH_STYLE is not "true" or "false": set it to one of them'],
    ['S3_ENDPOINT with credentials', { configuration: S3Configuration.fromEnv({ ...env, S3_ENDPOINT: credentialsInEndpoint }) },
      '[test/aws-configuration] configuration: S3_ENDPOINT contains credentials ("user:password@"): give the URL without them, and the keys in their own settings'],
    ['an unknown checksums value', { configuration: S3Configuration.fromValues({ ...keys, checksums: 'always' as S3Checksums }) },
      '[test/aws-configuration] configuration: checksums is not "when_supported" or "when_required": use "when_required" for stores that reject the checksums boto3 1.36 and later send by default'],
    ['an unknown AWS_RESPONSE_CHECKSUM_VALIDATION', { configuration: S3Configuration.fromEnv({ ...env, AWS_RESPONSE_CHECKSUM_VALIDATION: 'required' }) },
      '[test/aws-configuration] configuration: AWS_RESPONSE_CHECKSUM_VALIDATION is not "when_supported" or "when_required": use "when_required" for stores that reject the checksums boto3 1.36 and later send by default'],
    ['an empty AWS_REQUEST_CHECKSUM_CALCULATION', { configuration: S3Configuration.fromEnv({ ...env, AWS_REQUEST_CHECKSUM_CALCULATION: '' }) },
      '[test/aws-configuration] configuration: AWS_REQUEST_CHECKSUM_CALCULATION is set but empty: unset it, or give it a value'],
    ['S3_SIGNATURE_VERSION that is unknown', { configuration: S3Configuration.fromEnv({ ...env, S3_SIGNATURE_VERSION: 'S3V4' }) },
      '[test/aws-configuration] configuration: S3_SIGNATURE_VERSION is not "s3v4" or "s3": use "s3v4", or "s3" for old stores that know nothing else'],
    ['a credentials file without the profile', { configuration: S3Configuration.fromCredentialsFile(fixture('aws-credentials-profiles'), 'prod') },
      `[test/aws-configuration] configuration: the file has no profile of the name given, among its 2 profiles: name one of them as its "[NAME]" header does`],
    ['a credentials file with an empty profile name', { configuration: S3Configuration.fromCredentialsFile(fixture('aws-credentials-profiles'), '') },
      '[test/aws-configuration] configuration: the profile name given for the file is empty: name one of its profiles as its "[NAME]" header does, or leave the name out for [default]'],
    ['a missing credentials file', { configuration: S3Configuration.fromCredentialsFile('/nonexistent/credentials') },
      '[test/aws-configuration] configuration: the path does not exist: give the path of a readable file (relative to the current directory), or the content itself to S3Configuration.fromValues; the path is not shown, since it may be a credential given in its place'],
    ['sdkEndpointVariable without an endpoint', { configuration: S3Configuration.fromValues(keys), sdkEndpointVariable: true },
      '[test/aws-configuration] sdkEndpointVariable: sets AWS_ENDPOINT_URL_S3 to the endpoint, but the configuration has none: give it an endpoint, or leave sdkEndpointVariable out'],
    ['sdkEndpointVariable with an existing Secret', { configuration: S3Configuration.fromExistingSecret('team-s3'), sdkEndpointVariable: true },
      '[test/aws-configuration] sdkEndpointVariable: needs the endpoint, which the existing Secret holds and synth does not read: leave sdkEndpointVariable out, and add AWS_ENDPOINT_URL_S3 to that Secret'],
    ['an invalid existing Secret name', { configuration: S3Configuration.fromExistingSecret('Team S3') },
      '[test/aws-configuration] configuration: the existing Secret name has an upper-case letter at character 1; a Secret name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): give the name of the Secret as kubectl shows it'],
    ['secretName with an existing Secret', { configuration: S3Configuration.fromExistingSecret('team-s3'), secretName: 'x' },
      '[test/aws-configuration] secretName: only applies to a synthesised Secret, but the source is an existing Secret: leave secretName out and name the Secret in fromExistingSecret'],
    ['an empty description', { configuration: S3Configuration.fromValues(keys), description: '' },
      '[test/aws-configuration] description: is empty: give the text the notebook spawner shows, or leave description out for the default'],
    // props of the mounting constructs, from JavaScript: they were left out silently
    ['a mountPath', { configuration: S3Configuration.fromValues(keys), mountPath: '/home/jovyan/.aws/' } as Partial<AwsEnvConfigurationProps>,
      '[test/aws-configuration] mountPath: does not apply: this construct mounts nothing, it sets environment variables: leave mountPath out'],
    ['a volumeName with an existing Secret', { configuration: S3Configuration.fromExistingSecret('team-s3'), volumeName: 'aws' } as Partial<AwsEnvConfigurationProps>,
      '[test/aws-configuration] volumeName: does not apply: this construct mounts nothing, it sets environment variables: leave volumeName out'],
  ];

  test.each(cases)('%s', (_what, props, message) => {
    // GIVEN a chart
    const chart = userChart();
    // WHEN the construct is given bad input THEN it throws the library's error with the exact message,
    // naming no secret and leaving nothing half-built in the tree
    expectRejected(chart, 'aws-configuration', () => new AwsEnvConfiguration(chart, 'aws-configuration', props as AwsEnvConfigurationProps), message, [FAKE_SECRET, FAKE_PASSWORD, credentialsInEndpoint]);
  });

  test('docs/constructs.md\'s table of its errors quotes each as the library words it', () => {
    // GIVEN the inputs above, and the ones only the table names
    const more: Array<Partial<AwsEnvConfigurationProps>> = [
      { configuration: S3Configuration.fromEnv({ AWS_SECRET_ACCESS_KEY: FAKE_SECRET }) },
      { configuration: S3Configuration.fromEnv({ ...env, AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-east-1' }) },
      { configuration: S3Configuration.fromEnv({ ...env, AWS_REQUEST_CHECKSUM_CALCULATION: 'always' }) },
      { configuration: S3Configuration.fromValues({ ...keys, secretAccessKey: ` ${FAKE_SECRET}` }) },
      { configuration: S3Configuration.fromValues({ ...keys, secretAccessKey: `${FAKE_SECRET}\u0007` }) },
      { configuration: S3Configuration.fromValues({ ...keys, secretAccessKey: true as unknown as string }) },
      { configuration: S3Configuration.fromValues({ ...keys, endpoint: 'minio-service:9000' }) },
      { configuration: S3Configuration.fromValues({ ...keys, endpoint: 'ftp://host' }) },
      { configuration: S3Configuration.fromValues({ ...keys, endpoint: 'http://host?region=x' }) },
    ];
    const messages = [...cases.map(([, props]) => props), ...more].map(props => thrownMessage(() => new AwsEnvConfiguration(userChart(), 'aws-configuration', props as AwsEnvConfigurationProps)));
    // WHEN the table's messages are matched with them THEN each is said
    expect(unsaidInErrorTable('| error (after `[path] configuration:`) | fix |', messages)).toEqual([]);
  });
});

describe('AwsEnvConfiguration: keys as configparser and the AWS tools read them, at the edges the property tests found', () => {
  const SECRET = 'SeCrEtRegression00000000000000';
  const KEY_ID = 'FAKEACCESSKEYID00000';
  const { file: edgeFile } = scratchFiles('aws-env-edges-');
  const s3 = (configuration: S3Configuration) => (chart: Chart) => new AwsEnvConfiguration(chart, 'aws-configuration', { configuration });

  test('a credentials file with "key: value" lines gives the keys configparser reads', () => {
    // GIVEN a file with ":" as its delimiter WHEN it is read for S3 variables
    const text = `[default]\naws_access_key_id: ${KEY_ID}\naws_secret_access_key: ${SECRET}\n`;
    const outcome = buildOrReject(s3(S3Configuration.fromCredentialsFile(edgeFile('colon-credentials', text))), [SECRET]);
    // THEN the keys are those configparser reads
    expect(outcome.ok).toBe(true);
    if (outcome.ok) { expect(storedBytes(outcome.manifests, 'AWS_SECRET_ACCESS_KEY')!.toString()).toBe(SECRET); }
  });

  test('a secret key with a control character is refused, given as a value or in a credentials file', () => {
    // GIVEN the escape sequence a terminal pastes, and a NUL at the end of a file's key WHEN each is used THEN each is refused
    expectRefused(s3(S3Configuration.fromValues({ accessKeyId: KEY_ID, secretAccessKey: `\u001b[200~${SECRET}` })),
      '[test/aws-configuration] configuration: secretAccessKey contains a control character: check what was pasted', [SECRET]);
    expectRefused(s3(S3Configuration.fromCredentialsFile(edgeFile('control-credentials', `[default]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\u0000\n`))),
      '[test/aws-configuration] configuration: the file line 3: aws_secret_access_key in the profile of line 1 contains a control character: check what was pasted', [SECRET]);
  });
});
