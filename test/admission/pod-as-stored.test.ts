import { spawnSync } from 'child_process';
import { mergePodDefaults } from '../../lib/admission/merge';
import { storedPodDefault } from '../../lib/admission/stored-pod-default';
import { PodDefaultAdmission } from '../../lib/admission/pod-default-admission';
import { pd, pod, storedPod } from './support';

/** A PodDefault written with every zero value a careless author could give, selected by `zeros: "true"`. */
const zeros = pd('zeros', {
  desc: 'zero values',
  labels: {},
  args: [],
  tolerations: [{ key: '', operator: 'Exists', value: '', effect: '', tolerationSeconds: 0 }],
  volumes: [
    { name: 'creds', secret: { secretName: 'creds', optional: false, defaultMode: 0, items: [] } },
    { name: 'scratch', emptyDir: {} },
    { name: 'data', persistentVolumeClaim: { claimName: 'data', readOnly: false } },
  ],
  volumeMounts: [
    { name: 'creds', mountPath: '/home/jovyan/.creds', readOnly: false, subPath: '' },
    { name: 'scratch', mountPath: '/scratch', readOnly: true },
  ],
  env: [
    { name: 'EMPTY', value: '' },
    { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 'creds', key: 'token', optional: false } } },
  ],
  envFrom: [{ prefix: '', secretRef: { name: 'creds', optional: false } }],
  automountServiceAccountToken: false,
  serviceAccountName: '',
});

const notebookPod = (spec: any = {}) => pod(['zeros'],
  { containers: [{ name: 'nb', image: 'jupyter', command: [], ports: [{ containerPort: 8888, protocol: '', name: '' }] }], ...spec }, { annotations: {} });

describe('PodDefaultAdmission.admit returns the pod as the API server stores it', () => {
  test('zero values of omitempty fields are left out; pointers and structs keep theirs', () => {
    // GIVEN a PodDefault and a pod full of zero values
    // WHEN the webhook admits the pod
    const result = PodDefaultAdmission.admit(notebookPod(), [zeros]);
    // THEN the pod is the one kubectl 1.32 shows after Go's encoding/json (recorded with
    // `kubectl set env --local -o json`, which decodes into core/v1 and marshals again)
    expect(result.allowed).toBe(true);
    expect(result.pod).toEqual(storedPod({ zeros: 'true' }, { 'poddefault.admission.kubeflow.org/poddefault-zeros': '' }, {
      automountServiceAccountToken: false,
      tolerations: [{ operator: 'Exists', tolerationSeconds: 0 }],
      volumes: [
        { name: 'creds', secret: { secretName: 'creds', optional: false, defaultMode: 0 } },
        { name: 'scratch', emptyDir: {} },
        { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
      ],
      containers: [{
        name: 'nb',
        image: 'jupyter',
        ports: [{ containerPort: 8888 }],
        env: [
          { name: 'EMPTY' },
          { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 'creds', key: 'token', optional: false } } },
        ],
        envFrom: [{ secretRef: { name: 'creds', optional: false } }],
        volumeMounts: [
          { name: 'creds', mountPath: '/home/jovyan/.creds' },
          { name: 'scratch', mountPath: '/scratch', readOnly: true },
        ],
      }],
    }));
  });

  test('a field without omitempty keeps its zero value', () => {
    const input = notebookPod({ containers: [{ name: 'nb', image: 'jupyter', ports: [{ containerPort: 0 }] }], volumes: [{ name: '', emptyDir: {} }] });
    const stored = PodDefaultAdmission.admit(input, []).pod;
    expect(stored.spec.volumes).toEqual([{ name: '', emptyDir: {} }]);
    expect(stored.spec.containers[0].ports).toEqual([{ containerPort: 0 }]);
  });

  test('a map keeps its keys whatever their values', () => {
    const input: any = notebookPod();
    input.metadata.labels = { zeros: 'true', empty: '' };
    expect(PodDefaultAdmission.admit(input, []).pod.metadata.labels).toEqual({ zeros: 'true', empty: '' });
  });

  test('an excluded pod is stored the same way', () => {
    const input = notebookPod();
    (input.metadata as any).annotations = { [PodDefaultAdmission.EXCLUDE_ANNOTATION]: 'true' };
    expect(PodDefaultAdmission.admit(input, [zeros]).pod.spec.containers).toEqual([{ name: 'nb', image: 'jupyter', ports: [{ containerPort: 8888 }] }]);
  });

  test('a refused pod is returned as it was given', () => {
    const input = notebookPod({ volumes: [{ name: 'creds', secret: { secretName: 'other', optional: false } }] });
    const result = PodDefaultAdmission.admit(input, [zeros]);
    expect(result.allowed).toBe(false);
    expect(result.pod).toEqual(input);
  });
});

/**
 * The pod after Go's encoding/json, from kubectl itself: `kubectl set env --local` decodes the manifest
 * into core/v1 structs and prints it marshalled again. The probe variable it is asked to set, and the
 * empty structs Go always writes (`creationTimestamp: null`, `resources: {}`, `status: {}`), are taken
 * out again, as they are not the webhook's doing.
 */
function kubectlRoundTrip(pod: any): any {
  const run = spawnSync('kubectl', ['set', 'env', '--local', '-f', '-', 'STORED_PROBE=1', '-o', 'json'], { input: JSON.stringify(pod), encoding: 'utf8' });
  if (run.status !== 0) { throw new Error(`kubectl set env failed: ${run.stderr}`); }
  const out = JSON.parse(run.stdout);
  delete out.metadata.creationTimestamp;
  delete out.status;
  for (const [list, original] of [[out.spec.containers, pod.spec.containers], [out.spec.initContainers ?? [], pod.spec.initContainers ?? []]]) {
    list.forEach((ctr: any, i: number) => {
      ctr.env = ctr.env.filter((e: any) => e.name !== 'STORED_PROBE');
      if (ctr.env.length === 0) { delete ctr.env; }
      if (original[i].resources === undefined && Object.keys(ctr.resources).length === 0) { delete ctr.resources; }
    });
  }
  return out;
}

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!hasKubectl) {
  // eslint-disable-next-line no-console
  console.log('pod-as-stored.test.ts: kubectl is not on PATH: the live comparisons with kubectl are skipped, the recorded pod still runs');
}

describe('the admitted pod equals kubectl\'s decoding and encoding of the merged pod', () => {
  const cases: [string, any, any[]][] = [
    ['the PodDefault full of zero values', notebookPod(), [zeros]],
    ['the pod full of zero values and no PodDefault', notebookPod({
      tolerations: [{ key: '', operator: '', effect: 'NoSchedule' }],
      initContainers: [{ name: 'init', image: 'busybox', args: [], stdin: false, tty: false, workingDir: '' }],
      securityContext: { runAsNonRoot: false, fsGroup: 0 },
      nodeSelector: {},
      hostNetwork: false,
      restartPolicy: '',
    }), []],
    ['quantities in any spelling, and fields core/v1 does not have', notebookPod({
      volumes: [{ name: 'scratch', emptyDir: { sizeLimit: '1024Mi' } }, { name: 'tmp', emptyDir: { sizeLimit: 1.5 }, note: 'dropped' }],
      containers: [{ name: 'nb', image: 'jupyter', resources: { limits: { memory: '1.5Gi', cpu: '1000m' }, requests: { cpu: 0.5 } }, colour: 'blue' }],
    }), []],
    ['volumes of every kind the constructs render', notebookPod(), [{
      ...zeros,
      spec: {
        selector: { matchLabels: { zeros: 'true' } },
        volumes: [
          { name: 'a', secret: { secretName: 'a', items: [{ key: '.dockerconfigjson', path: 'config.json', mode: 0 }] } },
          { name: 'b', configMap: { name: '', optional: false } },
          { name: 'c', hostPath: { path: '', type: '' } },
          { name: 'd', csi: { driver: 'x', readOnly: false, fsType: '' } },
        ],
        imagePullSecrets: [{ name: 'a' }],
      },
    }]],
  ];

  (hasKubectl ? test.each(cases) : test.skip.each(cases))('%s', (_title, input, podDefaults) => {
    // GIVEN the pod the webhook's merge builds
    const merged = mergePodDefaults(input, podDefaults.map(storedPodDefault)).pod;
    // WHEN / THEN admit returns what kubectl makes of it
    const result = PodDefaultAdmission.admit(input, podDefaults);
    expect(result.allowed).toBe(true);
    expect(result.pod).toEqual(kubectlRoundTrip(merged));
  });
});
