import { Chart, Testing } from 'cdk8s';
import { AzureBlobConfiguration, AzureBlobConfigurationProps, AzureStorageConfiguration, CloudIdentity, DockerConfig, NotebookAccess, PodDefaultAdmission, StorageAccess } from '../../lib';
import { decodedData, expectGolden, expectRejected, secretAndPodDefault, synthAccess, thrownMessage, unsaidInErrorTable, userChart, variablesOf } from '../support';
import { expectRefused } from '../fuzz';

/** 64 bytes, as a storage account key has; obviously fake. */
const FAKE_KEY = Buffer.from('fake-azure-account-key-0000'.padEnd(64, '0')).toString('base64');
const FAKE_SIG = 'fakeSignature0000fakeSignature0000%3D';
const FAKE_SAS = `sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=${FAKE_SIG}`;
const CONNECTION = `DefaultEndpointsProtocol=https;AccountName=fakeaccount0000;AccountKey=${FAKE_KEY};EndpointSuffix=core.windows.net`;
const SAS_CONNECTION = `BlobEndpoint=https://fakeaccount0000.blob.core.windows.net;SharedAccessSignature=${FAKE_SAS}`;
const SECRETS = [FAKE_KEY, FAKE_SIG, FAKE_KEY.slice(0, 20)];

const synthAzure = (props: AzureBlobConfigurationProps, id = 'azure-blob'): [any, any] => synthAccess(chart => new AzureBlobConfiguration(chart, id, props));

describe('AzureBlobConfiguration golden output', () => {
  test('fromValues with an account key', () => {
    // GIVEN an account and its key
    const app = Testing.app();
    // WHEN
    new AzureBlobConfiguration(userChart(app), 'azure-blob', {
      configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: FAKE_KEY }),
    });
    // THEN
    expectGolden(app, 'azure-values');
  });

  test('fromEnv with a connection string', () => {
    const app = Testing.app();
    new AzureBlobConfiguration(userChart(app), 'azure-blob', {
      configuration: AzureStorageConfiguration.fromEnv({ AZURE_STORAGE_CONNECTION_STRING: CONNECTION, HOME: '/home/me' }),
    });
    expectGolden(app, 'azure-env');
  });

  test('fromExistingSecret', () => {
    const app = Testing.app();
    new AzureBlobConfiguration(userChart(app), 'azure-blob', { configuration: AzureStorageConfiguration.fromExistingSecret('team-azure') });
    expectGolden(app, 'azure-existing-secret');
  });

  test('fromAccountName, for the pod\'s Azure identity', () => {
    const app = Testing.app();
    new AzureBlobConfiguration(userChart(app), 'azure-blob', { configuration: AzureStorageConfiguration.fromAccountName('fakeaccount0000') });
    expectGolden(app, 'azure-account-only');
  });
});

describe('AzureBlobConfiguration values', () => {
  test('the Secret holds the one credential; the PodDefault injects it, and sets the account name and its own name (both markers) in plain env', () => {
    // GIVEN a SAS token WHEN
    const [secret, podDefault] = synthAzure({ configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', sasToken: `?${FAKE_SAS}` }) });
    // THEN
    expect(decodedData(secret)).toEqual({ AZURE_STORAGE_SAS_TOKEN: `?${FAKE_SAS}` });
    expect(podDefault.spec).toEqual({
      desc: 'Add Azure Blob Storage credentials',
      selector: { matchLabels: { 'azure-blob': 'true' } },
      env: [
        { name: 'AZURE_STORAGE_ACCOUNT_NAME', value: 'fakeaccount0000' },
        { name: 'KUBEFLOW_AZURE_ACCESS', value: 'azure-blob' },
        { name: 'KUBEFLOW_AZURE_CREDENTIAL', value: 'azure-blob' },
      ],
      envFrom: [{ secretRef: { name: 'azure-blob' } }],
    });
  });

  test('fromAccountName: no Secret, the account name and AZURE_STORAGE_ANON=false in plain env, and no credential marker', () => {
    // GIVEN an account reached with the pod's Azure identity WHEN
    const chart = userChart();
    const access = new AzureBlobConfiguration(chart, 'azure-blob', { configuration: AzureStorageConfiguration.fromAccountName('fakeaccount0000') });
    const manifests = Testing.synth(chart);
    // THEN only the PodDefault is written, and it refers to no Secret
    expect(manifests.map(m => m.kind)).toEqual(['PodDefault']);
    expect([access.secret, access.externalSecret, access.secretName]).toEqual([undefined, undefined, undefined]);
    expect(manifests[0].spec).toEqual({
      desc: 'Add Azure Blob Storage credentials',
      selector: { matchLabels: { 'azure-blob': 'true' } },
      env: [
        { name: 'AZURE_STORAGE_ACCOUNT_NAME', value: 'fakeaccount0000' },
        { name: 'AZURE_STORAGE_ANON', value: 'false' },
        { name: 'KUBEFLOW_AZURE_ACCESS', value: 'azure-blob' },
      ],
    });
  });

  test('fromAccountName beside the Azure identity: synth accepts the pair, and the notebook gets the account and the federated token', () => {
    // GIVEN a notebook with the Azure workload identity and the account it reaches with it
    const app = Testing.app();
    const chart = userChart(app);
    const access = new NotebookAccess(chart, 'access', {
      docker: DockerConfig.fromExistingSecret('regcred'),
      identity: CloudIdentity.azureWorkloadIdentity({ clientId: '00000000-0000-0000-0000-000000000001', tenantId: '00000000-0000-0000-0000-000000000002' }),
      storage: StorageAccess.azure(AzureStorageConfiguration.fromAccountName('fakeaccount0000')),
    });
    // WHEN synthesised (the app-wide check runs) and a notebook selecting all of them is admitted
    const manifests = Testing.synth(chart);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nb-0', namespace: 'user', labels: access.selectorLabels }, spec: { containers: [{ name: 'nb', image: 'nb' }] } };
    const result = PodDefaultAdmission.admit(pod, manifests.filter(m => m.kind === 'PodDefault'));
    // THEN no Secret is written, and the pod gets what DefaultAzureCredential and adlfs read
    expect(manifests.filter(m => m.kind === 'Secret')).toEqual([]);
    expect(result.allowed).toBe(true);
    const env = Object.fromEntries(result.pod.spec.containers[0].env.map((e: any) => [e.name, e.value]));
    expect(env).toMatchObject({
      AZURE_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
      AZURE_FEDERATED_TOKEN_FILE: '/var/run/secrets/azure/tokens/azure-identity-token',
      AZURE_STORAGE_ACCOUNT_NAME: 'fakeaccount0000',
      AZURE_STORAGE_ANON: 'false',
    });
  });

  test('fromAccountName refuses a bad account name and the Secret props', () => {
    for (const [props, message] of [
      [{ configuration: AzureStorageConfiguration.fromAccountName('https://fakeaccount0000.blob.core.windows.net') },
        '[test/azure] configuration: accountName is not a storage account name (3 to 24 lower-case letters and digits): give the account\'s name, not its URL'],
      [{ configuration: AzureStorageConfiguration.fromAccountName('fakeaccount0000'), secretName: 'azure' },
        '[test/azure] secretName: does not apply: the account-only configuration (AzureStorageConfiguration.fromAccountName) needs no Secret: leave secretName out'],
      [{ configuration: AzureStorageConfiguration.fromAccountName('fakeaccount0000'), immutable: false },
        '[test/azure] immutable: does not apply: the account-only configuration (AzureStorageConfiguration.fromAccountName) needs no Secret: leave immutable out'],
      [{ configuration: AzureStorageConfiguration.fromAccountName('fakeaccount0000'), hashSecretName: true },
        '[test/azure] hashSecretName: does not apply: the account-only configuration (AzureStorageConfiguration.fromAccountName) needs no Secret: leave hashSecretName out'],
      // a Notebooks 2.0 label asked for, on a Secret that is never made: it was left out silently
      [{ configuration: AzureStorageConfiguration.fromAccountName('fakeaccount0000'), workspaceMountable: true },
        '[test/azure] workspaceMountable: does not apply: the account-only configuration (AzureStorageConfiguration.fromAccountName) needs no Secret: leave workspaceMountable out'],
    ] as const) {
      const chart = userChart();
      expectRejected(chart, 'azure', () => new AzureBlobConfiguration(chart, 'azure', props), message, []);
    }
  });

  test('a volumeName or mountPath from JavaScript is refused: the construct mounts nothing, it sets environment variables', () => {
    for (const configuration of [AzureStorageConfiguration.fromAccountName('fakeaccount0000'), AzureStorageConfiguration.fromExistingSecret('azure')]) {
      // GIVEN a chart WHEN a prop of the mounting constructs is given THEN it is refused, not left out silently
      const chart = userChart();
      expectRejected(chart, 'azure', () => new AzureBlobConfiguration(chart, 'azure', { configuration, mountPath: '/home/jovyan/.azure/' } as any),
        '[test/azure] mountPath: does not apply: this construct mounts nothing, it sets environment variables: leave mountPath out', []);
      expectRejected(chart, 'azure', () => new AzureBlobConfiguration(chart, 'azure', { configuration, volumeName: 'azure' } as any),
        '[test/azure] volumeName: does not apply: this construct mounts nothing, it sets environment variables: leave volumeName out', []);
    }
  });

  test('a connection string gives the account name, or takes it for a SAS form without AccountName', () => {
    const marker = { KUBEFLOW_AZURE_CREDENTIAL: 'azure-blob' };
    const fromString = variablesOf(...synthAzure({ configuration: AzureStorageConfiguration.fromValues({ connectionString: CONNECTION }) }));
    expect(fromString).toEqual({ AZURE_STORAGE_ACCOUNT_NAME: 'fakeaccount0000', AZURE_STORAGE_CONNECTION_STRING: CONNECTION, ...marker });
    const sas = variablesOf(...synthAzure({ configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', connectionString: `${SAS_CONNECTION};` }) }));
    expect(sas).toEqual({ AZURE_STORAGE_ACCOUNT_NAME: 'fakeaccount0000', AZURE_STORAGE_CONNECTION_STRING: `${SAS_CONNECTION};`, ...marker });
  });

  test('fromEnv reads process.env by default, when the construct is created', () => {
    const configuration = AzureStorageConfiguration.fromEnv();
    const saved = { ...process.env };
    try {
      delete process.env.AZURE_STORAGE_SAS_TOKEN;
      delete process.env.AZURE_STORAGE_CONNECTION_STRING;
      Object.assign(process.env, { AZURE_STORAGE_ACCOUNT_NAME: 'fakeaccount0000', AZURE_STORAGE_ACCOUNT_KEY: FAKE_KEY });
      const [secret, podDefault] = synthAzure({ configuration });
      expect(variablesOf(secret, podDefault)).toEqual({ AZURE_STORAGE_ACCOUNT_NAME: 'fakeaccount0000', AZURE_STORAGE_ACCOUNT_KEY: FAKE_KEY, KUBEFLOW_AZURE_CREDENTIAL: 'azure-blob' });
    } finally {
      process.env = saved;
    }
  });

  test('an existing Secret gets no Secret object, and the markers still name the PodDefault', () => {
    const chart = userChart();
    const access = new AzureBlobConfiguration(chart, 'azure', { configuration: AzureStorageConfiguration.fromExistingSecret('team-azure'), name: 'team-azure-blob' });
    expect([access.secret, access.secretName, access.name]).toEqual([undefined, 'team-azure', 'team-azure-blob']);
    const [, podDefault] = secretAndPodDefault(Testing.synth(chart));
    expect(podDefault.spec.env).toEqual([{ name: 'KUBEFLOW_AZURE_ACCESS', value: 'team-azure-blob' }, { name: 'KUBEFLOW_AZURE_CREDENTIAL', value: 'team-azure-blob' }]);
  });

  test('two Azure accounts in one namespace synthesise, and the webhook refuses a notebook that selects both', () => {
    // GIVEN two accounts for one profile
    const app = Testing.app();
    const chart = userChart(app);
    const a = new AzureBlobConfiguration(chart, 'azure-a', { configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: FAKE_KEY }) });
    const b = new AzureBlobConfiguration(chart, 'azure-b', { configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0001', sasToken: FAKE_SAS }) });

    // WHEN synthesised
    const podDefaults = Testing.synth(chart).filter(m => m.kind === 'PodDefault');

    // THEN each offers its own account, marked with its own name
    expect(podDefaults.map(pd => pd.spec.env)).toEqual([
      [{ name: 'AZURE_STORAGE_ACCOUNT_NAME', value: 'fakeaccount0000' }, { name: 'KUBEFLOW_AZURE_ACCESS', value: 'azure-a' }, { name: 'KUBEFLOW_AZURE_CREDENTIAL', value: 'azure-a' }],
      [{ name: 'AZURE_STORAGE_ACCOUNT_NAME', value: 'fakeaccount0001' }, { name: 'KUBEFLOW_AZURE_ACCESS', value: 'azure-b' }, { name: 'KUBEFLOW_AZURE_CREDENTIAL', value: 'azure-b' }],
    ]);
    // AND a notebook that selects both is refused, on the account name and on the marker, instead of mixing two accounts' variables
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nb-0', namespace: 'user', labels: { ...a.selectorLabels, ...b.selectorLabels } }, spec: { containers: [{ name: 'nb', image: 'nb' }] } };
    const result = PodDefaultAdmission.admit(pod, podDefaults);
    expect(result.allowed).toBe(false);
    expect(result.conflicts.map(c => [c.rule, c.key])).toEqual([['env', 'AZURE_STORAGE_ACCOUNT_NAME'], ['env', 'KUBEFLOW_AZURE_ACCESS'], ['env', 'KUBEFLOW_AZURE_CREDENTIAL']]);
  });

  test('the webhook model admits a notebook that selects it', () => {
    const chart = userChart();
    const access = new AzureBlobConfiguration(chart, 'azure-blob', { configuration: AzureStorageConfiguration.fromValues({ connectionString: CONNECTION }) });
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nb-0', namespace: 'user', labels: access.selectorLabels }, spec: { containers: [{ name: 'nb', image: 'nb' }] } };
    const result = PodDefaultAdmission.admit(pod, Testing.synth(chart).filter(m => m.kind === 'PodDefault'));
    expect(result.allowed).toBe(true);
    expect(result.pod.spec.containers[0].envFrom).toEqual([{ secretRef: { name: 'azure-blob' } }]);
  });
});

describe('AzureBlobConfiguration rejects bad input', () => {
  const values = (v: object) => ({ configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', ...v }) });
  const connection = (s: string) => ({ configuration: AzureStorageConfiguration.fromValues({ connectionString: s }) });
  const P = '[test/azure] configuration:';
  const cases: Array<[string, Partial<AzureBlobConfigurationProps>, string]> = [
    ['no configuration', {}, '[test/azure] configuration: is missing: give the account and its credential, such as AzureStorageConfiguration.fromEnv()'],
    ['no credential', values({}), `${P} no credential: give one of accountKey, sasToken, connectionString, or use AzureStorageConfiguration.fromAccountName for the notebook's own Azure identity (workload identity, no key)`],
    ['a key and a SAS token', values({ accountKey: FAKE_KEY, sasToken: FAKE_SAS }),
      `${P} accountKey and sasToken are given together: give exactly one of accountKey, sasToken, connectionString (adlfs would use one and ignore the others)`],
    ['no account name with a key', { configuration: AzureStorageConfiguration.fromValues({ accountKey: FAKE_KEY }) },
      `${P} accountName is missing: give the storage account's name`],
    ['an account URL as the name', values({ accountName: 'https://fakeaccount0000.blob.core.windows.net', accountKey: FAKE_KEY }),
      `${P} accountName is not a storage account name (3 to 24 lower-case letters and digits): give the account's name, not its URL`],
    ['a cut-off account key', values({ accountKey: FAKE_KEY.slice(0, 40) }),
      `${P} accountKey is not the base64 of a 64-byte key, as the Azure portal shows "key1" and "key2": copy the whole key`],
    ['an account key with a newline', values({ accountKey: `${FAKE_KEY}\n` }),
      `${P} accountKey contains a line break (often from "echo" without -n or a file's last newline): remove it`],
    ['a SAS URL', values({ sasToken: `https://fakeaccount0000.blob.core.windows.net/?${FAKE_SAS}` }),
      `${P} sasToken is a URL, not a SAS token: give only the part after "?"`],
    ['a SAS token without a signature', values({ sasToken: 'sv=2022-11-02&sp=rl' }),
      `${P} sasToken is not a SAS token (a query string with "sv=" and "sig="): copy the whole token`],
    ['a connection string on two lines', connection(CONNECTION.replace(';AccountKey', ';\nAccountKey')),
      `${P} connectionString contains a line break: write it on one line (the docs' layout on several lines is for reading only)`],
    ['a connection string with an empty part', connection(CONNECTION.replace(';AccountKey', ';;AccountKey')),
      `${P} connectionString part 3 has no "=" (an empty part from ";;" counts): write Name=value parts separated by ";"`],
    ['a bare key in a connection string', connection(`AccountName=fakeaccount0000;${FAKE_KEY.replace(/=/g, '')}`),
      `${P} connectionString part 2 has no "=" (an empty part from ";;" counts): write Name=value parts separated by ";"`],
    ['a misspelt setting', connection(CONNECTION.replace('AccountKey', 'AcountKey')),
      `${P} connectionString part 3 has an unknown setting name (not shown), 1 or 2 letters from AccountKey: check its spelling against DefaultEndpointsProtocol, AccountName, AccountKey, SharedAccessSignature, EndpointSuffix, BlobEndpoint, BlobSecondaryEndpoint, QueueEndpoint, QueueSecondaryEndpoint, TableEndpoint, TableSecondaryEndpoint, FileEndpoint, FileSecondaryEndpoint`],
    ['a setting name that may be a key', connection(`AccountName=fakeaccount0000;${FAKE_KEY.slice(0, 30)}+x=y`),
      `${P} connectionString part 2 has a setting name that is not a word: check its spelling against DefaultEndpointsProtocol, AccountName, AccountKey, SharedAccessSignature, EndpointSuffix, BlobEndpoint, BlobSecondaryEndpoint, QueueEndpoint, QueueSecondaryEndpoint, TableEndpoint, TableSecondaryEndpoint, FileEndpoint, FileSecondaryEndpoint`],
    ['a setting in other casing', connection(CONNECTION.replace('AccountKey', 'accountkey')),
      `${P} connectionString writes AccountKey in another letter case: older SDKs match the names case-sensitively; write AccountKey`],
    ['a setting given twice', connection(`${CONNECTION};AccountName=fakeaccount0001`),
      `${P} connectionString gives AccountName twice: give it once`],
    ['no credential in the connection string', connection('DefaultEndpointsProtocol=https;AccountName=fakeaccount0000'),
      `${P} connectionString has neither AccountKey nor SharedAccessSignature: copy a connection string with its credential from the Azure portal`],
    ['a key and a SAS in the connection string', connection(`${CONNECTION};SharedAccessSignature=${FAKE_SAS}`),
      `${P} connectionString has both AccountKey and SharedAccessSignature, and SDKs use the key: keep one`],
    ['an account key without AccountName', connection(`AccountKey=${FAKE_KEY}`),
      `${P} connectionString has no AccountName: add AccountName=<account>`],
    ['a cut-off AccountKey', connection(CONNECTION.replace(FAKE_KEY, FAKE_KEY.slice(0, 80))),
      `${P} connectionString AccountKey is not the base64 of a 64-byte key, as the Azure portal shows "key1" and "key2": copy the whole key`],
    ['a protocol that is not http or https', connection(CONNECTION.replace('Protocol=https', 'Protocol=HTTPS://')),
      `${P} connectionString DefaultEndpointsProtocol is not "https" or "http": write DefaultEndpointsProtocol=https`],
    ['an endpoint suffix with a scheme', connection(CONNECTION.replace('EndpointSuffix=core', 'EndpointSuffix=https://core')),
      `${P} connectionString EndpointSuffix is not a DNS suffix such as "core.windows.net" (no scheme, no leading ".", no service such as "blob."): fix it`],
    ['an endpoint suffix with the service', connection(CONNECTION.replace('EndpointSuffix=core', 'EndpointSuffix=blob.core')),
      `${P} connectionString EndpointSuffix is not a DNS suffix such as "core.windows.net" (no scheme, no leading ".", no service such as "blob."): fix it`],
    ['a blob endpoint without a scheme', connection(SAS_CONNECTION.replace('https://', '')),
      `${P} connectionString BlobEndpoint is not an http or https URL with a host: give the full URL, such as "https://<account>.blob.core.windows.net"`],
    ['an accountName that differs from AccountName', { configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0001', connectionString: CONNECTION }) },
      `${P} accountName differs from the AccountName of connectionString: leave accountName out, or make the two the same`],
    ['a SAS connection string and no account name', connection(SAS_CONNECTION),
      `${P} accountName is missing: give the storage account's name`],
    ['AZURE_STORAGE_ACCOUNT_KEY and AZURE_STORAGE_CONNECTION_STRING', { configuration: AzureStorageConfiguration.fromEnv({ AZURE_STORAGE_ACCOUNT_KEY: FAKE_KEY, AZURE_STORAGE_CONNECTION_STRING: CONNECTION }) },
      `${P} AZURE_STORAGE_ACCOUNT_KEY and AZURE_STORAGE_CONNECTION_STRING are given together: give exactly one of AZURE_STORAGE_ACCOUNT_KEY, AZURE_STORAGE_SAS_TOKEN, AZURE_STORAGE_CONNECTION_STRING (adlfs would use one and ignore the others)`],
    ['an empty AZURE_STORAGE_SAS_TOKEN', { configuration: AzureStorageConfiguration.fromEnv({ AZURE_STORAGE_ACCOUNT_NAME: 'fakeaccount0000', AZURE_STORAGE_SAS_TOKEN: '' }) },
      `${P} AZURE_STORAGE_SAS_TOKEN is set but empty: unset it, or give it a value`],
    ['an upper-case AZURE_STORAGE_ACCOUNT_NAME', { configuration: AzureStorageConfiguration.fromEnv({ AZURE_STORAGE_ACCOUNT_NAME: 'FakeAccount', AZURE_STORAGE_ACCOUNT_KEY: FAKE_KEY }) },
      `${P} AZURE_STORAGE_ACCOUNT_NAME is not a storage account name (3 to 24 lower-case letters and digits): give the account's name, not its URL`],
    ['an invalid existing Secret name', { configuration: AzureStorageConfiguration.fromExistingSecret('Team Azure') },
      `${P} the existing Secret name has an upper-case letter at character 1; a Secret name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): give the name of the Secret as kubectl shows it`],
    ['hashSecretName with an existing Secret', { configuration: AzureStorageConfiguration.fromExistingSecret('team-azure'), hashSecretName: true },
      '[test/azure] hashSecretName: only applies to a synthesised Secret, but the source is an existing Secret: leave hashSecretName out'],
  ];

  test.each(cases)('%s', (_what, props, message) => {
    // GIVEN a chart
    const chart = userChart();
    // WHEN the construct is given bad input THEN it throws the library's error with the exact message,
    // naming no key, token or connection string, and leaving nothing half-built in the tree
    expectRejected(chart, 'azure', () => new AzureBlobConfiguration(chart, 'azure', props as AzureBlobConfigurationProps), message,
      [...SECRETS, CONNECTION, SAS_CONNECTION]);
  });

  test('docs/constructs.md\'s table of its errors quotes each as the library words it', () => {
    // GIVEN the inputs above, and the ones only the table names
    const more: Array<Partial<AzureBlobConfigurationProps>> = [
      values({ accountKey: ` ${FAKE_KEY}` }),
      connection(SAS_CONNECTION.replace('sig=', 'signature=')),
      values({ accountKey: [FAKE_KEY] }),
      { configuration: AzureStorageConfiguration.fromAccountName('fakeaccount0000'), secretName: 'team-azure' },
      { ...values({ accountKey: FAKE_KEY }), mountPath: '/secret/azure/' } as Partial<AzureBlobConfigurationProps>,
    ];
    const messages = [...cases.map(([, props]) => props), ...more].map(props => thrownMessage(() => new AzureBlobConfiguration(userChart(), 'azure', props as AzureBlobConfigurationProps)));
    // WHEN the table's messages are matched with them THEN each is said
    expect(unsaidInErrorTable('| error (after `[path] configuration:` of an AzureBlobConfiguration) | fix |', messages)).toEqual([]);
  });
});

describe('AzureBlobConfiguration: values at the edges the property tests found', () => {
  const SECRET = 'SeCrEtRegressionAccess00000000';
  /** A pure-letter token: what a key or signature looks like often enough for a fuzz run to find it. */
  const LETTERS_SECRET = 'SeCrEtabcdefghijklmnopqrstuvwx';
  const FAKE_ACCOUNT_KEY = Buffer.from('FAKE azure storage account key for tests only, valid nowhere 00').toString('base64');
  const azure = (configuration: AzureStorageConfiguration) => (chart: Chart) => new AzureBlobConfiguration(chart, 'azure-blob', { configuration });

  test('an account key of a few megabytes is refused, not by a stack overflow (RangeError) in the base64 check', () => {
    expectRefused(azure(AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: 'A'.repeat(5_000_000) })),
      '[test/azure-blob] configuration: accountKey is not the base64 of a 64-byte key, as the Azure portal shows "key1" and "key2": copy the whole key', [SECRET]);
  });

  test('an unknown connection-string setting name is named by its part\'s number only: a key made of letters is such a name', () => {
    // GIVEN a connection string whose second part is a pasted credential in the place of a setting name
    const connectionString = `AccountName=fakeaccount0000;${LETTERS_SECRET}=x;AccountKey=${FAKE_ACCOUNT_KEY}`;
    // WHEN it is used THEN the part is named by its number only
    expectRefused(azure(AzureStorageConfiguration.fromValues({ connectionString })),
      '[test/azure-blob] configuration: connectionString part 2 has an unknown setting name (not shown: it is no misspelling of a setting, so it may be a credential): check its spelling against DefaultEndpointsProtocol, AccountName, AccountKey, SharedAccessSignature, EndpointSuffix, BlobEndpoint, BlobSecondaryEndpoint, QueueEndpoint, QueueSecondaryEndpoint, TableEndpoint, TableSecondaryEndpoint, FileEndpoint, FileSecondaryEndpoint',
      [LETTERS_SECRET]);
    // AND a misspelt setting is still quoted, as a help
    expectRefused(azure(AzureStorageConfiguration.fromValues({ connectionString: `AccountName=fakeaccount0000;AcountKee=${FAKE_ACCOUNT_KEY}` })),
      /^\[test\/azure-blob\] configuration: connectionString part 2 has an unknown setting name \(not shown\), 1 or 2 letters from AccountKey: /, [SECRET]);
  });
});
