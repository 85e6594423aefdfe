import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Include, JsonPatch, Testing, Yaml, YamlOutputType } from 'cdk8s';
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { Construct } from 'constructs';
import { KubePodDefault } from '../../imports/kubeflow.org';
import { params } from '../fuzz';
import { MinioDefault } from '../../lib/access/minio-default';
import { MinioCredentials } from '../../lib/sources/minio-credentials';
import { PodDefaultAdmission } from '../../lib/admission/pod-default-admission';
import { PodDefaultValidation } from '../../lib/check/pod-default-validation';
import { PodDefaultCheck } from '../../lib/check';
import { DockerRegistryAccess } from '../../lib/access/docker-registry-access';
import { DockerConfig } from '../../lib/sources/docker-config';
import { errorsOf, expectCheckRefusal } from '../support';
import { filesAfter } from '../fuzz';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'validation');

/** The first document of a fixture. Read in-process: cdk8s's Yaml.load starts a child process per call. */
function loadFixture(file: string): any {
  return YAML.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
}

type Side = 'ours' | 'include' | 'raw';

/** Adds the PodDefault of a fixture as a KubePodDefault, an Include of the file, or a raw ApiObject. */
function addFixture(scope: Construct, id: string, fixture: string, side: Side): string {
  const file = path.join(FIXTURES, fixture);
  const manifest = loadFixture(fixture);
  switch (side) {
    case 'ours':
      return new KubePodDefault(scope, id, { metadata: manifest.metadata, spec: manifest.spec }).node.path;
    case 'include':
      return new Include(scope, id, { url: file }).apiObjects[0].node.path;
    case 'raw':
      return new ApiObject(scope, id, manifest).node.path;
  }
}

function dockerConfig(scope: Construct, id: string, spec: any = {}, namespace: string = 'team-a'): string {
  return new KubePodDefault(scope, id, {
    metadata: { name: 'docker-config', namespace },
    spec: {
      desc: 'Add Docker registry credentials',
      selector: { matchLabels: { 'docker-config': 'true' } },
      volumes: [{ name: 'docker-secret-volume', secret: { secretName: 'docker-secret' } }],
      volumeMounts: [{ name: 'docker-secret-volume', mountPath: '/home/kubeflow/.docker/' }],
      ...spec,
    },
  }).node.path;
}

function appWithChart(): { app: App; chart: Chart } {
  const app = Testing.app();
  const chart = new Chart(app, 'test');
  PodDefaultValidation.attach(app);
  return { app, chart };
}

const SIDES: Side[] = ['ours', 'include', 'raw'];
/** The end of a listing rule message: how to fix it. */
const SELECT_ONE = 'select exactly one label with the value "true", or call PodDefaultValidation.allowUnlisted() on it if it is not meant for notebooks';
/** The listing rule's message for the not-true.yaml fixture added at `path`. */
const notTrue = (path: string) =>
  `poddefault gpu-tools (${path}) in namespace team-a selects label gpu-tools with a value other than "true", but choosing it in the notebook ui sets gpu-tools: "true", so it never applies; ${SELECT_ONE}`;
/** The end of a merge conflict message: the label set of a notebook that selects both PodDefaults. */
const refuseBoth = (labels: string) => `the webhook refuses every notebook that selects both (labelled ${labels}); make the two definitions identical or rename one`;
/** The fix of a clash on `~/.docker/`, which points to one config.json for several registries. */
const refuseBothDocker = (labels: string) => `${refuseBoth(labels)}, or put the logins to both registries in one config.json with DockerConfig.fromLogins`;
/** The mount rule's message for our docker-config at `a` against the mount-path.yaml fixture at `b`. */
const mountClash = (a: string, b: string) =>
  `the mount at /home/kubeflow/.docker/ differs between poddefaults aws-credentials (${b}) and docker-config (${a}) in namespace team-a: ${refuseBothDocker('aws-credentials=true,docker-config=true')}`;

describe('rules across two PodDefaults of a namespace', () => {
  const rows: [string, string, any, (a: string, b: string) => string[]][] = [
    ['volume', 'volume.yaml', { volumes: [{ name: 'creds', secret: { secretName: 'docker-secret' } }], volumeMounts: [] },
      (a, b) => [`volume creds differs between poddefaults aws-credentials (${b}) and docker-config (${a}) in namespace team-a: ${refuseBoth('aws-credentials=true,docker-config=true')}`]],
    ['volume-mount-path', 'mount-path.yaml', {},
      (a, b) => [mountClash(a, b)]],
    ['env', 'env.yaml', { env: [{ name: 'AWS_REGION', value: 'us-east-1-do-not-print' }] },
      (a, b) => [`env var AWS_REGION differs between poddefaults aws-configuration (${b}) and docker-config (${a}) in namespace team-a: ${refuseBoth('aws-configuration=true,docker-config=true')}`]],
    ['label against a selection label', 'label.yaml', {},
      (a, b) => [`pod label docker-config differs between poddefaults docker-config (${a}) and no-docker (${b}) in namespace team-a: ${refuseBoth('docker-config=true,no-docker=true')}`]],
    ['mount path spelling', 'spelling.yaml', {},
      (a, b) => [`mount paths /home/kubeflow/.docker/ of poddefault docker-config (${a}) and /home/kubeflow//./.docker of poddefault registry-mirror (${b}) `
        + 'in namespace team-a are the same directory spelled differently: the webhook does not see the clash and the container cannot mount both; '
        + 'spell them the same way or use different directories']],
    ['same group, kind, namespace and name', 'duplicate.yaml', {},
      (a, b) => [`${a} and ${b} are both PodDefault docker-config (api group kubeflow.org) in namespace team-a: `
        + 'applying them, one overwrites the other; give them different names or namespaces']],
  ];

  for (const [rule, fixture, specA, expected] of rows) {
    test.each(SIDES)(`${rule}: ours against %s`, side => {
      // GIVEN our PodDefault and a clashing one added as a KubePodDefault, an Include or a raw ApiObject
      const { app, chart } = appWithChart();
      const a = dockerConfig(chart, 'docker', specA);
      const b = addFixture(chart, 'other', fixture, side);

      // WHEN the app is synthesised
      const errors = errorsOf(() => app.synthYaml());

      // THEN synth fails naming both construct paths, the namespace and the key
      expect(errors).toEqual(expected(a, b));
    });
  }

  test('no message holds an env value', () => {
    // GIVEN two PodDefaults whose env values clash
    const { app, chart } = appWithChart();
    const a = dockerConfig(chart, 'docker', { env: [{ name: 'AWS_REGION', value: 'us-east-1-do-not-print' }] });
    const b = addFixture(chart, 'other', 'env.yaml', 'include');

    // WHEN synthesised
    const errors = errorsOf(() => app.synthYaml());

    // THEN the env rule fires, and the values appear nowhere
    expect(errors).toEqual([
      `env var AWS_REGION differs between poddefaults aws-configuration (${b}) and docker-config (${a}) in namespace team-a: ${refuseBoth('aws-configuration=true,docker-config=true')}`,
    ]);
    expect(errors.join('\n')).not.toContain('do-not-print');
  });

  test('many PodDefaults that clash on one key fail synth with one line that names every construct', () => {
    // GIVEN seven raw PodDefaults one notebook can select together, each defining volume creds its own way (21 pairs)
    const { app, chart } = appWithChart();
    const paths = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(n => new ApiObject(chart, n, {
      apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: n, namespace: 'team-a' },
      spec: { desc: n, selector: { matchLabels: { [n]: 'true' } }, volumes: [{ name: 'creds', secret: { secretName: n } }] },
    }).node.path);

    // WHEN synthesised
    const errors = errorsOf(() => app.synthYaml());

    // THEN one line: the count, every PodDefault by its construct path, the first pair as the rule words it
    expect(errors).toEqual([`21 pairs of poddefaults that one notebook can select together define volume creds differently in namespace team-a, among the 7 poddefaults `
      + `${['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n, i) => `${n} (${paths[i]})`).join(', ')}; the first pair: volume creds differs between poddefaults `
      + `a (${paths[0]}) and b (${paths[1]}) in namespace team-a: the webhook refuses every notebook that selects both (labelled a=true,b=true); `
      + 'for each pair, make the two definitions identical or rename one']);
  });

  test('two PodDefaults of different namespaces never clash', () => {
    // GIVEN the clashing pair, in two namespaces
    const { app, chart } = appWithChart();
    dockerConfig(chart, 'docker', { volumes: [{ name: 'creds', secret: { secretName: 'docker-secret' } }], volumeMounts: [] });
    const other = loadFixture('volume.yaml');
    new ApiObject(chart, 'other', { ...other, metadata: { ...other.metadata, namespace: 'team-b' } });

    // WHEN synthesised
    // THEN it succeeds
    expect(errorsOf(() => app.synthYaml())).toEqual([]);
  });

  test('an object without a namespace is in its chart\'s namespace', () => {
    // GIVEN a chart of namespace team-a holding a PodDefault without namespace that clashes with one of team-a
    const { app, chart } = appWithChart();
    const a = dockerConfig(chart, 'docker');
    const teamA = new Chart(app, 'team-a-chart', { namespace: 'team-a' });
    const manifest = loadFixture('mount-path.yaml');
    const b = new ApiObject(teamA, 'aws', { ...manifest, metadata: { name: 'aws-credentials' } }).node.path;

    // WHEN synthesised
    // THEN the clash is found
    expect(errorsOf(() => app.synthYaml())).toEqual([
      mountClash(a, b),
    ]);
  });

  test('a PodDefault that contradicts its own selection label', () => {
    // GIVEN a PodDefault whose spec.labels sets its own selection label to another value
    const { app, chart } = appWithChart();
    const p = dockerConfig(chart, 'docker', { labels: { 'docker-config': 'false' } });

    // WHEN synthesised
    // THEN reported once, against that PodDefault
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `pod label docker-config is set by poddefault docker-config (${p}) in namespace team-a, which also selects notebooks whose label `
        + '"docker-config" has another value: the webhook refuses each of them (labelled docker-config=true); set the label only to a value '
        + 'the selector requires, or leave it out',
    ]);
  });

  test('two objects of another kind with the same namespace and name', () => {
    // GIVEN two Secrets of one name in one namespace, in two charts
    const { app } = appWithChart();
    const one = new ApiObject(new Chart(app, 'one'), 's', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-a' } });
    const two = new ApiObject(new Chart(app, 'two'), 's', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-a' } });

    // WHEN synthesised
    // THEN reported with both paths
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `${one.node.path} and ${two.node.path} are both Secret creds (api group core) in namespace team-a: applying them, one overwrites the other; give them different names or namespaces`,
    ]);
  });
});

describe('rules on one PodDefault', () => {
  const FIX_LISTING = 'select exactly one label with the value "true", or call PodDefaultValidation.allowUnlisted() on it if it is not meant for notebooks';
  const rows: [string, string, (p: string) => string[]][] = [
    ['no matchLabels', 'unlisted.yaml', p => [`poddefault pipelines-access (${p}) in namespace team-a has no spec.selector.matchLabels, which makes the notebook ui `
      + `fail to list the configurations of the whole namespace; ${FIX_LISTING}`]],
    ['two matchLabels keys', 'two-keys.yaml', p => [`poddefault gpu-tools (${p}) in namespace team-a has 2 matchLabels keys, but choosing it in the notebook ui `
      + `sets only the label gpu, so it never applies; ${FIX_LISTING}`]],
    ['a value other than "true"', 'not-true.yaml', p => [`poddefault gpu-tools (${p}) in namespace team-a selects label gpu-tools with a value other than "true", `
      + `but choosing it in the notebook ui sets gpu-tools: "true", so it never applies; ${FIX_LISTING}`]],
    ['dshm and /dev/shm', 'dshm.yaml', p => [
      `poddefault big-shm (${p}) in namespace team-a uses the volume name dshm, which every notebook pod already has, so the webhook refuses every notebook that selects it; choose another volume name`,
      `poddefault big-shm (${p}) in namespace team-a mounts at /dev/shm, which every notebook pod already has (spelled otherwise here: the webhook and the api server compare mount paths `
        + 'as written, and do not refuse it for the path): the container cannot mount both at one directory, so every notebook that selects it is broken; choose another mount path',
    ]],
    ['a name over 52 characters', 'long-name.yaml', p => [`poddefault a-very-long-poddefault-name-for-the-registry-of-team-a (${p}) in namespace team-a has a name that is too long: `
      + '54 characters, more than the 52 that the kubeflow webhook\'s pod annotation poddefault.admission.kubeflow.org/poddefault-<name> leaves (at most 63 after the slash): '
      + 'the api server refuses every pod the webhook changes; use a name of at most 52 characters']],
    ['invalid label keys', 'label-key.yaml', p => [
      `poddefault docker-config (${p}) in namespace team-a has the invalid label key "docker_config." in spec.selector.matchLabels: `
        + 'the name must be 1 to 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit; rename the key',
      `poddefault docker-config (${p}) in namespace team-a has the invalid label key "Example.com/team" in spec.labels: `
        + 'the prefix before / must be a lower case DNS subdomain of at most 253 characters; rename the key',
    ]],
    ['an invalid selector', 'selector.yaml', p => [`poddefault docker-config (${p}) in namespace team-a has an invalid selector `
      + '(matchExpressions key tier: operator In needs values), which makes the webhook refuse every pod of the namespace; fix the selector']],
  ];

  for (const [rule, fixture, expected] of rows) {
    test.each(SIDES)(`${rule}: %s`, side => {
      // GIVEN one PodDefault, added as a KubePodDefault, an Include or a raw ApiObject
      const { app, chart } = appWithChart();
      const p = addFixture(chart, 'pd', fixture, side);

      // WHEN the app is synthesised
      const errors = errorsOf(() => app.synthYaml());

      // THEN synth fails naming the construct path, the namespace and the key
      expect(errors).toEqual(expected(p));
    });
  }

  test.each(SIDES)('allowUnlisted exempts one PodDefault from the listing rule (%s)', side => {
    // GIVEN a PodDefault without matchLabels, exempted, next to one that is not
    const { app, chart } = appWithChart();
    const exempt = addFixture(chart, 'pd', 'unlisted.yaml', side);
    PodDefaultValidation.allowUnlisted(chart.node.findAll().find(c => c.node.path === exempt) as ApiObject);
    const other = addFixture(chart, 'gpu', 'two-keys.yaml', 'raw');

    // WHEN synthesised
    const errors = errorsOf(() => app.synthYaml());

    // THEN only the other one is reported, by the listing rule
    expect(errors).toEqual([
      `poddefault gpu-tools (${other}) in namespace team-a has 2 matchLabels keys, but choosing it in the notebook ui sets only the label gpu, so it never applies; ${SELECT_ONE}`,
    ]);
  });
});

describe('attaching and synthesising', () => {
  test.each<[string, unknown]>([['null', null], ['a chart\'s props', { namespace: 'team-a' }]])('attaching to %s (from JavaScript) is refused in words', (_, app) => {
    // GIVEN something that is no construct WHEN the check is attached to it THEN an error that names the type and the fix
    expect(() => PodDefaultValidation.attach(app as App)).toThrow(
      `the app is ${app === null ? 'null' : 'an object'}, not a construct: give PodDefaultValidation.attach the cdk8s App, such as new App()`);
  });

  test('attaching twice reports once', () => {
    // GIVEN the validation attached twice, once through a deep construct
    const { app, chart } = appWithChart();
    PodDefaultValidation.attach(app);
    PodDefaultValidation.attachTo(new Construct(chart, 'deep'));
    const p = addFixture(chart, 'pd', 'not-true.yaml', 'raw');

    // WHEN synthesised
    const errors = errorsOf(() => app.synthYaml());

    // THEN one error
    expect(errors).toEqual([notTrue(p)]);
  });

  test('attachTo from any construct attaches to the app', () => {
    // GIVEN an app where only a deep construct attaches the validation
    const app = Testing.app();
    const chart = new Chart(app, 'test');
    PodDefaultValidation.attachTo(new Construct(chart, 'deep'));
    const p = addFixture(chart, 'pd', 'not-true.yaml', 'raw');

    // WHEN synthesised
    // THEN the app-wide check runs
    expect(errorsOf(() => app.synthYaml())).toEqual([notTrue(p)]);
  });

  test('Testing.synth(chart) validates too', () => {
    // GIVEN a clash
    const { chart } = appWithChart();
    const a = dockerConfig(chart, 'docker');
    const b = addFixture(chart, 'other', 'mount-path.yaml', 'raw');

    // WHEN one chart is synthesised
    // THEN the clash is reported
    expect(errorsOf(() => Testing.synth(chart))).toEqual([mountClash(a, b)]);
  });

  test('a change between two synths of one app is seen', () => {
    // GIVEN an app that synthesises cleanly
    const { app, chart } = appWithChart();
    const a = dockerConfig(chart, 'docker');
    expect(errorsOf(() => app.synthYaml())).toEqual([]);

    // WHEN a clashing PodDefault is added in a new chart and the app synthesised again
    const b = addFixture(new Chart(app, 'later'), 'other', 'mount-path.yaml', 'raw');

    // THEN the second synth fails
    expect(errorsOf(() => app.synthYaml())).toEqual([mountClash(a, b)]);
    // AND a third one still fails
    expect(errorsOf(() => app.synthYaml())).toEqual([mountClash(a, b)]);
  });

  test('a change to a PodDefault between two app.synth() calls is seen', () => {
    // GIVEN an app written to disk cleanly
    const app = Testing.app({ outdir: require('os').tmpdir() + '/pd-validation-' + process.pid });
    PodDefaultValidation.attach(app);
    const chart = new Chart(app, 'test');
    const raw = new ApiObject(chart, 'gpu', loadFixture('not-true.yaml'));
    raw.addJsonPatch(JsonPatch.replace('/spec/selector/matchLabels/gpu-tools', 'true'));
    app.synth();

    // WHEN a patch changes its selector value
    raw.addJsonPatch(JsonPatch.replace('/spec/selector/matchLabels/gpu-tools', 'maybe'));

    // THEN the next synth fails
    expect(errorsOf(() => app.synth())).toEqual([notTrue(raw.node.path)]);
  });

  test('with K charts the check computes once per synthesis, and every synthesis judges the app anew', () => {
    // GIVEN three charts with one of our access constructs each, and a clash that only a later patch makes
    const app = Testing.app();
    const pds = ['a', 'b', 'c'].map(ns => new MinioDefault(new Chart(app, ns, { namespace: ns }), 'minio'));
    const check = app.node.metadata.find(m => m.type === 'cdk8s-kubeflow-access:pod-default-check')!.data;

    // WHEN the app is synthesised twice (cdk8s validates the whole app once, then once per chart)
    const first = errorsOf(() => app.synthYaml());
    const afterFirst = check.computations;
    const again = errorsOf(() => app.synthYaml());

    // THEN each synthesis computed once and passed
    expect(first).toEqual([]);
    expect(again).toEqual([]);
    expect([afterFirst, check.computations]).toEqual([1, 2]);

    // WHEN a JSON patch renames the PodDefault of chart b to clash with a new raw PodDefault in b
    new ApiObject(pds[1], 'raw', { apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'other', namespace: 'b' },
      spec: { desc: 'x', selector: { matchLabels: { other: 'true' } } } });
    pds[1].addJsonPatch(JsonPatch.replace('/metadata/name', 'other'));

    // THEN the next synthesis computes once more and reports the duplicate the patch made
    expect(errorsOf(() => app.synthYaml())).toEqual([
      'b/minio and b/minio/raw are both PodDefault other (api group kubeflow.org) in namespace b: applying them, one overwrites the other; give them different names or namespaces',
    ]);
    expect(check.computations).toBe(3);
  });

  test('a JSON patch on one of our PodDefaults between two app.synth() calls is seen', () => {
    // GIVEN an app of ours written to disk cleanly
    const app = Testing.app({ outdir: require('os').tmpdir() + '/pd-validation-own-' + process.pid });
    const chart = new Chart(app, 'test', { namespace: 'team-a' });
    const minio = new MinioDefault(chart, 'minio');
    app.synth();

    // WHEN a patch mounts its volume at /dev/shm
    minio.addJsonPatch(JsonPatch.add('/spec/volumeMounts', [{ name: 'x', mountPath: '/dev/shm' }]));

    // THEN the next synth fails with the spawner rule
    expect(errorsOf(() => app.synth())).toEqual([
      'poddefault minio (test/minio) in namespace team-a mounts at /dev/shm, which every notebook pod already has, so the webhook refuses every notebook that selects it; choose another mount path',
    ]);
  });

  test('a hand-written PodDefault with a field its CRD lacks fails synth, naming the field', () => {
    // GIVEN a raw PodDefault whose init container is meant as a native sidecar: restartPolicy, which the
    // Kubeflow 1.10 CRD lacks, so kubectl apply refuses it (or, --validate=false, the API server drops it)
    const { app, chart } = appWithChart();
    const raw = new ApiObject(chart, 'proxy', {
      apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'proxy', namespace: 'team-a' },
      spec: { desc: 'proxy', selector: { matchLabels: { proxy: 'true' } }, initContainers: [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' }] },
    });

    // WHEN synthesised THEN synth fails with the unknown-field rule, naming the construct and the field
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `poddefault proxy (${raw.node.path}) in namespace team-a sets spec.initContainers[0].restartPolicy, a core/v1 field the PodDefault CRD of Kubeflow 1.10 `
      + 'does not declare: kubectl apply refuses the PodDefault (strict field validation, its default), and with --validate=warn or false the api server drops '
      + 'the field as it stores the PodDefault, so the init container is no native sidecar: the pod\'s containers start only once it has exited; '
      + 'remove the field: a PodDefault of Kubeflow 1.10 cannot carry it',
    ]);
  });

  test('a misspelt metadata field of a PodDefault and of a Secret fails synth, naming the construct and the path', () => {
    // GIVEN a raw PodDefault whose labels are spelt lables and a raw Secret whose annotations are spelt annotation:
    // ObjectMeta lacks both, so kubectl apply (--validate=strict) refuses each, and otherwise the API server drops them
    const { app, chart } = appWithChart();
    const raw = new ApiObject(chart, 'proxy', {
      apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'proxy', namespace: 'team-a', lables: { team: 'a' } } as any,
      spec: { desc: 'proxy', selector: { matchLabels: { proxy: 'true' } } },
    });
    const secret = new ApiObject(chart, 'creds', {
      apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-a', annotation: { note: 'fake' } } as any, stringData: { token: 'fake-token' },
    });

    // WHEN synthesised THEN synth fails with the unknown-field rule, once per object, naming the construct and the path
    const refused = (kind: string) => `kubectl apply refuses the ${kind} (strict field validation, its default), and with --validate=warn or false the api server `
      + `drops the field as it stores the ${kind}`;
    const errors = errorsOf(() => app.synthYaml());
    expect(errors).toEqual([
      `poddefault proxy (${raw.node.path}) in namespace team-a sets metadata.lables, a field the metadata of every object (ObjectMeta) does not declare: `
      + `${refused('PodDefault')}, so it carries none of the labels listed there; rename the field to metadata.labels`,
      `secret creds (${secret.node.path}) in namespace team-a sets metadata.annotation, a field the metadata of every object (ObjectMeta) does not declare: `
      + `${refused('Secret')}, so it carries none of the annotations listed there; rename the field to metadata.annotations`,
    ]);
    expect(errors.join('\n')).not.toContain('fake');
  });

  test('a finalizer and an owner reference the api server refuses fail synth, naming the construct and the path', () => {
    // GIVEN a raw ConfigMap with a finalizer without a domain (a kind of the core group: refused), and a library
    // construct's PodDefault given an owner reference without uid by a JSON patch (ObjectMeta validation refuses both,
    // k8s.io/apimachinery v0.32.9 pkg/api/validation/objectmeta.go; kubernetes v1.32 pkg/apis/core/validation ValidateObjectMeta)
    const { app, chart } = appWithChart();
    const config = new ApiObject(chart, 'settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'team-a', finalizers: ['cleanup'] } });
    const minio = new MinioDefault(chart, 'minio', { namespace: 'team-a' });
    minio.addJsonPatch(JsonPatch.add('/metadata/ownerReferences', [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'settings' }]));

    // WHEN synthesised THEN synth fails with the field-type rule for each, in the order of the output, by the path, never a value
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `configmap settings (${config.node.path}) in namespace team-a has a finalizer without a domain (no /) that is none of kubernetes, orphan and `
      + 'foregroundDeletion at metadata.finalizers[0]: the api server refuses the ConfigMap, as kubernetes\' own kinds\' '
      + 'validation does (a custom resource\'s only warns of it); name the finalizer after the controller that removes it, with its domain (example.com/cleanup), or remove it',
      `poddefault ${minio.name} (${minio.node.path}) in namespace team-a has an owner reference without uid at metadata.ownerReferences[0].uid: `
      + 'the api server refuses the PodDefault, as every owner reference needs its apiVersion, kind, name and uid; '
      + 'give the owner\'s uid, as kubectl get shows it in the owner\'s metadata.uid once the owner exists, or remove the owner reference',
    ]);
  });

  test('a raw object\'s name and annotation key the api server refuses fail synth, naming the construct and the path', () => {
    // GIVEN a raw ConfigMap named in upper case with an annotation key of a space (kubernetes release-1.32 ValidateConfigMapName,
    // NameIsDNSSubdomain; k8s.io/apimachinery v0.32.9 objectmeta.go ValidateAnnotations), beside a library construct
    const { app, chart } = appWithChart();
    const config = new ApiObject(chart, 'settings', {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Settings', namespace: 'team-a', annotations: { 'release note': 'fake-note' } },
    });
    new MinioDefault(chart, 'minio', { namespace: 'team-a' });

    // WHEN synthesised THEN synth fails for the ConfigMap alone, by the paths, never the value
    const errors = errorsOf(() => app.synthYaml());
    expect(errors).toEqual([
      `configmap Settings (${config.node.path}) in namespace team-a has an invalid name at metadata.name: the api server refuses the ConfigMap, as the name has `
      + 'an upper-case letter at character 1; a ConfigMap name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a '
      + 'letter or digit, at most 253 characters); rename the ConfigMap by that rule',
      `configmap Settings (${config.node.path}) in namespace team-a has an invalid annotation key at metadata.annotations[(key not shown, as it may be a secret: 12 characters, `
      + 'a space at character 8)]: the api server '
      + 'refuses the ConfigMap, as it checks the key in lower case as a label key, an optional DNS subdomain and /, then a name: the name must be 1 to 63 '
      + 'characters of letters, digits, -, _ and ., starting and ending with a letter or digit; rename the annotation key',
    ]);
    expect(errors.join('\n')).not.toContain('fake');
  });

  test('annotations over 256 KiB fail synth: a ConfigMap\'s own, and those a PodDefault gives every notebook', () => {
    // GIVEN a raw ConfigMap with 262145 bytes of annotations, and a KubePodDefault whose spec.annotations and the
    // webhook's marker make more than 262144 bytes (k8s.io/apimachinery objectmeta.go ValidateAnnotationsSize)
    const { app, chart } = appWithChart();
    const config = new ApiObject(chart, 'settings', {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'team-a', annotations: { a: 'x'.repeat(262144) } },
    });
    const notes = new KubePodDefault(chart, 'notes', {
      metadata: { name: 'notes', namespace: 'team-a' },
      spec: { desc: 'notes', selector: { matchLabels: { notes: 'true' } }, annotations: { note: 'x'.repeat(262144) } },
    });

    // WHEN synthesised THEN synth fails with the annotation-size rule for each, naming the construct and the field
    const errors = errorsOf(() => app.synthYaml());
    expect(errors).toEqual([
      `configmap settings (${config.node.path}) in namespace team-a has metadata.annotations of 262145 bytes (keys and values), more than the 262144 (256 KiB) `
      + 'the api server allows in one object (ValidateAnnotationsSize), so it refuses the ConfigMap; '
      + 'remove annotations, or move their values elsewhere (a ConfigMap\'s data), to at most 262144 bytes',
      `poddefault notes (${notes.node.path}) in namespace team-a gives each notebook it selects 262148 bytes of annotations in spec.annotations (keys and values), `
      + 'and the webhook adds poddefault.admission.kubeflow.org/poddefault-notes with the PodDefault\'s resourceVersion: at least 262199 bytes, more than the '
      + '262144 (256 KiB) the api server allows in a pod (ValidateAnnotationsSize), so it refuses every notebook that selects the PodDefault; '
      + 'remove annotations from spec.annotations, or move their values elsewhere (a ConfigMap the notebook mounts), to well under 262144 bytes',
    ]);
    expect(errors.join('\n')).not.toContain('xxxx');
  });

  test('two PodDefaults whose annotations a notebook would get together exceed 256 KiB fail synth, naming both constructs', () => {
    // GIVEN two KubePodDefaults of 131100 bytes of spec.annotations each, which one notebook can select together
    const { app, chart } = appWithChart();
    const [a, b] = ['a', 'b'].map(name => new KubePodDefault(chart, name, {
      metadata: { name, namespace: 'team-a' },
      spec: { desc: name, selector: { matchLabels: { [name]: 'true' } }, annotations: { [`note-${name}`]: 'x'.repeat(131100 - 6) } },
    }));

    // WHEN synthesised THEN synth fails with the annotation-size rule for the pair
    const errors = errorsOf(() => app.synthYaml());
    expect(errors).toEqual([
      `poddefaults a (${a.node.path}) and b (${b.node.path}) in namespace team-a give a notebook that selects both (labelled a=true,b=true) 262200 bytes of `
      + 'annotations in spec.annotations (keys and values), and the webhook adds poddefault.admission.kubeflow.org/poddefault-a and '
      + 'poddefault.admission.kubeflow.org/poddefault-b with their resourceVersions: at least 262294 bytes, more than the 262144 (256 KiB) the api server allows '
      + 'in a pod (ValidateAnnotationsSize), so it refuses every notebook that selects both; '
      + 'remove annotations from spec.annotations of one of them, or make the two exclusive by giving both an env var of one name whose value is their own name',
    ]);
  });

  test('a hand-written PodDefault with a port number in quotes and a mount without mountPath fails synth, naming each field', () => {
    // GIVEN a raw PodDefault the API server refuses whatever kubectl's --validate: its CRD declares containerPort
    // an integer, and requires a mount's mountPath
    const { app, chart } = appWithChart();
    const raw = new ApiObject(chart, 'proxy', {
      apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'proxy', namespace: 'team-a' },
      spec: {
        desc: 'proxy', selector: { matchLabels: { proxy: 'true' } }, volumes: [{ name: 'v', emptyDir: {} }], volumeMounts: [{ name: 'v' }],
        sidecars: [{ name: 'proxy', image: 'proxy:1', ports: [{ containerPort: '8080' }] }],
      },
    });

    // WHEN synthesised THEN synth fails with the field-type rule, naming the construct and each field
    const refused = 'the api server refuses the PodDefault, so kubectl apply fails (whatever its --validate) and no notebook gets what it adds';
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `poddefault proxy (${raw.node.path}) in namespace team-a has no mountPath in spec.volumeMounts[0], which the PodDefault CRD requires: ${refused}; set mountPath`,
      `poddefault proxy (${raw.node.path}) in namespace team-a has a string at spec.sidecars[0].ports[0].containerPort, where the PodDefault CRD declares an integer: `
      + `${refused}; write the number without quotes`,
    ]);
  });

  test('a KubePodDefault\'s JSON patch is applied to the manifest as written, after the core/v1 conversion: quantities, ports and maps stay as patched', () => {
    // GIVEN a KubePodDefault patched, in plain JSON as a patch holds it, with a sidecar's CPU limit, an emptyDir's size
    // limit, a probe's port and a CSI volume's attributes. cdk8s documents addJsonPatch as applied "to the manifest
    // synthesized for this API object" (cdk8s 2.70 api-object.d.ts); a generated binding's toJson converts after the
    // patches, whose plain strings the conversion drops or rewrites (cdk8s-team/cdk8s#2172, #908, #1184): the limit
    // was written `cpu: null`, the sizeLimit and port dropped, the attributes a map of their characters
    const { app, chart } = appWithChart();
    PodDefaultValidation.attach(app);
    const sidecar = { name: 'proxy', image: 'proxy:1', resources: { limits: { cpu: '500m', memory: 1073741824 } }, readinessProbe: { httpGet: { port: 8080 } } };
    const volumes = [{ name: 'scratch', emptyDir: { sizeLimit: '1Gi' } }, { name: 'store', csi: { driver: 'csi.example.com', volumeAttributes: 'fake-attributes' } }];
    const patched = new KubePodDefault(chart, 'proxy', { metadata: { name: 'proxy' }, spec: { desc: 'proxy', selector: { matchLabels: { proxy: 'true' } } } });
    patched.addJsonPatch(JsonPatch.add('/spec/sidecars', [sidecar]), JsonPatch.add('/spec/volumes', [volumes[0]]));
    const attributes = new KubePodDefault(chart, 'store', { metadata: { name: 'store' }, spec: { desc: 'store', selector: { matchLabels: { store: 'true' } } } });
    attributes.addJsonPatch(JsonPatch.add('/spec/volumes', [volumes[1]]));
    // WHEN the proxy is rendered
    const proxy = patched.toJson();
    // THEN its spec holds the patched values as they were given
    expect(proxy.spec.sidecars).toEqual([sidecar]);
    expect(proxy.spec.volumes).toEqual([volumes[0]]);
    // AND the CSI volume's attributes, a string where core/v1 declares a map, are written as given (not as a map of their
    // characters), and the check refuses them by their path, never their value
    expect(attributes.toJson().spec.volumes).toEqual([volumes[1]]);
    // (the app synthesised: only the attributes are refused)
    const errors = errorsOf(() => app.synthYaml());
    expect(errors).toEqual([expect.stringContaining('spec.volumes[0].csi.volumeAttributes')]);
    expect(errors.join('\n')).not.toContain('fake-attributes');
  });

  test('a JSON patch on a subclass with a toJson of its own is written, whichever toJson renders the PodDefault under it', () => {
    // GIVEN a user's subclass of MinioDefault (a PodDefaultAccess, which renders with ApiObject's toJson) and one of
    // KubePodDefault (which renders with the core/v1 conversion), each with a toJson of its own that calls super's,
    // each patched with an annotation
    class Labelled extends MinioDefault {
      public toJson(): any {
        const json = super.toJson();
        return { ...json, metadata: { ...json.metadata, labels: { ...json.metadata.labels, team: 'a' } } };
      }
    }
    class Described extends KubePodDefault {
      public toJson(): any {
        const json = super.toJson();
        return { ...json, spec: { ...json.spec, desc: `${json.spec.desc} (team a)` } };
      }
    }
    const { app, chart } = appWithChart();
    const minio = new Labelled(chart, 'minio', { namespace: 'team-a' });
    minio.addJsonPatch(JsonPatch.add('/metadata/annotations', { owner: 'team-a' }));
    const proxy = new Described(chart, 'proxy', { metadata: { name: 'proxy', namespace: 'team-a' }, spec: { desc: 'proxy', selector: { matchLabels: { proxy: 'true' } } } });
    proxy.addJsonPatch(JsonPatch.add('/metadata/annotations', { owner: 'team-a' }));
    // WHEN synthesised
    const written = YAML.parseAllDocuments(app.synthYaml()).map(d => d.toJSON()).filter(m => m.kind === 'PodDefault');
    // THEN each is written with its patch and its own toJson's change (the patch was dropped for MinioDefault's subclass:
    // it was kept for the conversion, which a PodDefaultAccess does not run)
    expect(written.map(m => [m.metadata.name, m.metadata.annotations, m.metadata.labels?.team, m.spec.desc])).toEqual([
      ['minio', { owner: 'team-a' }, 'a', expect.any(String)],
      ['proxy', { owner: 'team-a' }, undefined, 'proxy (team a)'],
    ]);
  });

  test('a JSON patch added after a first synth is in the second', () => {
    // GIVEN a KubePodDefault synthesised once
    const { app, chart } = appWithChart();
    const proxy = new KubePodDefault(chart, 'proxy', { metadata: { name: 'proxy', namespace: 'team-a' }, spec: { desc: 'proxy', selector: { matchLabels: { proxy: 'true' } } } });
    const first = app.synthYaml();
    // WHEN patched and synthesised again
    proxy.addJsonPatch(JsonPatch.add('/spec/volumes', [{ name: 'scratch', emptyDir: { sizeLimit: '1Gi' } }]));
    const second = YAML.parse(app.synthYaml());
    // THEN the first is unpatched and the second patched, as given
    expect(YAML.parse(first).spec.volumes).toBeUndefined();
    expect(second.spec.volumes).toEqual([{ name: 'scratch', emptyDir: { sizeLimit: '1Gi' } }]);
  });

  test('a KubePodDefault\'s JSON patch of the wrong shape is written as patched, and the check refuses it by its field', () => {
    // GIVEN KubePodDefaults patched with a sidecar whose ports are a mapping, with an ephemeral volume whose claim
    // template's creationTimestamp is a string (JSON's form of a timestamp), and with a port left empty (a patch's null
    // stays): patches apply to the manifest after the core/v1 conversion, which once threw a TypeError naming neither
    // (found by invariant.fuzz.test.ts: seed 99 with FUZZ_RUNS=300, seed 1 with FUZZ_RUNS=400)
    const filesLeft = filesAfter(outdir => {
      const app = new App({ outdir });
      const chart = new Chart(app, 'test', { namespace: 'team-a' });
      PodDefaultValidation.attach(app);
      new KubePodDefault(chart, 'proxy', { metadata: { name: 'proxy' }, spec: { desc: 'proxy', selector: { matchLabels: { proxy: 'true' } } } })
        .addJsonPatch(JsonPatch.add('/spec/sidecars', [{ name: 'proxy', image: 'proxy:1', ports: { http: 8080 } }]));
      app.synth();
    });
    const stamped = appWithChart();
    const volume = { name: 'v', ephemeral: { volumeClaimTemplate: { metadata: { creationTimestamp: '2026-12-07T00:00:00Z' }, spec: {} } } };
    const scratch = new KubePodDefault(stamped.chart, 'scratch', { metadata: { name: 'scratch', namespace: 'team-a' }, spec: { selector: { matchLabels: { scratch: 'true' } } } });
    scratch.addJsonPatch(JsonPatch.add('/spec/volumes', [volume]));
    const empty = appWithChart();
    PodDefaultValidation.attach(empty.app);
    new KubePodDefault(empty.chart, 'proxy', { metadata: { name: 'proxy', namespace: 'team-a' }, spec: { desc: 'proxy', selector: { matchLabels: { proxy: 'true' } } } })
      .addJsonPatch(JsonPatch.add('/spec/sidecars', [{ name: 'proxy', image: 'proxy:1', ports: [{ containerPort: 8080 }, null] }]));

    // WHEN synthesised
    // THEN the check refuses the mapping by its field, and nothing is written
    expect(filesLeft.files).toEqual([]);
    expect(errorsOf(() => { throw filesLeft.error; })).toEqual([expect.stringMatching(/^poddefault proxy \(test\/proxy\) in namespace team-a has a mapping at spec\.sidecars\[0\]\.ports, /)]);
    // AND the timestamp is written as the string it was given
    expect(scratch.toJson().spec.volumes).toEqual([volume]);
    // AND the null port is refused by the check, by its field
    expect(errorsOf(() => empty.app.synthYaml())).toEqual([expect.stringContaining('spec.sidecars[0].ports[1]')]);
  });

  test('a KubePodDefault given a mapping where core/v1 declares a list (from JavaScript) fails synth, naming the construct and the field', () => {
    // GIVEN a KubePodDefault whose props (from JavaScript, past the types) hold a sidecar whose ports are a mapping
    const { app, chart } = appWithChart();
    new KubePodDefault(chart, 'proxy', { metadata: { name: 'proxy', namespace: 'team-a' },
      spec: { selector: { matchLabels: { proxy: 'true' } }, sidecars: [{ name: 'proxy', image: 'proxy:1', ports: { http: 8080 } as any }] } });
    // WHEN synthesised THEN an AccessError naming the construct and the field
    expect(() => app.synthYaml()).toThrow('[test/proxy] spec.sidecars[0].ports: is a mapping, where core/v1 declares a list, so KubePodDefault cannot render it: '
      + 'write a list there');
  });

  test('a raw object whose label value is a number (from JavaScript) fails synth with field-type, naming the path', () => {
    // GIVEN a ConfigMap whose label value is a number: cdk8s writes `tier: 2`, which the API server cannot decode into ObjectMeta
    const { app, chart } = appWithChart();
    const raw = new ApiObject(chart, 'c', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'team-a', labels: { tier: 2 as any } } });
    // WHEN synthesised THEN the check's line, as the CLI prints it for the written file
    expect(errorsOf(() => app.synthYaml())).toEqual([`configmap c (${raw.node.path}) in namespace team-a has a number at metadata.labels.tier, where ObjectMeta `
      + 'declares a string: the api server refuses the ConfigMap (it cannot decode its metadata), so kubectl apply fails whatever its --validate; quote the value']);
  });

  test('a hand-written Secret whose data is not base64 fails synth, naming the key and the byte, never the value', () => {
    // GIVEN a raw Secret whose token was pasted unencoded into data, and an Included one whose pin is an unquoted number
    const { app, chart } = appWithChart();
    const raw = new ApiObject(chart, 'token', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token', namespace: 'team-a' }, data: { TOKEN: 'fake-token-0000' } });
    const dir = mkdtempSync(path.join(tmpdir(), 'secret-data-'));
    const file = path.join(dir, 'pin.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Secret\nmetadata: {name: pin, namespace: team-a}\ndata:\n  PIN: 1234\n');
    const include = new Include(chart, 'pin', { url: file });

    // WHEN synthesised THEN synth fails with the secret-data rule for each
    const errors = errorsOf(() => app.synthYaml());
    expect(errors).toEqual([
      `secret token (${raw.node.path}) in namespace team-a: data TOKEN is not base64 as the api server decodes it (illegal base64 data at input byte 4), which refuses `
      + 'the Secret, so kubectl apply fails and no pod gets the Secret\'s keys; encode the value as standard base64 on one line, with its "=" padding '
      + '(base64 -w0 FILE, or printf %s VALUE | base64 -w0; spaces, tabs and the URL-safe "-" and "_" are refused), or give it unencoded under stringData',
      `secret pin (${include.apiObjects[0].node.path}) in namespace team-a: data PIN is a number, not a base64 string: the api server cannot read it as bytes `
      + 'and refuses the Secret, so kubectl apply fails and no pod gets the Secret\'s keys; give the value base64-encoded in quotes, or unencoded in quotes under stringData',
    ]);
    expect(errors.join('\n')).not.toContain('fake-');
  });

  test('a hand-written Secret that lacks what its type asks for fails synth, naming the type and the key', () => {
    // GIVEN a raw ssh-auth Secret whose key is under id_ed25519, not ssh-privatekey
    const { app, chart } = appWithChart();
    const raw = new ApiObject(chart, 'git', {
      apiVersion: 'v1', kind: 'Secret', metadata: { name: 'git', namespace: 'team-a' }, type: 'kubernetes.io/ssh-auth', stringData: { id_ed25519: 'FAKE KEY' },
    });
    // WHEN synthesised THEN synth fails with the secret-type rule
    const errors = errorsOf(() => app.synthYaml());
    expect(errors).toEqual([
      `secret git (${raw.node.path}) in namespace team-a: type kubernetes.io/ssh-auth needs the key ssh-privatekey in data or stringData, which it lacks: `
      + 'the api server refuses the Secret, so kubectl apply fails and no pod gets the Secret\'s keys; give the private key (the file ssh-keygen writes, '
      + 'such as id_ed25519) under ssh-privatekey, or, for a Secret of other keys, use type Opaque',
    ]);
    expect(errors.join('\n')).not.toContain('FAKE');
  });

  test('a hand-written object whose creationTimestamp is a date alone fails synth, by its path', () => {
    // GIVEN a raw ConfigMap whose creationTimestamp metav1.Time cannot read, and a generation past 2^53 it can
    const { app, chart } = appWithChart();
    const raw = new ApiObject(chart, 'c', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'team-a', creationTimestamp: '2026-01-01', generation: 2 ** 53 + 2 } });
    // WHEN synthesised THEN synth fails for the timestamp alone
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `configmap c (${raw.node.path}) in namespace team-a has a string that is no RFC 3339 time at metadata.creationTimestamp, where ObjectMeta declares a time `
      + '(a string in RFC 3339, such as 2026-01-01T00:00:00Z): the api server refuses the ConfigMap (it cannot decode its metadata), so kubectl apply fails '
      + 'whatever its --validate; write the time in RFC 3339, such as 2026-01-01T00:00:00Z, or leave the field out (the api server sets creationTimestamp and deletionTimestamp)',
    ]);
  });

  test('a hand-written ExternalSecret whose template type asks for a key its template lacks fails synth, naming the ExternalSecret and the type', () => {
    // GIVEN a raw ExternalSecret that templates config.json into a Secret of type kubernetes.io/dockerconfigjson
    const { app, chart } = appWithChart();
    const raw = new ApiObject(chart, 'registry', {
      apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'registry', namespace: 'team-a' },
      spec: {
        secretStoreRef: { name: 'vault', kind: 'SecretStore' },
        target: { template: { type: 'kubernetes.io/dockerconfigjson', data: { 'config.json': '{{ .config }}' } } },
        data: [{ secretKey: 'config', remoteRef: { key: 'fake/registry' } }],
      },
    });
    // WHEN synthesised THEN synth fails with the secret-type rule, on the ExternalSecret
    const errors = errorsOf(() => app.synthYaml());
    expect(errors).toEqual([
      `externalsecret registry (${raw.node.path}) in namespace team-a: spec.target.template.type kubernetes.io/dockerconfigjson needs the key .dockerconfigjson `
      + 'in the Secret it writes (the keys of spec.target.template.data), which it lacks: the api server refuses the Secret External Secrets Operator writes, '
      + 'so the ExternalSecret never syncs and no pod gets the Secret\'s keys; add the key .dockerconfigjson under spec.target.template.data, '
      + 'a template of the fetched keys, or, for a Secret of other keys, set spec.target.template.type to Opaque',
    ]);
  });

  test('a hand-written ExternalSecret that fetches two items into one secretKey fails synth, naming the ExternalSecret and the item', () => {
    // GIVEN a raw ExternalSecret whose spec.data fetches two items into token, deletionPolicy unset (Retain): ESO v2.9.0's webhook
    // refuses it (validateDuplicateKeys, apis/externalsecrets/v1/externalsecret_validator.go)
    const { app, chart } = appWithChart();
    const raw = new ApiObject(chart, 'fetch', {
      apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'fetch', namespace: 'team-a' },
      spec: {
        secretStoreRef: { name: 'vault', kind: 'SecretStore' },
        data: [{ secretKey: 'token', remoteRef: { key: 'fake/one' } }, { secretKey: 'token', remoteRef: { key: 'fake/two' } }],
      },
    });
    // WHEN synthesised THEN synth fails with the secret-data rule, on the ExternalSecret
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `externalsecret fetch (${raw.node.path}) in namespace team-a has spec.data[1].secretKey token, as spec.data[0] has, with spec.target.deletionPolicy Retain `
      + '(the default): External Secrets Operator\'s webhook refuses the ExternalSecret (duplicate secretKey found), so kubectl apply fails and it writes nothing; '
      + 'give each spec.data[] item its own secretKey (the key of the Secret it writes), or remove the repeated item',
    ]);
  });

  test('the output is the same with and without the check', () => {
    // GIVEN one app with the check and one without, holding the same KubePodDefaults
    const build = (attach: boolean) => {
      const app = Testing.app();
      if (attach) { PodDefaultValidation.attach(app); }
      ['a', 'b', 'c'].forEach(ns => dockerConfig(new Chart(app, ns), 'docker', {}, ns));
      return app;
    };

    // WHEN both are synthesised
    // THEN the YAML is byte for byte the same
    expect(build(true).synthYaml()).toEqual(build(false).synthYaml());
  });
});

describe('property: synth either refuses, or a notebook selecting every PodDefault is admitted', () => {
  const volumeName = fc.constantFrom('creds', 'docker-secret-volume', 'aws-secret-volume');
  const secretName = fc.constantFrom('s1', 's2');
  const mountPath = fc.constantFrom('/home/kubeflow/.docker', '/home/kubeflow/.docker/', '/home/kubeflow/.aws/', '/data');
  const envName = fc.constantFrom('AWS_REGION', 'S3_ENDPOINT');
  const spec = fc.record({
    volumes: fc.array(fc.record({ name: volumeName, secret: fc.record({ secretName }, { requiredKeys: ['secretName'] }) }), { maxLength: 2 }),
    volumeMounts: fc.array(fc.record({ name: volumeName, mountPath, readOnly: fc.boolean() }, { requiredKeys: ['name', 'mountPath'] }), { maxLength: 2 }),
    env: fc.array(fc.record({ name: envName, value: fc.constantFrom('a', 'b') }), { maxLength: 2 }),
    labels: fc.dictionary(fc.constantFrom('team', 'pd-a', 'pd-b'), fc.constantFrom('true', 'x'), { maxKeys: 2 }),
    tolerations: fc.array(fc.record({ key: fc.constantFrom('gpu', 'spot'), operator: fc.constantFrom('Exists') }), { maxLength: 1 }),
  }, { requiredKeys: [] });
  // fast-check builds records without a prototype, which cdk8s cannot resolve: make them plain JSON
  const podDefaults = fc.array(fc.record({ name: fc.constantFrom('pd-a', 'pd-b', 'pd-c', 'pd-d'), spec }), { minLength: 1, maxLength: 4 })
    .map(pds => JSON.parse(JSON.stringify(pds)) as { name: string; spec: any }[]);

  const merged = '(volume \\S+|the mount of volume \\S+|the mount at \\S+|env var \\S+|pod label \\S+)';
  /** Each rule of the app-wide check these PodDefaults can break, as its message reads. */
  const RULES = [
    /^\S+ and \S+ are both PodDefault pd-[a-d] \(api group kubeflow\.org\) in namespace team-a: applying them, one overwrites the other; give them different names or namespaces$/,
    new RegExp(`^${merged} differs between poddefaults pd-[a-d] \\(\\S+\\) and pd-[a-d] \\(\\S+\\) in namespace team-a: the webhook refuses every notebook that selects both \\(labelled [^)]+\\); make the two definitions identical or rename one(, or put the logins to both registries in one config\\.json with DockerConfig\\.fromLogins)?$`),
    new RegExp(`^${merged} is defined twice, differently, by poddefault pd-[a-d] \\(\\S+\\) in namespace team-a: the webhook refuses every notebook that selects it \\(labelled [^)]+\\); keep one definition$`),
    /^pod label \S+ is set by poddefault pd-[a-d] \(\S+\) in namespace team-a, which also selects notebooks whose label "\S+" has another value: the webhook refuses each of them \(labelled [^)]+\); set the label only to a value the selector requires, or leave it out$/,
    /^mount paths \S+ of poddefault pd-[a-d] \(\S+\) and \S+ of poddefault pd-[a-d] \(\S+\) in namespace team-a are the same directory spelled differently: the webhook does not see the clash and the container cannot mount both; spell them the same way or use different directories$/,
  ];

  test('for random PodDefaults in one namespace', () => {
    fc.assert(fc.property(podDefaults, fc.boolean(), (pds, perChart) => {
      // GIVEN random PodDefaults, in one chart or one chart each
      const app = Testing.app();
      PodDefaultValidation.attach(app);
      const shared = new Chart(app, 'all');
      pds.forEach((p, i) => new KubePodDefault(perChart ? new Chart(app, `c${i}`) : shared, `pd${i}`, {
        metadata: { name: p.name, namespace: 'team-a' },
        spec: { selector: { matchLabels: { [p.name]: 'true' } }, ...p.spec },
      }));

      // WHEN synthesised
      let yaml: string;
      try {
        yaml = app.synthYaml();
      } catch (e) {
        // THEN either synth refuses with validation errors, each line one of the check's rules, and a name
        // given twice is reported once for each later PodDefault of that name
        expect(String((e as Error).message)).toMatch(/^Validation failed with the following errors:\n {2}\[\] /);
        expectCheckRefusal(e, errorsOf(() => app.synthYaml()), RULES, pds.map(p => p.name));
        return;
      }
      // OR a notebook selecting every PodDefault of the namespace is admitted
      expect(yaml).toContain('kind: PodDefault');
      const manifests = app.node.findAll().filter(c => c instanceof KubePodDefault).map(c => (c as KubePodDefault).toJson());
      const labels = Object.fromEntries(manifests.map((m: any) => [m.metadata.name, 'true']));
      const notebook = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'nb-0', namespace: 'team-a', labels },
        spec: { containers: [{ name: 'nb', image: 'jupyter' }] },
      };
      const result = PodDefaultAdmission.admit(notebook, manifests);
      expect(result.conflicts).toEqual([]);
      expect(result.applied).toEqual([...new Set(pds.map(p => p.name))].sort());
    }), params<[unknown, boolean]>(300));
  });
});

describe('no object escapes the in-process check', () => {
  test('a KubePodDefault without a namespace is judged in the namespace of the others', () => {
    // GIVEN a chart without namespace holding a PodDefault that clashes with one of team-a
    const { app, chart } = appWithChart();
    const a = dockerConfig(chart, 'docker');
    const manifest = loadFixture('mount-path.yaml');
    const b = new KubePodDefault(new Chart(app, 'anywhere'), 'aws', { metadata: { name: 'aws-credentials' }, spec: manifest.spec }).node.path;

    // WHEN synthesised
    // THEN the clash is found in team-a
    expect(errorsOf(() => app.synthYaml())).toEqual([
      mountClash(a, b),
    ]);
  });

  test('the items of an Included List (a kubectl get -o yaml dump) are judged, as kubectl apply applies them', () => {
    // GIVEN our docker-config and an Include of a List holding a PodDefault that clashes with it
    const { app, chart } = appWithChart();
    const a = dockerConfig(chart, 'docker');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'list-')), 'dump.yaml');
    writeFileSync(file, YAML.stringify({ apiVersion: 'v1', kind: 'List', items: [loadFixture('mount-path.yaml')] }));
    const list = new Include(chart, 'dump', { url: file }).apiObjects[0].node.path;

    // WHEN synthesised
    // THEN the clash is found, naming the item
    expect(errorsOf(() => app.synthYaml())).toEqual([
      mountClash(a, `${list}.items[0]`),
    ]);
  });

  test('an Included PodDefault whose metadata holds a key __proto__ is judged without it, as synth writes it', () => {
    // GIVEN our docker-config in team-a, and an Include of a PodDefault of that name whose metadata holds
    // `__proto__: { namespace: team-b }`: the YAML reader makes that an own key, and toJson writes neither it nor a namespace
    const { app, chart } = appWithChart();
    const a = dockerConfig(chart, 'docker');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'proto-')), 'proto.yaml');
    writeFileSync(file, 'apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata:\n  name: docker-config\n  __proto__:\n    namespace: team-b\n'
      + 'spec:\n  desc: d\n  selector:\n    matchLabels:\n      docker-config: "true"\n');
    const included = new Include(new Chart(app, 'anywhere'), 'inc', { url: file }).apiObjects[0];
    expect(included.toJson().metadata).toEqual({ name: 'docker-config' });

    // WHEN synthesised
    // THEN it is judged namespace-less, as written: kubectl apply -n team-a makes it docker-config's twin
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `${a} and ${included.node.path} are both PodDefault docker-config (api group kubeflow.org) in namespace team-a once ${included.node.path}, which names no namespace, `
        + 'is applied there (kubectl apply -n team-a): applying them, one overwrites the other; give them different names or namespaces',
    ]);
  });

  test('with FILE_PER_RESOURCE, one kind and name in two namespaces is refused naming both', () => {
    // GIVEN two Secrets named creds in two namespaces, written one file per resource
    const app = Testing.app({ yamlOutputType: YamlOutputType.FILE_PER_RESOURCE });
    PodDefaultValidation.attach(app);
    const one = new ApiObject(new Chart(app, 'one', { namespace: 'team-a' }), 's', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' } });
    const two = new ApiObject(new Chart(app, 'two', { namespace: 'team-b' }), 's', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' } });

    // WHEN synthesised
    // THEN
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `${one.node.path} and ${two.node.path} would both be written to the file Secret.creds.k8s.yaml, which cdk8s names after an object's kind and name only: `
        + 'the later write replaces the earlier one; give them different names, or use another YamlOutputType',
    ]);
  });

  test('a JSON patch that renames a Secret is seen by the duplicate rule', () => {
    // GIVEN two Secrets of different names, the second renamed by a patch to the first's name
    const { app, chart } = appWithChart();
    const one = new ApiObject(chart, 'one', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-a' } });
    const two = new ApiObject(chart, 'two', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other', namespace: 'team-a' } });
    expect(errorsOf(() => app.synthYaml())).toEqual([]);
    two.addJsonPatch(JsonPatch.replace('/kind', 'Secret'), JsonPatch.replace('/metadata/name', 'creds'));

    // WHEN synthesised again
    // THEN
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `${one.node.path} and ${two.node.path} are both Secret creds (api group core) in namespace team-a: applying them, one overwrites the other; give them different names or namespaces`,
    ]);
  });

  test('an ExternalSecret that writes the Secret of one of our constructs is refused', () => {
    // GIVEN our MinioDefault with keys of its own (Secret minio) and a raw ExternalSecret targeting minio
    const app = Testing.app();
    const chart = new Chart(app, 'user', { namespace: 'user' });
    const minio = new MinioDefault(chart, 'minio', { credentials: MinioCredentials.fromKeys({ accessKey: 'fake-minio-access-0000', secretKey: 'fake-minio-secret-0000' }) });
    const es = new ApiObject(chart, 'eso', { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'fetch' },
      spec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, target: { name: 'minio' }, data: [{ secretKey: 'token', remoteRef: { key: 'fake/token' } }] } });

    // WHEN synthesised
    // THEN
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `${minio.secret!.node.path} and ${es.node.path} both make Secret minio in namespace user (an ExternalSecret writes the Secret its spec.target.name names, `
        + 'by default its own name): one overwrites the other; give them different names or namespaces, '
        + 'or set spec.target.creationPolicy to Merge on the ExternalSecret to fill the existing one',
    ]);
  });

  test('PodDefaultValidation.allowUnlisted is construct metadata', () => {
    const chart = Testing.chart();
    const raw = new ApiObject(chart, 'pd', loadFixture('unlisted.yaml'));
    PodDefaultValidation.allowUnlisted(raw);
    expect(raw.node.metadata.map(m => [m.type, m.data])).toEqual([['cdk8s-kubeflow-access:allow-unlisted', true]]);
  });
});

describe('what synth writes is what the check judged (issue 20\'s defects)', () => {
  const tmp = () => require('fs').mkdtempSync(path.join(require('os').tmpdir(), 'pd-validation-'));
  const secretIn = (scope: Construct, id: string, namespace?: string) =>
    new ApiObject(scope, id, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', ...(namespace === undefined ? {} : { namespace }) } });

  test('FOLDER_PER_CHART_FILE_PER_RESOURCE: two objects of one chart that would share a file are refused, not one silently lost', () => {
    // GIVEN one chart holding Secret creds of two namespaces, written one folder per chart
    const app = Testing.app({ outdir: tmp(), yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
    PodDefaultValidation.attach(app);
    const chart = new Chart(app, 'profiles');
    const one = secretIn(chart, 'one', 'team-a');
    const two = secretIn(chart, 'two', 'team-b');

    // WHEN synthesised
    // THEN refused, naming the file in the chart's folder
    expect(errorsOf(() => app.synth())).toEqual([
      `${one.node.path} and ${two.node.path} would both be written to the file profiles/Secret.creds.k8s.yaml, which cdk8s names after an object's kind and name only: `
        + 'the later write replaces the earlier one; give them different names, or use another YamlOutputType',
    ]);
  });

  test('FOLDER_PER_CHART_FILE_PER_RESOURCE: the same objects in two charts have two folders', () => {
    const app = Testing.app({ outdir: tmp(), yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
    PodDefaultValidation.attach(app);
    secretIn(new Chart(app, 'a'), 'one', 'team-a');
    secretIn(new Chart(app, 'b'), 'two', 'team-b');
    expect(errorsOf(() => app.synth())).toEqual([]);
  });

  test('FILE_PER_CHART: two charts cdk8s writes to one file are refused', () => {
    // GIVEN a chart under a construct, which cdk8s names after its path and its hash, and a chart whose id is that name
    const app = Testing.app({ outdir: tmp() });
    PodDefaultValidation.attach(app);
    const nested = new Chart(new Construct(app, 'group'), 'team');
    const twin = new Chart(app, require('cdk8s').Names.toDnsLabel(nested));
    const one = secretIn(nested, 'one', 'team-a');
    const two = secretIn(twin, 'two', 'team-b');

    // WHEN synthesised THEN refused
    expect(errorsOf(() => app.synth())).toEqual([
      `${one.node.path} and ${two.node.path} would both be written to the file ${twin.node.id}.k8s.yaml, which cdk8s names after their charts `
        + `${nested.node.path} and ${twin.node.path}: the later chart's file replaces the earlier one's; give the charts ids that cdk8s names apart, or use another YamlOutputType`,
    ]);
  });

  test('a props object changed between two synths is judged as it is then', () => {
    // GIVEN two raw PodDefaults whose props the caller keeps, mounting two volumes at two paths, synthesised cleanly
    const app = Testing.app();
    PodDefaultValidation.attach(app);
    const chart = new Chart(app, 'test', { namespace: 'team-a' });
    const mounting = (name: string, mountPath: string) => ({
      apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name },
      spec: { desc: name, selector: { matchLabels: { [name]: 'true' } }, volumes: [{ name: `${name}-volume`, emptyDir: {} }], volumeMounts: [{ name: `${name}-volume`, mountPath }] },
    });
    const a = mounting('a', '/data/a');
    const b = mounting('b', '/data/b');
    new ApiObject(chart, 'a', a);
    new ApiObject(chart, 'b', b);
    expect(errorsOf(() => app.synthYaml())).toEqual([]);

    // WHEN the caller moves b's mount to a's path
    b.spec.volumeMounts[0].mountPath = '/data/a';

    // THEN the next synth refuses the clash it now writes
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `the mount at /data/a differs between poddefaults a (test/a) and b (test/b) in namespace team-a: ${refuseBoth('a=true,b=true')}`,
    ]);
  });

  test('what our constructs keep cannot be changed: their props are copies, what they show is frozen', () => {
    // GIVEN a MinioDefault, and the logins array a DockerConfig was made from
    const chart = Testing.chart();
    const minio = new MinioDefault(chart, 'minio', { namespace: 'team-a' });
    const { DockerConfig } = require('../../lib');
    const logins = [{ server: 'registry.example.com', username: 'bot', password: 'fake-password-0000' }];
    const docker = DockerConfig.fromLogins(logins);

    // WHEN a caller tries to change them
    // THEN the selector labels refuse, and a changed login changes nothing already made from it
    expect(() => { (minio.selectorLabels as any).other = 'true'; }).toThrow(TypeError);
    logins[0].username = 'changed';
    logins.push({ server: 'other.example.com', username: 'x', password: 'fake-password-0001' });
    const { DockerRegistryAccess } = require('../../lib');
    const access = new DockerRegistryAccess(chart, 'docker', { namespace: 'team-a', config: docker });
    expect(access.secretName).toBe('docker');
    const secret = Testing.synth(chart).find((m: any) => m.kind === 'Secret' && m.metadata.name === 'docker');
    const config = Buffer.from(secret.data['config.json'], 'base64').toString();
    expect(config).toContain('"username":"bot"');
    expect(config).not.toContain('other.example.com');
  });

  test('a toJson override\'s field left undefined is judged as the null cdk8s writes for it', () => {
    // GIVEN two PodDefaults, each selected by its own label (one label for both would select them together,
    // whatever M says: the marker-selector rule), whose toJson override adds env var M, with valueFrom taken
    // from an optional setting that is not given: cdk8s's YAML writer keeps the field and writes it null
    class WithEnv extends ApiObject {
      public toJson(): any {
        const json = super.toJson();
        const from: any = undefined;
        json.spec.env = [{ name: 'M', value: json.metadata.name, valueFrom: from }];
        return json;
      }
    }
    const { app, chart } = appWithChart();
    const spec = (name: string) => ({ desc: name, selector: { matchLabels: { [name]: 'true' } } });
    const a = new WithEnv(chart, 'a', { apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'a', namespace: 'team-a' }, spec: spec('a') });
    new WithEnv(chart, 'b', { apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'b', namespace: 'team-a' }, spec: spec('b') });
    expect(Yaml.stringify(a.toJson())).toContain('valueFrom: null');

    // WHEN synthesised
    // THEN judged as written, and as the API server stores what is written: it drops the null valueFrom, so
    // each sets M to its own name, the mark that keeps two PodDefaults apart, and nothing is reported
    expect(errorsOf(() => app.synthYaml())).toEqual([]);
    // AND the YAML holds the nulls, and the pure check over it agrees
    const written = YAML.parseAllDocuments(app.synthYaml()).map(doc => doc.toJS());
    expect(written.filter((m: any) => m.kind === 'PodDefault').map((m: any) => m.spec.env)).toEqual([
      [{ name: 'M', value: 'a', valueFrom: null }], [{ name: 'M', value: 'b', valueFrom: null }],
    ]);
    expect(PodDefaultCheck.check(written.map(manifest => ({ manifest })))).toEqual([]);
  });

  test('an object that names no namespace is judged where kubectl apply -n puts it: beside our Secret of that name', () => {
    // GIVEN our MinioDefault with its own keys (so its Secret minio) in namespace user, and a chart without
    // namespace holding a Secret named minio
    const app = Testing.app();
    new MinioDefault(new Chart(app, 'user', { namespace: 'user' }), 'minio', {
      credentials: MinioCredentials.fromKeys({ accessKey: 'fake-access-key', secretKey: 'fake-secret-key' }),
    });
    const loose = new ApiObject(new Chart(app, 'anywhere'), 'minio', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'minio' } });

    // WHEN synthesised THEN the two are one Secret once the loose one is applied to namespace user
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `user/minio/Secret and ${loose.node.path} are both Secret minio (api group core) in namespace user once ${loose.node.path}, which names no namespace, `
        + 'is applied there (kubectl apply -n user): applying them, one overwrites the other; give them different names or namespaces',
    ]);
  });

  test('an ExternalSecret that merges into the Secret of one of our constructs is not a duplicate (creationPolicy Merge)', () => {
    // GIVEN our MinioDefault (Secret minio) and an ExternalSecret that merges more keys into it
    // (ESO's docs/guides/ownership-deletion-policy.md: Merge "does not create a secret ... Values from the secret provider
    // will be merged into the existing secret")
    const app = Testing.app();
    const chart = new Chart(app, 'user', { namespace: 'user' });
    new MinioDefault(chart, 'minio');
    new ApiObject(chart, 'eso', { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'extra' },
      spec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, target: { name: 'minio', creationPolicy: 'Merge' },
        data: [{ secretKey: 'extra', remoteRef: { key: 'k' } }] } });

    // WHEN synthesised THEN it passes
    expect(errorsOf(() => app.synthYaml())).toEqual([]);
  });
});

describe('a synth the check refuses writes no file', () => {
  test('an app-wide conflict, found only when the app is synthesised', () => {
    const SECRET = 'SeCrEtRegression00000000000000';
    // GIVEN two constructs that are each fine but give one namespace two PodDefaults of the same name
    const { error, files } = filesAfter(outdir => {
      const app = new App({ outdir });
      const chart = new Chart(app, 'test', { namespace: 'user' });
      new DockerRegistryAccess(chart, 'one', { name: 'registry', config: DockerConfig.fromLogin({ username: 'u', password: SECRET }) });
      new DockerRegistryAccess(chart, 'two', { name: 'registry', config: DockerConfig.fromLogin({ username: 'v', password: SECRET }) });
      app.synth();
    });
    // THEN cdk8s reports the validation error, and no manifest is written
    expect((error as Error).message).toMatch(/registry/);
    expect((error as Error).message).not.toContain(SECRET);
    expect(files).toEqual([]);
  });
});

describe('PodDefaultCheck.check, the door for plain manifests', () => {
  const FIX = 'give PodDefaultCheck.check a list of { manifest } objects, such as manifests.map(manifest => ({ manifest }))';
  const podDefault = { apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'pd', namespace: 'team-a' }, spec: { selector: { matchLabels: { pd: 'true' } }, desc: 'pd' } };

  test.each<[string, unknown, string]>([
    ['bare manifests, not wrapped', [podDefault], 'inputs[0].manifest is missing, not an object'],
    ['one input without its manifest', [{ manifest: podDefault }, { source: 's1' }], 'inputs[1].manifest is missing, not an object'],
    ['a manifest of null', [{ manifest: null }], 'inputs[0].manifest is null, not an object'],
    ['an input that is a string', ['kind: PodDefault'], 'inputs[0] is a string, not an object'],
    ['no list', { manifest: podDefault }, 'the inputs are an object, not a list'],
    ['nothing', undefined, 'the inputs are missing, not a list'],
  ])('%s (from JavaScript): refused, not judged as nothing', (_, inputs, problem) => {
    // GIVEN inputs the types do not allow WHEN checked THEN an error that names the input and the fix
    expect(() => PodDefaultCheck.check(inputs as any)).toThrow(`${problem}: ${FIX}`);
  });

  test('wrapped manifests are judged', () => {
    // GIVEN the same PodDefault wrapped, twice WHEN checked THEN the duplicate is found
    expect(PodDefaultCheck.check([{ manifest: podDefault }, { manifest: podDefault }]).map(p => p.rule)).toEqual(['duplicate-object']);
  });
});

