// The app-wide check with both sides access constructs of this library, across charts.
import { Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, DockerConfig, DockerRegistryAccess, MinioDefault,
  PodDefaultAccess, PodDefaultAdmission, S3Configuration,
} from '../../lib';
import { errorsOf, expectCheckRefusal } from '../support';
import { params } from '../fuzz';

const docker = DockerConfig.fromLogin({ username: 'fake-user', password: 'fake-password-0000' });
const aws = AwsCredentials.fromKeys({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake-secret-key-0000' });
/** The end of a merge conflict message: the label set of a notebook that selects both PodDefaults. */
const refuseBoth = (labels: string) => `the webhook refuses every notebook that selects both (labelled ${labels}); make the two definitions identical or rename one`;

describe('access constructs that Kubeflow would refuse together', () => {
  test('the same volume name for two Secrets', () => {
    // GIVEN two constructs in one namespace that name their volumes alike
    const app = Testing.app();
    const chart = new Chart(app, 'user', { namespace: 'user' });
    new DockerRegistryAccess(chart, 'docker-config', { config: docker, volumeName: 'creds' });
    new AwsFileCredentials(chart, 'aws-credentials', { credentials: aws, volumeName: 'creds' });
    // WHEN / THEN synth names both construct paths, the namespace and the volume
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `volume creds differs between poddefaults aws-credentials (user/aws-credentials) and docker-config (user/docker-config) in namespace user: ${refuseBoth('aws-credentials=true,docker-config=true')}`,
      `the mount of volume creds differs between poddefaults aws-credentials (user/aws-credentials) and docker-config (user/docker-config) in namespace user: ${refuseBoth('aws-credentials=true,docker-config=true')}`,
    ]);
  });

  test('the same mount path, in two charts', () => {
    // GIVEN the Docker and AWS Secrets mounted at one directory, from two charts of one namespace
    const app = Testing.app();
    new DockerRegistryAccess(new Chart(app, 'registry', { namespace: 'user' }), 'docker-config', { config: docker, mountPath: '/home/kubeflow/creds/' });
    new AwsFileCredentials(new Chart(app, 'storage', { namespace: 'user' }), 'aws-credentials', { credentials: aws, mountPath: '/home/kubeflow/creds/' });
    // THEN
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `the mount at /home/kubeflow/creds/ differs between poddefaults aws-credentials (storage/aws-credentials) and docker-config (registry/docker-config) in namespace user: ${refuseBoth('aws-credentials=true,docker-config=true')}`,
    ]);
  });

  test('one directory spelled two ways', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'user', { namespace: 'user' });
    new DockerRegistryAccess(chart, 'docker-config', { config: docker });
    new DockerRegistryAccess(chart, 'mirror', { config: docker, mountPath: '/home/jovyan/.docker' });
    expect(errorsOf(() => app.synthYaml())).toEqual([
      'mount paths /home/jovyan/.docker/ of poddefault docker-config (user/docker-config) and /home/jovyan/.docker of poddefault mirror (user/mirror) '
      + 'in namespace user are the same directory spelled differently: the webhook does not see the clash and the container cannot mount both; '
      + 'spell them the same way or use different directories',
    ]);
  });

  test('the same name in one namespace, from two charts', () => {
    // GIVEN two charts that both give namespace user a docker-config
    const app = Testing.app();
    new DockerRegistryAccess(new Chart(app, 'a', { namespace: 'user' }), 'docker-config', { config: docker });
    new DockerRegistryAccess(new Chart(app, 'b', { namespace: 'user' }), 'docker-config', { config: docker });
    // THEN both the Secret and the PodDefault are reported as written twice
    expect(errorsOf(() => app.synthYaml())).toEqual([
      'a/docker-config and b/docker-config are both PodDefault docker-config (api group kubeflow.org) in namespace user: applying them, one overwrites the other; give them different names or namespaces',
      'a/docker-config/Secret and b/docker-config/Secret are both Secret docker-config (api group core) in namespace user: applying them, one overwrites the other; give them different names or namespaces',
    ]);
  });

  test('the four constructs of the tutorial live together in one namespace', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'user', { namespace: 'user' });
    new DockerRegistryAccess(chart, 'docker-config', { config: docker });
    new AwsFileCredentials(chart, 'aws-credentials', { credentials: aws });
    new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromValues({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake-secret-key-0000' }) });
    new MinioDefault(chart, 'minio');
    expect(errorsOf(() => app.synthYaml())).toEqual([]);
  });
});

describe('random compositions of access constructs', () => {
  type Kind = 'docker' | 'aws-file' | 'aws-env' | 'minio';
  interface Part { kind: Kind; name: string; volumeName?: string; mountPath?: string; chart: 'a' | 'b' }
  const part: fc.Arbitrary<Part> = fc.record({
    kind: fc.constantFrom<Kind>('docker', 'aws-file', 'aws-env', 'minio'),
    name: fc.constantFrom('docker-config', 'aws-credentials', 'aws-configuration', 'minio', 'extra'),
    volumeName: fc.option(fc.constantFrom('creds', 'docker-config-volume', 'dshm'), { nil: undefined }),
    mountPath: fc.option(fc.constantFrom('/home/kubeflow/.docker/', '/home/kubeflow/.docker', '/home/kubeflow/.aws/', '/dev/shm', '/data'), { nil: undefined }),
    chart: fc.constantFrom<'a' | 'b'>('a', 'b'),
  });

  /** Each rule of the app-wide check these compositions can break, as its message reads. */
  const RULES = [
    /^\S+ and \S+ are both (PodDefault \S+ \(api group kubeflow\.org\)|Secret \S+ \(api group core\)) in namespace user: applying them, one overwrites the other; give them different names or namespaces$/,
    /^poddefault \S+ \(\S+\) in namespace user (uses the volume name dshm|mounts at \/dev\/shm), which every notebook pod already has, so the webhook refuses every notebook that selects it; choose another (volume name|mount path)$/,
    /^mount paths \S+ of poddefault \S+ \(\S+\) and \S+ of poddefault \S+ \(\S+\) in namespace user are the same directory spelled differently: the webhook does not see the clash and the container cannot mount both; spell them the same way or use different directories$/,
    /^(volume \S+|the mount of volume \S+|the mount at \S+|env var \S+) differs between poddefaults \S+ \(\S+\) and \S+ \(\S+\) in namespace user: the webhook refuses every notebook that selects both \(labelled [^)]+\); make the two definitions identical or rename one(, or put the logins to both registries in one config\.json with DockerConfig\.fromLogins)?$/,
  ];

  function add(scope: Chart, id: string, p: Part): PodDefaultAccess {
    const common = { name: p.name };
    const mount = { volumeName: p.volumeName, mountPath: p.mountPath };
    switch (p.kind) {
      case 'docker': return new DockerRegistryAccess(scope, id, { ...common, ...mount, config: docker });
      case 'aws-file': return new AwsFileCredentials(scope, id, { ...common, ...mount, credentials: aws });
      case 'aws-env': return new AwsEnvConfiguration(scope, id, { ...common, configuration: S3Configuration.fromValues({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake-secret-key-0000' }) });
      default: return new MinioDefault(scope, id, common);
    }
  }

  test('synth either fails naming a rule, or the webhook admits a notebook that selects every PodDefault', () => {
    fc.assert(fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), parts => {
      // GIVEN a random composition in namespace user, across two charts
      const app = Testing.app();
      const charts = { a: new Chart(app, 'a', { namespace: 'user' }), b: new Chart(app, 'b', { namespace: 'user' }) };
      parts.forEach((p, i) => add(charts[p.chart], `access-${i}`, p));
      // WHEN synthesised
      let yaml: string;
      try {
        yaml = app.synthYaml();
      } catch (e) {
        // THEN a refusal is the app-wide check's: every line is one of its rules, and the rules these parts
        // must break (a name twice in the namespace, the spawner's dshm volume) are among them
        const errors = errorsOf(() => app.synthYaml());
        expectCheckRefusal(e, errors, RULES, parts.map(p => p.name));
        for (const p of parts.filter(q => q.volumeName === 'dshm' && (q.kind === 'docker' || q.kind === 'aws-file'))) {
          expect(errors).toContainEqual(expect.stringMatching(
            new RegExp(`^poddefault ${p.name} \\(\\S+\\) in namespace user uses the volume name dshm, which every notebook pod already has`)));
        }
        return;
      }
      // THEN a notebook that selects every PodDefault but at most one of each marker group (the S3 stores;
      // the credentials files botocore reads by default), with the spawner's own dshm volume, is admitted,
      // and one that selects two of a group is refused loudly by their marker
      const manifests = YAML.parseAllDocuments(yaml).map(doc => doc.toJS());
      const podDefaults = manifests.filter(m => m.kind === 'PodDefault');
      const markers = ['KUBEFLOW_S3_ACCESS', 'KUBEFLOW_AWS_CREDENTIAL'];
      const markerOf = (pd: any): string | undefined => (pd.spec.env ?? []).find((e: any) => markers.includes(e.name))?.name;
      const others = podDefaults.filter(pd => markerOf(pd) === undefined);
      const groups = markers.map(marker => podDefaults.filter(pd => markerOf(pd) === marker)).filter(group => group.length > 0);
      const admit = (selected: any[]) => PodDefaultAdmission.admit({
        apiVersion: 'v1', kind: 'Pod',
        metadata: { name: 'nb-0', namespace: 'user', labels: Object.fromEntries(selected.map(pd => [pd.metadata.name, 'true'])) },
        spec: {
          containers: [{ name: 'nb', image: 'nb', volumeMounts: [{ name: 'dshm', mountPath: '/dev/shm' }] }],
          volumes: [{ name: 'dshm', emptyDir: { medium: 'Memory' } }],
        },
      }, podDefaults);
      const choices = groups.reduce<any[][]>((made, group) => made.flatMap(chosen => group.map(pd => [...chosen, pd])), [others]);
      for (const selected of choices) {
        const result = admit(selected);
        expect(result.conflicts).toEqual([]);
        expect(result.allowed).toBe(true);
        expect(result.applied).toEqual(selected.map(pd => pd.metadata.name).sort());
      }
      for (const group of groups.filter(g => g.length >= 2)) {
        expect(admit(group).conflicts.map(c => [c.rule, c.key])).toContainEqual(['env', markerOf(group[0])]);
      }
    }), params<[unknown[]]>(Number(process.env.FUZZ_RUNS ?? 100)));
  });
});
