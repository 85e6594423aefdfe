// The check over real upstream manifests. test/fixtures/upstream/ holds files of kubeflow/manifests (rendered by
// kubectl kustomize, offline), kubeflow/kubeflow, kubeflow/dashboard, kubeflow/website, awslabs/kubeflow-manifests,
// canonical/mlflow-operator, canonical/resource-dispatcher, canonical/charmed-kubeflow-uats, deployKF/website,
// Barteus/telco-data-ai-2024, external-secrets, kserve, kubernetes/kube-state-metrics, prometheus-operator/kube-prometheus,
// kubernetes/kube-aggregator and kubernetes/website, each naming its repository, commit, path, license and any
// change in its header. Each is checked through the CLI door (main, in-process) as `kubectl apply -f` reads it: alone,
// or with the files upstream applies with it (samples of different files were never meant to meet). Every line the
// check prints is listed: each problem is one that the API server, ESO's webhook or kubectl really refuses (why, beside
// it). A rule that starts to report a real cluster's objects falsely fails here.
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { runMain } from '../cli/cli-io';
import { errorExpectation, expectOutput } from '../cli/cli-results';

jest.setTimeout(60_000);

const UPSTREAM = path.join('test', 'fixtures', 'upstream');
const ROOT = path.join(__dirname, '..', '..');

/** The credentials and placeholders of the corpus: none may show in a problem. */
const expectErrors = errorExpectation([
  'supersecretpassword', 'some-username', // passbolt-secret-example.yaml
  'aGZfVk5Vd1JV', // hf-secret.yaml, the start of HF_TOKEN
  'AKIAFAKEEXAMPLE0000', 'fake-secret-access-key', 'QUtJQUZBS0VF', // pipelines-profile-controller-sync-output.yaml
]);

/** Runs `check` over corpus files (relative to test/fixtures/upstream/); the output names them so, too. */
async function check(files: readonly string[], namespace?: string) {
  const args = ['check', ...(namespace === undefined ? [] : ['--namespace', namespace]), ...files.map(f => path.join(UPSTREAM, f))];
  const result = await runMain(args);
  const strip = (text: string) => text.split(`${UPSTREAM}${path.sep}`).join('');
  return { ...result, stdout: strip(result.stdout), stderr: strip(result.stderr) };
}

/** The summary line of a run that finds nothing; every PodDefault of the corpus that meets others is in one namespace. */
function ok(objects: number, podDefaults = 0): string {
  const namespaces = podDefaults === 0 ? 0 : 1;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `ok: ${plural(objects, 'object')}, ${plural(podDefaults, 'PodDefault')} in ${plural(namespaces, 'namespace')}, no problems\n`;
}

/** A kubectl apply of several files in one profile namespace. */
const PROFILE = 'kubeflow-user-example-com';

/** Files checked together, as upstream applies them, and what the check prints. */
interface Group {
  readonly files: readonly string[];
  readonly namespace?: string;
  readonly output: string;
}

const GROUPS: { readonly [name: string]: Group } = {
  // example/kustomization.yaml of kubeflow/manifests applies these bases together, in one install
  'a Kubeflow install (kubeflow/manifests, rendered)': {
    files: ['admission-webhook.yaml', 'dex.yaml', 'katib.yaml', 'kserve-models-web-app.yaml', 'mlpipeline-minio-artifact-secret.yaml', 'oauth2-proxy.yaml',
      'pipelines-profile-controller.yaml', 'profiles.yaml', 'trainer-runtimes.yaml', 'user-namespace.yaml'].map(f => `kubeflow-manifests/${f}`),
    output: ok(103),
  },
  // what one profile namespace holds: the PodDefault kubeflow/manifests' tests apply, what the pipelines profile
  // controller writes there, a notebook, and the PodDefaults awslabs' e2e tests and docs apply with `-n PROFILE`;
  // their selectors differ, so a notebook may select them all: they meet, and clash nowhere
  'a profile namespace': {
    files: ['kubeflow-manifests/poddefault-access-ml-pipeline.yaml', 'kubeflow-manifests/pipelines-profile-controller-sync-output.yaml',
      'kubeflow-manifests/notebook-v1-sample.yaml', 'awslabs-kubeflow-manifests/poddefault-add-aws-secret.yaml',
      'awslabs-kubeflow-manifests/poddefault-tensorboard-s3-config.yaml'],
    namespace: PROFILE,
    output: ok(10, 3),
  },
  // the PodDefault webhook's integration test (kubeflow/dashboard, .github/workflows/poddefaults_intergration_test.yaml):
  // two PodDefaults and the pods that select them, one then both, and a PodDefault that mounts a volume it does not
  // define, whose `kubectl apply` the workflow expects to pass (the script runs under set -e): the webhook judges pods
  // only, and no pod selects it
  'the PodDefault webhook\'s integration test (kubeflow/dashboard)': {
    files: ['poddefault-basic.yaml', 'poddefault-test-pod.yaml', 'poddefault-multi-selector.yaml', 'poddefault-test-pod-multi.yaml', 'poddefault-invalid.yaml']
      .map(f => `kubeflow-dashboard/${f}`),
    output: ok(5, 3),
  },
  // what Charmed Kubeflow's MLflow charm sends to every profile namespace (through resource-dispatcher): two PodDefaults
  // and the two Secrets they and Seldon read
  'Charmed Kubeflow\'s MLflow in a profile namespace (canonical/mlflow-operator)': {
    files: ['mlflow-minio-artifact.yaml', 'mlflow-seldon-rclone-secret.yaml', 'poddefault-minio.yaml', 'poddefault-mlflow.yaml']
      .map(f => `canonical-mlflow-operator/${f}`),
    namespace: PROFILE,
    output: ok(4, 2),
  },
  // resource-dispatcher's integration test (canonical/resource-dispatcher) sends the files of manifests1/pod-defaults/ to
  // a profile namespace together, as Charmed Kubeflow's post-install steps apply them: different labels, no clash
  'Charmed Kubeflow\'s MinIO and MLflow PodDefaults (canonical/resource-dispatcher)': {
    files: ['canonical-resource-dispatcher/access-minio.yaml', 'canonical-resource-dispatcher/mlflow-server-minio.yaml'],
    namespace: PROFILE,
    output: ok(2, 2),
  },
  // kserve's docs/samples/storage/s3/README.md applies the ServiceAccount and Secret, then the InferenceService
  'kserve\'s S3 sample': { files: ['kserve/s3-secret.yaml', 'kserve/tensorflow-s3.yaml'], output: ok(3) },
  // kserve's storageSpec sample: the storage-config Secret, then the InferenceService that names it
  'kserve\'s storageSpec sample': { files: ['kserve/storage-spec-secret.yaml', 'kserve/sklearn-storage-spec.yaml'], output: ok(2) },
  // kube-state-metrics' e2e test (tests/e2e.sh, under set -e) runs `kubectl create -f ./tests/manifests/` on a kind cluster:
  // the API server took each of these objects of Kubernetes' own kinds whose names builtin-kinds.ts and kind-name.ts judge
  'kube-state-metrics\' e2e objects (kubernetes/kube-state-metrics)': {
    files: ['csr.yaml', 'endpointslice.yaml', 'ingressclass.yaml', 'job.yaml', 'mutatingwebhookconfiguration.yaml', 'persistentvolume.yaml',
      'replicationcontroller.yaml', 'validatingadmissionpolicy.yaml', 'validatingadmissionpolicybinding.yaml', 'validatingwebhookconfiguration.yaml']
      .map(f => `kube-state-metrics/${f}`),
    output: ok(10),
  },
  // ESO's GCP Secret Manager guide: the credentials Secret, the SecretStore that names it, the ExternalSecret
  'ESO\'s GCP Secret Manager guide': {
    files: ['external-secrets/gcpsm-sa-credentials-secret.yaml', 'external-secrets/gcpsm-sa-secret-store.yaml', 'external-secrets/gcpsm-external-secret.yaml'],
    output: ok(3),
  },
};

/** Files checked alone that pass, with the number of objects (and PodDefaults) they hold. */
const PASSING: { readonly [file: string]: string } = {
  'external-secrets/1password-connect-server-secret.yaml': ok(1),
  'external-secrets/aws-parameter-store.yaml': ok(1),
  'external-secrets/aws-sm-external-secret.yaml': ok(1),
  'external-secrets/aws-sm-store.yaml': ok(1),
  'external-secrets/azkv-credentials-secret.yaml': ok(1),
  'external-secrets/azkv-external-secret.yaml': ok(1),
  'external-secrets/azkv-workload-identity.yaml': ok(2),
  'external-secrets/basic-external-secret.yaml': ok(1),
  'external-secrets/basic-secret-store.yaml': ok(1),
  'external-secrets/full-cluster-secret-store.yaml': ok(1),
  'external-secrets/full-secret-store.yaml': ok(1),
  'external-secrets/gcpsm-docker-config-externalsecret.yaml': ok(1),
  'external-secrets/gcpsm-wif-externalsecret.yaml': ok(1),
  'external-secrets/generator-ecr.yaml': ok(1),
  'external-secrets/generator-password-example.yaml': ok(1),
  'external-secrets/gitlab-credentials-secret.yaml': ok(1),
  'external-secrets/multikey-template-v2-external-secret.yaml': ok(1),
  'external-secrets/vault-kubernetes-store.yaml': ok(1),
  'external-secrets/vault-token-store.yaml': ok(1),
  // env from secretKeyRef, metadata.labels on the PodDefault itself (awslabs' notebook e2e test)
  'awslabs-kubeflow-manifests/poddefault-e2e-notebook.yaml': ok(1, 1),
  // args and annotations only (Canonical's PySpark configuration); no namespace: kubectl apply -n admin gives it one
  'barteus-telco-data-ai-2024/spark-pod-default.yaml': ok(1, 1),
  'kserve/sklearn.yaml': ok(1),
  // an APIService named <spec.version>.<spec.group> (kube-aggregator ValidateAPIService)
  'kube-prometheus/prometheus-adapter-apiservice.yaml': ok(1),
  'kubeflow-kubeflow/poddefault-inject-containers.yaml': ok(1, 1),
  'kubeflow-kubeflow/readme-add-gcp-secret.yaml': ok(1, 1),
  // a FlowSchema written as flow-style YAML, and an Indexed Job whose last pod's hostname (<name>-9) is a DNS label
  'kubernetes-website/health-for-strangers.yaml': ok(1),
  'kubernetes-website/job-backoff-limit-per-index-example.yaml': ok(1),
};

const BASE64_FIX = 'which refuses the Secret, so kubectl apply fails and no pod gets the Secret\'s keys; encode the value as standard base64 on one line, '
  + 'with its "=" padding (base64 -w0 FILE, or printf %s VALUE | base64 -w0; spaces, tabs and the URL-safe "-" and "_" are refused), or give it '
  + 'unencoded under stringData';
const NAMESPACE_FIX = 'a namespace name is a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit, at '
  + 'most 63 characters); give the name of the namespace, as kubectl get namespaces shows it';
const TLS_KEY = (key: string) => `externalsecret template (external-secrets/multiline-template-v1-external-secret.yaml#1) in namespace default: `
  + `spec.target.template.type kubernetes.io/tls needs the key ${key} in the Secret it writes (the keys of spec.target.template.data), which it `
  + 'lacks: the api server refuses the Secret External Secrets Operator writes, so the ExternalSecret never syncs and no pod gets the Secret\'s keys; '
  + `add the key ${key} under spec.target.template.data, a template of the fetched keys, or, for a Secret of other keys, set `
  + 'spec.target.template.type to Opaque';

/** What kubectl apply and the API server do with a field the CRD of `kind` does not declare (unknown-field). */
const STRICT = (kind: string) => `kubectl apply refuses the ${kind} (strict field validation, its default), and with --validate=warn or false the api `
  + `server drops the field as it stores the ${kind}`;

/** Files checked alone that the check refuses: every line it prints, each a true problem (why, above it). */
const REFUSED: { readonly [file: string]: readonly string[] } = {
  // a placeholder for the namespace: the API server refuses it (ValidateObjectMetaAccessor's ValidateNamespaceName)
  'kubeflow-website/access-ml-pipeline.yaml': [
    'poddefault access-ml-pipeline (kubeflow-website/access-ml-pipeline.yaml#1) in namespace <YOUR_USER_PROFILE_NAMESPACE> has an invalid namespace at '
    + `metadata.namespace: the api server refuses the PodDefault, as the namespace has "<" at character 1; ${NAMESPACE_FIX}`,
  ],
  'kubeflow-website/add-gcp-secret.yaml': [
    'poddefault add-gcp-secret (kubeflow-website/add-gcp-secret.yaml#1) in namespace MY_PROFILE_NAMESPACE has an invalid namespace at metadata.namespace: '
    + `the api server refuses the PodDefault, as the namespace has an upper-case letter at character 1; ${NAMESPACE_FIX}`,
  ],
  // deployKF's full-spec example: a placeholder namespace (ValidateNamespaceName, as above), and matchLabels my-label:
  // "my-value", which the notebook UI never sets: choosing the configuration labels the notebook my-label: "true"
  // (shared/facts/kubeflow-poddefaults.md, how the notebook spawner lists PodDefaults), so it never applies
  'deploykf-website/poddefault-full-spec.yaml': [
    'poddefault kubeflow-pipelines-api-token (deploykf-website/poddefault-full-spec.yaml#1) in namespace MY_NAMESPACE has an invalid namespace at '
    + `metadata.namespace: the api server refuses the PodDefault, as the namespace has an upper-case letter at character 1; ${NAMESPACE_FIX}`,
    'poddefault kubeflow-pipelines-api-token (deploykf-website/poddefault-full-spec.yaml#1) in namespace MY_NAMESPACE selects label my-label with a '
    + 'value other than "true", but choosing it in the notebook ui sets my-label: "true", so it never applies; select exactly one label with the value '
    + '"true", or pass --allow-unlisted MY_NAMESPACE/kubeflow-pipelines-api-token if it is not meant for notebooks',
  ],
  // spec._example_env, a list of placeholder env vars beside spec.env, which the PodDefault CRD does not declare: the
  // README applies the file with kubectl apply, whose strict field validation refuses it (Kubeflow 1.10 CRD, structural)
  'canonical-charmed-kubeflow-uats/proxy-poddefault.yaml': [
    'poddefault notebook-proxy (canonical-charmed-kubeflow-uats/proxy-poddefault.yaml#1) in namespace default sets spec._example_env, a field the '
    + `PodDefault CRD does not declare: ${STRICT('PodDefault')}; correct the field's name, or remove it`,
  ],
  'kserve/sklearn-iap-with-authz.yaml': [
    'inferenceservice sklearn-iap (kserve/sklearn-iap-with-authz.yaml#1) in namespace <namespace> has an invalid namespace at metadata.namespace: the api '
    + `server refuses the InferenceService, as the namespace has "<" at character 1; ${NAMESPACE_FIX}`,
  ],
  // HF_TOKEN is 51 characters, 49 before its "==": padded base64 comes in fours (python3's base64.b64decode(validate=True)
  // refuses it too)
  'kserve/hf-secret.yaml': [
    'secret storage-config (kserve/hf-secret.yaml#1) in namespace default: data HF_TOKEN is not base64 as the api server decodes it '
    + `(illegal base64 data at input byte 49), ${BASE64_FIX}`,
  ],
  // the placeholder <BASE64_ENCODED_P12_CERTIFICATE> under data: the API server decodes data as base64
  'external-secrets/azkv-pushsecret-certificate-p12.yaml': [
    'secret source-certificate (external-secrets/azkv-pushsecret-certificate-p12.yaml#1) in namespace default: data cert.p12 is not base64 as the api '
    + `server decodes it (illegal base64 data at input byte 0), ${BASE64_FIX}`,
  ],
  // plain text (a JSON document, a password) under data rather than stringData
  'external-secrets/passbolt-secret-example.yaml': [
    'secret passbolt-example (external-secrets/passbolt-secret-example.yaml#1) in namespace default: data full_secret is not base64 as the api server '
    + `decodes it (illegal base64 data at input byte 0), ${BASE64_FIX}`,
    'secret passbolt-example (external-secrets/passbolt-secret-example.yaml#1) in namespace default: data password_only is not base64 as the api server '
    + `decodes it (illegal base64 data at input byte 16), ${BASE64_FIX}`,
  ],
  // two spec.data items of secretKey password (the snippet's "Case 1" and "Case 2", alternatives): ESO's webhook refuses
  // it, external-secrets commit cc5bfbc2, apis/externalsecrets/v1/externalsecret_validator.go validateDuplicateKeys, as
  // the CRD defaults deletionPolicy to Retain before admission
  'external-secrets/volcengine-external-secrets.yaml': [
    'externalsecret my-app-secret (external-secrets/volcengine-external-secrets.yaml#1) in namespace default has spec.data[1].secretKey password, as '
    + 'spec.data[0] has, with spec.target.deletionPolicy Retain (the default): External Secrets Operator\'s webhook refuses the ExternalSecret '
    + '(duplicate secretKey found), so kubectl apply fails and it writes nothing; give each spec.data[] item its own secretKey (the key of the Secret '
    + 'it writes), or remove the repeated item',
  ],
  // a template of one key, config, with type kubernetes.io/tls: with the default mergePolicy Replace ESO writes the
  // template's keys alone (commit cc5bfbc2, pkg/controllers/externalsecret/externalsecret_controller_template.go
  // ApplyTemplate), and the API server refuses a kubernetes.io/tls Secret without tls.crt and tls.key (ValidateSecret);
  // and spec.target.engineVersion, which v1's CRD does not declare in target (it declares target.template.engineVersion,
  // of v2 alone): kubectl apply's strict validation refuses the field, and without it the API server prunes it (ESO
  // v2.9.0 config/crds/bases/external-secrets.io_externalsecrets.yaml)
  'external-secrets/multiline-template-v1-external-secret.yaml': [TLS_KEY('tls.crt'), TLS_KEY('tls.key'),
    'externalsecret template (external-secrets/multiline-template-v1-external-secret.yaml#1) in namespace default sets spec.target.engineVersion, '
    + `a field the ExternalSecret CRD does not declare: ${STRICT('ExternalSecret')}; correct the field's name, or remove it`],
  // the snippet shows two ways to write the ExternalSecret example in one file: applied together, the second replaces the first
  'external-secrets/keepersecurity-external-secret.yaml': [
    'external-secrets/keepersecurity-external-secret.yaml#1 and external-secrets/keepersecurity-external-secret.yaml#4 are both ExternalSecret example '
    + '(api group external-secrets.io) in namespace default: applying them, one overwrites the other; give them different names or namespaces',
    'external-secrets/keepersecurity-external-secret.yaml#1 and external-secrets/keepersecurity-external-secret.yaml#4 both make Secret '
    + 'secret-to-be-created in namespace default (an ExternalSecret writes the Secret its spec.target.name names, by default its own name): one '
    + 'overwrites the other; give them different names or namespaces',
  ],
  // spec.target.name given twice (the same value both times): kubectl reads it and keeps the last value; the check's
  // reader refuses a key given twice, as the YAML spec does (docs/cli.md; 'a key twice' in manifest-text-kubectl.test.ts)
  'external-secrets/gcpsm-ssh-auth-externalsecret.yaml': [
    'external-secrets/gcpsm-ssh-auth-externalsecret.yaml#1: not valid YAML at line 19, column 5: a key appears twice in the same mapping',
  ],
  // spec.externalSecretSpec.dataFrom[0] in the v1alpha1 form (key, version, property), which v1's CRD does not declare:
  // kubectl apply's strict validation refuses the fields, and without it the API server prunes them, leaving an item of
  // none of extract, find and sourceRef, which ESO's webhook refuses in each ExternalSecret the CES makes (ESO v2.9.0
  // apis/externalsecrets/v1/externalsecret_validator.go validateFindExtractSourceRef)
  'external-secrets/full-cluster-external-secret.yaml': [
    'clusterexternalsecret hello-world (external-secrets/full-cluster-external-secret.yaml#1) has spec.externalSecretSpec.dataFrom[0] with none of '
    + 'extract, find and sourceRef, which External Secrets Operator\'s webhook refuses each ExternalSecret of it (either extract, find, or sourceRef '
    + 'must be set to dataFrom) and External Secrets Operator writes no ExternalSecret of it; give spec.externalSecretSpec.dataFrom[0] an extract '
    + '(a key to fetch), a find or a sourceRef, or remove it',
    ...['key', 'version', 'property'].map(field => 'clusterexternalsecret hello-world (external-secrets/full-cluster-external-secret.yaml#1) sets '
      + `spec.externalSecretSpec.dataFrom[0].${field}, a field the ClusterExternalSecret CRD does not declare: ${STRICT('ClusterExternalSecret')}; `
      + 'correct the field\'s name, or remove it'),
  ],
  // a template for sed (kube-aggregator's hack/): RESOURCE_NAME is no <spec.version>.<spec.group> (v0.32.9
  // pkg/apis/apiregistration/validation/validation.go ValidateAPIService: "must be `spec.version+\".\"+spec.group`"); the
  // API server refuses its API_GROUP, API_VERSION and CA_BUNDLE too, which the check does not judge
  'kube-aggregator/apiservice-template.yaml': [
    'apiservice RESOURCE_NAME (kube-aggregator/apiservice-template.yaml#1) has a name other than spec.version, ".", then spec.group at metadata.name: the '
    + 'api server refuses the APIService, as an APIService\'s name must be its version and its group, joined by "."; rename the APIService to '
    + '<spec.version>.<spec.group> (v1beta1.metrics.k8s.io for version v1beta1 of metrics.k8s.io), or correct those fields',
  ],
  // a Job with generateName and no name: kserve's README runs `kubectl create -f`, which names it; kubectl apply refuses it
  // (it reads the live object by name first), and the check judges what kubectl apply does (docs/cli.md)
  'kserve/sklearn-perf-job.yaml': ['kserve/sklearn-perf-job.yaml#1: Job has no metadata.name, which kubectl apply needs (kubectl create takes a metadata.generateName instead): give it a name'],
};

describe('the check over real upstream manifests', () => {
  test.concurrent.each(Object.entries(GROUPS))('%s passes', async (_name, group) => {
    // GIVEN upstream files applied together WHEN checked THEN
    expectOutput(await check(group.files, group.namespace), group.output);
  });

  test.concurrent.each(Object.entries(PASSING))('%s passes alone', async (file, output) => {
    expectOutput(await check([file]), output);
  });

  test.concurrent.each(Object.entries(REFUSED))('%s: exactly its true problems', async (file, problems) => {
    // GIVEN an upstream sample with a mistake WHEN checked alone
    const lines = expectErrors(await check([file]), 1, 'cdk8s-kubeflow-access check');
    // THEN each problem, and nothing else
    expect(lines).toEqual(problems);
  });

  test('every file of the corpus is checked, and names its source and license', () => {
    // GIVEN the corpus on disk
    const dir = path.join(ROOT, UPSTREAM);
    const files = readdirSync(dir, { withFileTypes: true }).filter(d => d.isDirectory())
      .flatMap(d => readdirSync(path.join(dir, d.name)).map(f => `${d.name}/${f}`)).sort();
    // WHEN the cases are listed
    const checked = [...Object.values(GROUPS).flatMap(g => g.files), ...Object.keys(PASSING), ...Object.keys(REFUSED)].sort();
    // THEN every file is in exactly one case
    expect(checked).toEqual(files);
    // AND each file's header names an upstream commit and a license
    for (const file of files) {
      const header = readFileSync(path.join(dir, file), 'utf8').split('\n').slice(0, 3);
      expect([file, header[0]]).toEqual([file, expect.stringMatching(/^# Upstream: https:\/\/github\.com\/[\w.-]+\/[\w.-]+, commit [0-9a-f]{40}, \S/)]);
      expect([file, header[1]]).toEqual([file, expect.stringMatching(/^# License: (Apache-2\.0|CC-BY-4\.0)/)]);
      expect([file, header[2]]).toEqual([file, expect.stringMatching(/^# Changes: /)]);
    }
  });
});
