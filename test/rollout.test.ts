import * as path from 'path';
import { Testing, Yaml } from 'cdk8s';
import { DockerConfig } from '../lib';
import { Profile, rollout } from '../examples/rollout';

const examples = path.join(__dirname, '..', 'examples');

describe('the rollout example', () => {
  test('gives every profile of profiles.yaml its access, with per-team credentials where given', () => {
    // GIVEN the example's profile list
    const [profiles] = Yaml.load(path.join(examples, 'profiles.yaml')) as Profile[][];
    // WHEN
    const chart = rollout(Testing.app(), profiles, examples, DockerConfig.fromFile(path.join(examples, 'fixtures', 'config.json')));
    // THEN each profile gets a Docker and a storage PodDefault, the vision team its own registry and S3
    const manifests = Testing.synth(chart);
    const podDefaults = manifests.filter(m => m.kind === 'PodDefault').map(m => `${m.metadata.namespace}/${m.metadata.name}`);
    expect(podDefaults).toEqual([
      'team-nlp/docker-config', 'team-nlp/minio',
      'team-recsys/docker-config', 'team-recsys/minio',
      'team-vision/docker-config', 'team-vision/aws-credentials',
    ]);
    const dockerSecret = (ns: string) => manifests.find(m => m.kind === 'Secret' && m.metadata.namespace === ns && m.metadata.name === 'docker-config');
    const decoded = (ns: string) => Buffer.from(dockerSecret(ns).data['config.json'], 'base64').toString();
    expect(decoded('team-vision')).toContain('registry.vision.example.com');
    expect(decoded('team-nlp')).toContain('https://index.docker.io/v1/');
  });
});
