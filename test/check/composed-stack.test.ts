// The check judges every object of the app, not only the library's: in a platform repo the access constructs sit
// in a cluster stack beside cdk8s-plus workloads, and a rule that reads every object's metadata or every Secret
// (field-type, unknown-field, secret-type, duplicate-object, annotation-size, yaml-scalar) must take what
// cdk8s-plus-28 writes for kinds the check never models, with its generated names and labels.
import { ApiObject, App, Chart, Cron, Duration, JsonPatch, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { PodDefaultCheck } from '../../lib/check';
import { AwsCredentials, DockerConfig, MinioDefault, NotebookAccess, StorageAccess } from '../../lib';

/** A team's slice of a cluster stack: cdk8s-plus workloads, their config and RBAC, and the team's notebook access. */
function clusterStack(chart: Chart, namespace: string): void {
  const config = new kplus.ConfigMap(chart, 'settings', { data: { 'LOG_LEVEL': 'info', 'app.yaml': 'a: 1\nb: [2, 3]\n' } });
  const secret = new kplus.Secret(chart, 'api-key', { stringData: { API_KEY: 'fake-api-key-0000' } });
  const account = new kplus.ServiceAccount(chart, 'runner');
  const deployment = new kplus.Deployment(chart, 'api', {
    serviceAccount: account,
    containers: [{
      image: 'registry.example.com/api:1.0',
      portNumber: 8080,
      envFrom: [kplus.Env.fromConfigMap(config), kplus.Env.fromSecret(secret)],
      resources: { cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.units(1) }, memory: { request: Size.mebibytes(256), limit: Size.gibibytes(1) } },
      liveness: kplus.Probe.fromHttpGet('/healthz', { initialDelaySeconds: Duration.seconds(5) }),
      volumeMounts: [{ path: '/etc/app', volume: kplus.Volume.fromConfigMap(chart, 'settings-volume', config) }],
    }],
  });
  deployment.exposeViaService({ ports: [{ port: 80, targetPort: 8080 }] });
  new kplus.Ingress(chart, 'ingress', {
    rules: [{ host: 'api.example.com', path: '/', backend: kplus.IngressBackend.fromService(new kplus.Service(chart, 'web', { selector: deployment, ports: [{ port: 8080 }] })) }],
  });
  const role = new kplus.Role(chart, 'reader');
  role.allowRead(secret);
  new kplus.RoleBinding(chart, 'reader-binding', { role }).addSubjects(account);
  new kplus.Job(chart, 'migrate', { containers: [{ image: 'registry.example.com/migrate:1.0' }], ttlAfterFinished: Duration.minutes(10) });
  new kplus.CronJob(chart, 'nightly', { schedule: Cron.daily(), containers: [{ image: 'registry.example.com/nightly:1.0' }] });
  new kplus.StatefulSet(chart, 'cache', { containers: [{ image: 'registry.example.com/cache:1.0', portNumber: 6379 }] });
  new kplus.NetworkPolicy(chart, 'deny-all', { selector: kplus.Pods.all(chart, 'all-pods') });
  new kplus.PersistentVolumeClaim(chart, 'scratch', { storage: Size.gibibytes(10), accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE] });
  new kplus.HorizontalPodAutoscaler(chart, 'api-scaling', { target: deployment, maxReplicas: 5 });

  new NotebookAccess(chart, 'notebook', {
    namespace,
    docker: DockerConfig.fromLogin({ server: 'registry.example.com', username: 'ml-bot', password: 'fake-password-0000' }),
    storage: StorageAccess.awsFile(AwsCredentials.fromKeys({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake-secret-key-0000' })),
  });
  new MinioDefault(chart, 'minio', { namespace });
}

describe('the library in a cluster stack of cdk8s-plus-28 workloads', () => {
  test('synthesises, and the check over what it wrote finds nothing', () => {
    // GIVEN two teams' charts, each with cdk8s-plus workloads, RBAC, storage and the library's access constructs
    const app = Testing.app();
    for (const namespace of ['team-a', 'team-b']) { clusterStack(new Chart(app, namespace, { namespace }), namespace); }

    // WHEN synthesised (the check runs in synth: a problem would throw)
    const manifests = app.charts.flatMap(chart => Testing.synth(chart));

    // THEN every kind is there, and the pure check over the written manifests agrees
    expect([...new Set(manifests.map(m => m.kind))].sort()).toEqual([
      'ConfigMap', 'CronJob', 'Deployment', 'HorizontalPodAutoscaler', 'Ingress', 'Job', 'NetworkPolicy', 'PersistentVolumeClaim',
      'PodDefault', 'Role', 'RoleBinding', 'Secret', 'Service', 'ServiceAccount', 'StatefulSet',
    ]);
    expect(PodDefaultCheck.check(manifests.map(manifest => ({ manifest })))).toEqual([]);
  });

  test('a cdk8s-plus object the API server would refuse is reported by the check at synth', () => {
    // GIVEN the same stack, where a JSON patch gives a ConfigMap a finalizer without a domain, which a core kind's validation refuses
    const app = new App({ outdir: 'unused' });
    const chart = new Chart(app, 'team-a', { namespace: 'team-a' });
    clusterStack(chart, 'team-a');
    const settings = chart.node.findChild('settings') as kplus.ConfigMap;
    ApiObject.of(settings).addJsonPatch(JsonPatch.add('/metadata/finalizers', ['cleanup']));

    // WHEN synthesised / THEN the check names that object and field
    expect(() => app.synthYaml()).toThrow('Validation failed with the following errors:\n  [] configmap team-a-settings-c82b5c1f (team-a/settings/Resource) '
      + 'in namespace team-a has a finalizer without a domain (no /) that is none of kubernetes, orphan and foregroundDeletion at metadata.finalizers[0]: '
      + 'the api server refuses the ConfigMap, as kubernetes\' own kinds\' validation does (a custom resource\'s only warns of it); '
      + 'name the finalizer after the controller that removes it, with its domain (example.com/cleanup), or remove it');
  });
});
