import { checkManifests, PodDefaultCheck } from '../../lib/check';
import { externalSecret, inputs, secret } from './support';

const OVERWRITE = 'applying them, one overwrites the other; give them different names or namespaces';
const ESO = '(an ExternalSecret writes the Secret its spec.target.name names, by default its own name): one overwrites the other; give them different names or namespaces';

describe('duplicate-object', () => {
  test.each<[string, any[], { rule: string; namespace?: string; sources: string[]; key: string; message: string }[]]>([
    ['two Secrets of one name and namespace', [secret('creds', []), secret('creds', [])],
      [{ rule: 'duplicate-object', namespace: 'team-a', sources: ['s0', 's1'], key: 'creds', message: `s0 and s1 are both Secret creds (api group core) in namespace team-a: ${OVERWRITE}` }]],
    ['one name in two namespaces', [secret('creds', []), secret('creds', [], 'team-b')], []],
    ['a Secret and an ExternalSecret that targets it', [secret('creds', []), externalSecret('fetch', { target: { name: 'creds' } })],
      [{ rule: 'duplicate-object', namespace: 'team-a', sources: ['s0', 's1'], key: 'creds', message: `s0 and s1 both make Secret creds in namespace team-a ${ESO}` }]],
    ['an ExternalSecret without target.name writes a Secret of its own name', [externalSecret('creds', {}), secret('creds', [])],
      [{ rule: 'duplicate-object', namespace: 'team-a', sources: ['s0', 's1'], key: 'creds', message: `s0 and s1 both make Secret creds in namespace team-a ${ESO}` }]],
    ['two ExternalSecrets with one target', [externalSecret('a', { target: { name: 'creds' } }), externalSecret('b', { target: { name: 'creds' } })],
      [{ rule: 'duplicate-object', namespace: 'team-a', sources: ['s0', 's1'], key: 'creds', message: `s0 and s1 both make Secret creds in namespace team-a ${ESO}` }]],
    ['two ExternalSecrets with one target in two namespaces', [externalSecret('a', { target: { name: 'creds' } }), externalSecret('b', { target: { name: 'creds' } }, 'team-b')], []],
    ['two ExternalSecrets of one name with different targets', [externalSecret('creds', { target: { name: 'one' } }), externalSecret('creds', { target: { name: 'two' } })],
      [{ rule: 'duplicate-object', namespace: 'team-a', sources: ['s0', 's1'], key: 'creds', message: `s0 and s1 are both ExternalSecret creds (api group external-secrets.io) in namespace team-a: ${OVERWRITE}` }]],
    ['one kind and name in two api groups', [{ apiVersion: 'other.io/v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-a' } }, secret('creds', [])], []],
    ['two objects without namespace', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }],
      [{ rule: 'duplicate-object', sources: ['s0', 's1'], key: 'c', message: `s0 and s1 are both ConfigMap c (api group core) in namespace (none): ${OVERWRITE}` }]],
  ])('%s', (_, manifests, expected) => {
    // GIVEN the objects WHEN checked THEN exactly these problems
    expect(checkManifests(inputs(...manifests))).toEqual(expected);
  });
});

describe('file-per-resource', () => {
  test.each<[string, any[], boolean, string[]]>([
    ['one kind and name in two namespaces, one file per resource', [secret('creds', []), secret('creds', [], 'team-b')], true,
      ['s0 and s1 would both be written to the file Secret.creds.* with YamlOutputType.FILE_PER_RESOURCE, which names a file by kind and name only: '
        + 'one overwrites the other; give them different names, or use another YamlOutputType']],
    ['the same, one file per chart', [secret('creds', []), secret('creds', [], 'team-b')], false, []],
    ['one object twice is the duplicate rule\'s', [secret('creds', []), secret('creds', [])], true,
      [`s0 and s1 are both Secret creds (api group core) in namespace team-a: ${OVERWRITE}`]],
  ])('%s', (_, manifests, filePerResource, expected) => {
    expect(PodDefaultCheck.check(inputs(...manifests), { filePerResource }).map(p => p.message)).toEqual(expected);
  });
});
