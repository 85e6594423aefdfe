// Rolling notebook access out to every profile of a cluster from one app: `npm run synth:rollout`
// writes dist/rollout/profiles.k8s.yaml. All profiles live in one chart, which keeps synth time
// linear in the number of profiles (cdk8s re-validates the whole app once per chart; see BENCHMARKS.md).
import * as path from 'path';
import { App, Chart, Yaml } from 'cdk8s';
import { Construct } from 'constructs';
import { AwsCredentials, DockerConfig, NotebookAccess, StorageAccess } from '../lib';

/** One entry of profiles.yaml. */
export interface Profile {
  /** The profile's namespace. */
  readonly namespace: string;
  /** The team's own Docker config.json, relative to profiles.yaml; default: the platform's. */
  readonly docker?: string;
  /** The team's own AWS credentials file, relative to profiles.yaml; default: the in-cluster MinIO. */
  readonly awsCredentials?: string;
}

/** Gives every profile its NotebookAccess, in one chart. */
export function rollout(scope: Construct, profiles: readonly Profile[], baseDir: string, platformDocker: DockerConfig): Chart {
  const chart = new Chart(scope, 'profiles');
  for (const profile of profiles) {
    const file = (name: string) => path.resolve(baseDir, name);
    new NotebookAccess(chart, profile.namespace, {
      namespace: profile.namespace,
      docker: profile.docker ? DockerConfig.fromFile(file(profile.docker)) : platformDocker,
      storage: profile.awsCredentials
        ? StorageAccess.awsFile(AwsCredentials.fromFile(file(profile.awsCredentials)))
        : StorageAccess.minio(),
    });
  }
  return chart;
}

if (require.main === module) {
  const profilesFile = path.join(__dirname, 'profiles.yaml');
  const [profiles] = Yaml.load(profilesFile) as Profile[][];
  const app = new App({ outdir: path.join('dist', 'rollout') });
  rollout(app, profiles, __dirname, DockerConfig.fromFile(path.join(__dirname, 'fixtures', 'config.json')));
  app.synth();
}
