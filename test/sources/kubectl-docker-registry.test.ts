// DockerConfig.fromLogin against `kubectl create secret docker-registry` itself: the Secret data must be
// the bytes kubectl writes for the same server, user name and password, tricky characters included. The
// vectors below were recorded from kubectl v1.32.4 on this project's machine; where kubectl is on PATH
// the test runs it again on the same inputs.
import { spawnSync } from 'child_process';
import { Testing } from 'cdk8s';
import { DockerConfig, DockerRegistryAccess, DockerSecretType } from '../../lib';
import { userChart } from '../support';

interface Vector { readonly server?: string; readonly username: string; readonly password: string; readonly kubectl: string }

/** `.dockerconfigjson` as kubectl v1.32.4 wrote it (base64), for each login. */
const RECORDED: Vector[] = [
  {
    username: 'fake-user', password: 'fake-password-0000',
    kubectl: 'eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJmYWtlLXVzZXIiLCJwYXNzd29yZCI6ImZha2UtcGFzc3dvcmQtMDAwMCIsImF1dGgiOiJabUZyWlMxMWMyVnlPbVpoYTJVdGNHRnpjM2R2Y21RdE1EQXdNQT09In19fQ==',
  },
  {
    username: 'fake-user', password: 'p"a\\s<&>é',
    kubectl: 'eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJmYWtlLXVzZXIiLCJwYXNzd29yZCI6InBcImFcXHNcdTAwM2NcdTAwMjZcdTAwM2XDqSIsImF1dGgiOiJabUZyWlMxMWMyVnlPbkFpWVZ4elBDWSt3Nms9In19fQ==',
  },
];

function kubectlDockerConfig(v: { server?: string; username: string; password: string }): string {
  const args = ['create', 'secret', 'docker-registry', 's', `--docker-username=${v.username}`, `--docker-password=${v.password}`, '--dry-run=client', '-o', 'json'];
  if (v.server !== undefined) { args.push(`--docker-server=${v.server}`); }
  const run = spawnSync('kubectl', args, { encoding: 'utf8' });
  if (run.status !== 0) { throw new Error(`kubectl create secret docker-registry failed: ${run.stderr}`); }
  return JSON.parse(run.stdout).data['.dockerconfigjson'];
}

function ours(v: { server?: string; username: string; password: string }): string {
  const chart = userChart();
  new DockerRegistryAccess(chart, 'docker-config', {
    config: DockerConfig.fromLogin({ server: v.server, username: v.username, password: v.password }),
    secretType: DockerSecretType.DOCKER_CONFIG_JSON,
  });
  return Testing.synth(chart).find(m => m.kind === 'Secret').data['.dockerconfigjson'];
}

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const withKubectl = hasKubectl ? test : test.skip;
if (!hasKubectl) { console.log('kubectl-docker-registry.test.ts: kubectl is not on PATH: the live comparisons are skipped, the recorded vectors still run'); }

describe('DockerConfig.fromLogin writes what kubectl create secret docker-registry writes', () => {
  test.each(RECORDED.map(v => [v.password, v] as const))('recorded from kubectl v1.32.4, password %j', (_p, vector) => {
    expect(ours(vector)).toBe(vector.kubectl);
  });

  withKubectl.each([
    { username: 'fake-user', password: 'fake-password-0000' },
    { server: 'ghcr.io', username: 'fake-bot', password: 'p"a\\s<&>é\u2028x' },
    { server: 'registry.example.com:5000', username: 'fake@example.com', password: 'emoji 😀 and spaces' },
  ])('kubectl on this machine: %j', login => {
    expect(ours(login)).toBe(kubectlDockerConfig(login));
  });
});
