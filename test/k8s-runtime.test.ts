// imports/k8s-runtime.ts loads cdk8s-plus-28's generated core/v1 bindings by their path inside the
// package, so that the library does not load the rest of cdk8s-plus. These tests fail when the package
// moves that module or stops re-exporting it as `k8s`, and when a module of the library loads the
// package's index again.
import { k8s } from 'cdk8s-plus-28';
import { k8s as k8sRuntime } from '../imports/k8s-runtime';

test('the runtime module is the one cdk8s-plus-28 exports as k8s: the same classes and functions', () => {
  // GIVEN / WHEN / THEN
  expect(k8sRuntime.KubeConfigMap).toBe(k8s.KubeConfigMap);
  expect(k8sRuntime.KubeServiceAccount).toBe(k8s.KubeServiceAccount);
  expect(k8sRuntime.toJson_Container).toBe(k8s.toJson_Container);
  expect(Object.keys(k8sRuntime).sort()).toEqual(Object.keys(k8s).sort());
});

test('the converters are plain properties of the module, not getters of a re-export', () => {
  // GIVEN / WHEN / THEN
  expect(Object.getOwnPropertyDescriptor(k8sRuntime, 'toJson_Container')).toEqual(expect.objectContaining({ value: k8s.toJson_Container }));
});

test('loading the library and synthesising every construct family does not load cdk8s-plus-28\'s index', () => {
  jest.isolateModules(() => {
    // GIVEN an index that throws when loaded
    jest.doMock('cdk8s-plus-28', () => { throw new Error('cdk8s-plus-28/lib/index.js was loaded'); });
    // WHEN the library is loaded and builds a PodDefault, a ConfigMap and a ServiceAccount
    const { Testing } = require('cdk8s');
    const lib = require('../lib');
    const chart = Testing.chart();
    new lib.DockerRegistryAccess(chart, 'docker-config', { namespace: 'user', config: lib.DockerConfig.fromLogin({ server: 'registry.example.com', username: 'bot', password: 'fake-password-0000' }) });
    new lib.PipelinesArtifactStore(chart, 'pipelines', { namespace: 'user', pipelineRoot: 's3://bucket/runs', s3: lib.S3Configuration.fromValues({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake-secret-key-0000', region: 'eu-west-1' }) });
    new lib.KServeServiceAccount(chart, 'kserve', { namespace: 'user', awsRoleArn: 'arn:aws:iam::123456789012:role/kserve' });
    // THEN it synthesises, without the index
    expect(Testing.synth(chart).map((o: any) => o.kind)).toEqual(['PodDefault', 'Secret', 'ConfigMap', 'Secret', 'ServiceAccount']);
  });
});
