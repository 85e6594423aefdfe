import { Chart, Testing } from 'cdk8s';
import { PipelinesApiAccess, PipelinesApiAccessProps, PodDefaultAdmission } from '../../lib';
import { errorsOf, expectGolden, expectRejected, userChart } from '../support';
import { expectRefused } from '../fuzz';

/**
 * The PodDefault of the Kubeflow docs ("Connect the Pipelines SDK to Kubeflow Pipelines", Kubeflow
 * Platform - Inside the Cluster; the same object as kubeflow/manifests
 * tests/poddefaults.access-ml-pipeline.kubeflow-user-example-com.yaml), in namespace user.
 */
const DOCS_MANIFEST = {
  apiVersion: 'kubeflow.org/v1alpha1',
  kind: 'PodDefault',
  metadata: { name: 'access-ml-pipeline', namespace: 'user' },
  spec: {
    desc: 'Allow access to Kubeflow Pipelines',
    selector: { matchLabels: { 'access-ml-pipeline': 'true' } },
    env: [{ name: 'KF_PIPELINES_SA_TOKEN_PATH', value: '/var/run/secrets/kubeflow/pipelines/token' }],
    volumes: [{
      name: 'volume-kf-pipeline-token',
      projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 7200, audience: 'pipelines.kubeflow.org' } }] },
    }],
    volumeMounts: [{ mountPath: '/var/run/secrets/kubeflow/pipelines', name: 'volume-kf-pipeline-token', readOnly: true }],
  },
};

describe('PipelinesApiAccess golden output', () => {
  test('with default props it is the Kubeflow docs\' access-ml-pipeline', () => {
    // GIVEN a profile namespace
    const app = Testing.app();
    // WHEN
    new PipelinesApiAccess(userChart(app), 'access-ml-pipeline');
    // THEN
    expectGolden(app, 'pipelines-defaults');
  });
});

describe('PipelinesApiAccess values', () => {
  test('equals the docs\' manifest field by field, and synthesises no Secret', () => {
    // GIVEN WHEN
    const chart = userChart();
    new PipelinesApiAccess(chart, 'access-ml-pipeline');
    // THEN
    expect(Testing.synth(chart)).toEqual([DOCS_MANIFEST]);
  });

  test('never sets KF_PIPELINES_ENDPOINT, with which kfp.Client() attaches no token', () => {
    const chart = userChart();
    new PipelinesApiAccess(chart, 'kfp', { audience: 'ml-pipeline.example.com', expirationSeconds: 600 });
    const [podDefault] = Testing.synth(chart);
    expect(podDefault.spec.env.map((e: any) => e.name)).toEqual(['KF_PIPELINES_SA_TOKEN_PATH']);
  });

  test('expirationSeconds, audience and the naming props override the defaults', () => {
    // GIVEN an install whose ml-pipeline Deployment has another TOKEN_REVIEW_AUDIENCE
    const chart = userChart();
    // WHEN
    const access = new PipelinesApiAccess(chart, 'kfp', {
      name: 'kfp-token', namespace: 'team-a', description: 'Pipelines API', expirationSeconds: 3600, audience: 'kfp.example.com',
    });
    // THEN
    const [podDefault] = Testing.synth(chart);
    expect(podDefault.metadata).toEqual({ name: 'kfp-token', namespace: 'team-a' });
    expect(podDefault.spec.desc).toBe('Pipelines API');
    expect(podDefault.spec.volumes[0].projected.sources[0].serviceAccountToken)
      .toEqual({ path: 'token', expirationSeconds: 3600, audience: 'kfp.example.com' });
    expect([access.name, access.namespace, access.podDefault]).toEqual(['kfp-token', 'team-a', access]);
    expect(access.selectorLabels).toEqual({ 'kfp-token': 'true' });
  });

  test('the webhook model admits a notebook that selects it, with the token mounted read-only', () => {
    const chart = userChart();
    const access = new PipelinesApiAccess(chart, 'access-ml-pipeline');
    const pod = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'nb-0', namespace: 'user', labels: access.selectorLabels },
      spec: { containers: [{ name: 'nb', image: 'nb' }] },
    };
    const result = PodDefaultAdmission.admit(pod, Testing.synth(chart));
    expect(result.allowed).toBe(true);
    expect(result.pod.spec.containers[0].volumeMounts).toEqual([DOCS_MANIFEST.spec.volumeMounts[0]]);
  });

  test('two with different audiences in one namespace fail synth: the webhook would refuse a notebook selecting both', () => {
    const app = Testing.app();
    const chart = userChart(app);
    new PipelinesApiAccess(chart, 'access-ml-pipeline');
    new PipelinesApiAccess(chart, 'kfp', { audience: 'kfp.example.com' });
    expect(errorsOf(() => app.synthYaml())).toEqual([
      'volume volume-kf-pipeline-token differs between poddefaults access-ml-pipeline (test/access-ml-pipeline) and kfp (test/kfp) in namespace user: '
        + 'the webhook refuses every notebook that selects both (labelled access-ml-pipeline=true,kfp=true); make the two definitions identical or rename one',
    ]);
  });
});

describe('PipelinesApiAccess rejects bad input', () => {
  const cases: Array<[string, PipelinesApiAccessProps, string]> = [
    ['a token lifetime under ten minutes', { expirationSeconds: 599 },
      '[test/kfp] expirationSeconds: 599 is not a whole number of seconds from 600 (Kubernetes\' minimum) to 4294967296: give one such as 7200'],
    ['a token lifetime over 2^32 seconds', { expirationSeconds: 2 ** 32 + 1 },
      '[test/kfp] expirationSeconds: 4294967297 is not a whole number of seconds from 600 (Kubernetes\' minimum) to 4294967296: give one such as 7200'],
    ['a fractional token lifetime', { expirationSeconds: 3600.5 },
      '[test/kfp] expirationSeconds: 3600.5 is not a whole number of seconds from 600 (Kubernetes\' minimum) to 4294967296: give one such as 7200'],
    ['an empty audience', { audience: '' },
      '[test/kfp] audience: is empty; an audience is non-empty text without whitespace or control characters: give the TOKEN_REVIEW_AUDIENCE of the ml-pipeline Deployment, or leave audience out for "pipelines.kubeflow.org"'],
    ['an audience with a newline', { audience: 'pipelines.kubeflow.org\n' },
      '[test/kfp] audience: has a line break at character 23; an audience is non-empty text without whitespace or control characters: give the TOKEN_REVIEW_AUDIENCE of the ml-pipeline Deployment, or leave audience out for "pipelines.kubeflow.org"'],
    ['a secretName', { secretName: 'kfp' } as PipelinesApiAccessProps,
      '[test/kfp] secretName: does not apply: PipelinesApiAccess has no Secret and mounts the token where kfp.Client() looks for it; leave secretName out'],
    ['workspaceMountable, which applies to a Secret', { workspaceMountable: true } as PipelinesApiAccessProps,
      '[test/kfp] workspaceMountable: does not apply: PipelinesApiAccess has no Secret and mounts the token where kfp.Client() looks for it; leave workspaceMountable out'],
    ['a mountPath', { mountPath: '/kfp' } as PipelinesApiAccessProps,
      '[test/kfp] mountPath: does not apply: PipelinesApiAccess has no Secret and mounts the token where kfp.Client() looks for it; leave mountPath out'],
    ['an invalid name', { name: 'Access_ML' },
      '[test/kfp] name: has an upper-case letter at character 1; a PodDefault name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters), the api server\'s rule for a custom resource\'s name: set name to another'],
    ['an empty description', { description: '' },
      '[test/kfp] description: is empty: give the text the notebook spawner shows, or leave description out for the default'],
  ];

  test.each(cases)('%s', (_what, props, message) => {
    // GIVEN a chart
    const chart = userChart();
    // WHEN the construct is given bad input THEN it throws the library's error with the exact message,
    // leaving nothing half-built in the tree
    expectRejected(chart, 'kfp', () => new PipelinesApiAccess(chart, 'kfp', props), message, []);
  });

  test('no namespace anywhere', () => {
    const chart = new Chart(Testing.app(), 'test');
    expectRejected(chart, 'kfp', () => new PipelinesApiAccess(chart, 'kfp'),
      '[test/kfp] namespace: no namespace: set namespace, or give the enclosing Chart a namespace', []);
  });
});

describe('PipelinesApiAccess: token settings at the edges the property tests found', () => {
  test.each([
    ['a symbol', Symbol('seconds')],
    ['an object without a prototype', Object.create(null)],
  ])('expirationSeconds %s is refused by its type, without a TypeError while the message is built', (_what, value) => {
    expectRefused(chart => new PipelinesApiAccess(chart, 'kfp', { expirationSeconds: value }),
      `[test/kfp] expirationSeconds: is a ${typeof value}, not a number: give a whole number of seconds such as 7200`, []);
  });

  test('an audience with a lone surrogate is refused: UTF-8 would write U+FFFD, an audience no token is issued for', () => {
    expectRefused(chart => new PipelinesApiAccess(chart, 'kfp', { audience: 'pipelines.kubeflow.org\ud800' }),
      '[test/kfp] audience: has half of a UTF-16 surrogate pair at character 23; an audience is non-empty text without whitespace or control characters: give the TOKEN_REVIEW_AUDIENCE of the ml-pipeline Deployment, or leave audience out for "pipelines.kubeflow.org"', []);
  });
});
