// Checks that `npm run synth` wrote the example app's manifests: exactly the expected objects, each
// once, every Secret in `data` only. Run by .ci/run after the synth: node test/ci/check-dist.js dist
'use strict';
const fs = require('fs');
const path = require('path');
const { isDeepStrictEqual } = require('util');
const YAML = require('yaml');

const EXPECTED = [
  'Secret/user/docker-config',
  'PodDefault/user/docker-config',
  'Secret/user/aws-credentials',
  'PodDefault/user/aws-credentials',
  'Secret/user/aws-configuration',
  'PodDefault/user/aws-configuration',
  'PodDefault/user/minio',
  'PodDefault/user/access-ml-pipeline',
];

const dir = process.argv[2] || 'dist';
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter(f => f.endsWith('.yaml')) : [];
if (files.length === 0) {
  console.error(`check-dist: no manifests in ${dir}/: did "npm run synth" run?`);
  process.exit(1);
}
const found = [];
const objects = [];
const problems = [];
for (const file of files.sort()) {
  for (const doc of YAML.parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))) {
    const obj = doc.toJS();
    if (!obj) continue;
    const id = `${obj.kind}/${obj.metadata && obj.metadata.namespace}/${obj.metadata && obj.metadata.name}`;
    found.push(id);
    objects.push(obj);
    if (obj.kind === 'Secret' && (obj.stringData || !obj.data)) problems.push(`${id}: a Secret must hold its values in data only`);
  }
}
// The Pipelines API access is the Kubeflow docs' access-ml-pipeline PodDefault, field by field.
const PIPELINES_SPEC = {
  desc: 'Allow access to Kubeflow Pipelines',
  selector: { matchLabels: { 'access-ml-pipeline': 'true' } },
  env: [{ name: 'KF_PIPELINES_SA_TOKEN_PATH', value: '/var/run/secrets/kubeflow/pipelines/token' }],
  volumes: [{ name: 'volume-kf-pipeline-token', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 7200, audience: 'pipelines.kubeflow.org' } }] } }],
  volumeMounts: [{ mountPath: '/var/run/secrets/kubeflow/pipelines', name: 'volume-kf-pipeline-token', readOnly: true }],
};
const pipelines = objects.find(o => o.kind === 'PodDefault' && o.metadata && o.metadata.name === 'access-ml-pipeline');
if (pipelines && !isDeepStrictEqual(pipelines.spec, PIPELINES_SPEC)) {
  problems.push(`PodDefault/user/access-ml-pipeline: its spec is not the Kubeflow docs' access-ml-pipeline: ${JSON.stringify(pipelines.spec)}`);
}
for (const id of EXPECTED) if (!found.includes(id)) problems.push(`${id}: missing`);
for (const id of found) if (!EXPECTED.includes(id)) problems.push(`${id}: not expected`);
if (new Set(found).size !== found.length) problems.push('an object is written twice');
if (problems.length > 0) {
  console.error(`check-dist: ${dir}/ is not what the example app should write:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-dist: ${found.length} expected objects in ${dir}/`);
