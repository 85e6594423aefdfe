// The plugin's properties (`properties:` in cdk8s.yaml), given to its constructor by cdk8s-cli, against a
// recorded report: the report API is cdk8s-cli's ValidationContext.report (addViolation, submit).
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { PodDefaultValidationPlugin } from '../../lib';

function podDefault(name: string, namespace: string, selector: object): object {
  return { apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name, namespace }, spec: { desc: name, selector } };
}

/** Runs the plugin over manifests written to one file; returns the violations' rules and the verdict. */
async function report(plugin: PodDefaultValidationPlugin, documents: object[]): Promise<{ rules: string[]; status: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'plugin-props-'));
  try {
    const file = path.join(dir, 'app.k8s.yaml');
    writeFileSync(file, documents.map(d => JSON.stringify(d)).join('\n---\n'));
    const rules: string[] = [];
    let status = '';
    await plugin.validate({
      manifests: [file],
      report: {
        addViolation: (v: { ruleName: string }) => rules.push(v.ruleName),
        submit: (s: string) => { status = s; },
      },
    });
    return { rules, status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pipelinesOnly = podDefault('pipeline-gpu', 'team-a', { matchExpressions: [{ key: 'pipeline', operator: 'Exists' }] });

describe('PodDefaultValidationPlugin properties', () => {
  test('without allowUnlisted, a PodDefault the notebook ui cannot list fails', async () => {
    expect(await report(new PodDefaultValidationPlugin(), [pipelinesOnly])).toEqual({ rules: ['listing'], status: 'failure' });
  });

  test.each([['team-a/pipeline-gpu'], ['pipeline-gpu']])('allowUnlisted %s exempts it', async entry => {
    expect(await report(new PodDefaultValidationPlugin({ allowUnlisted: [entry] }), [pipelinesOnly])).toEqual({ rules: [], status: 'success' });
  });

  test('allowUnlisted of another namespace does not', async () => {
    expect(await report(new PodDefaultValidationPlugin({ allowUnlisted: ['team-b/pipeline-gpu'] }), [pipelinesOnly])).toEqual({ rules: ['listing'], status: 'failure' });
  });

  test('a field the PodDefault CRD lacks fails, as unknown-field', async () => {
    // GIVEN a listed PodDefault with an image volume, which the Kubeflow 1.10 CRD lacks
    const withImage = { ...podDefault('models', 'team-a', { matchLabels: { models: 'true' } }) } as any;
    withImage.spec.volumes = [{ name: 'models', image: { reference: 'registry.example.com/models:1' } }];
    // WHEN THEN
    expect(await report(new PodDefaultValidationPlugin(), [withImage])).toEqual({ rules: ['unknown-field'], status: 'failure' });
  });

  test('a PodDefault field of a type its CRD refuses fails, as field-type', async () => {
    // GIVEN a listed PodDefault whose mount sets readOnly to the string "true", which the CRD declares a boolean
    const quoted = { ...podDefault('models', 'team-a', { matchLabels: { models: 'true' } }) } as any;
    quoted.spec.volumes = [{ name: 'models', emptyDir: {} }];
    quoted.spec.volumeMounts = [{ name: 'models', mountPath: '/models', readOnly: 'true' }];
    // WHEN THEN
    expect(await report(new PodDefaultValidationPlugin(), [quoted])).toEqual({ rules: ['field-type'], status: 'failure' });
  });

  test('a Secret whose data the api server cannot decode fails, as secret-data', async () => {
    // GIVEN a Secret whose value is URL-safe base64, which Go's base64.StdEncoding refuses
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-a' }, data: { token: 'ZmFrZS10b2tlbj8_' } };
    // WHEN THEN
    expect(await report(new PodDefaultValidationPlugin(), [secret])).toEqual({ rules: ['secret-data'], status: 'failure' });
  });

  test('a Secret that lacks what its type asks for fails, as secret-type', async () => {
    // GIVEN a basic-auth Secret with neither username nor password
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-a' }, type: 'kubernetes.io/basic-auth', stringData: { user: 'fake' } };
    // WHEN THEN
    expect(await report(new PodDefaultValidationPlugin(), [secret])).toEqual({ rules: ['secret-type'], status: 'failure' });
  });

  test('an allowUnlisted entry that is not NAME or NAMESPACE/NAME is refused when cdk8s-cli makes the plugin', () => {
    expect(() => new PodDefaultValidationPlugin({ allowUnlisted: ['a/b/c'] }))
      .toThrow('PodDefaultValidationPlugin: the allowUnlisted entry has 2 "/", and is not of the form NAME or NAMESPACE/NAME');
    expect(() => new PodDefaultValidationPlugin({ allowUnlisted: 'team-a/x' as any }))
      .toThrow('PodDefaultValidationPlugin: the property allowUnlisted is not a list: give a list of NAME or NAMESPACE/NAME');
  });

  test('the report holds what is wrong and how to fix it apart, and words the exemption as this plugin\'s property', async () => {
    const violations: any[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'plugin-props-'));
    try {
      const file = path.join(dir, 'app.k8s.yaml');
      writeFileSync(file, JSON.stringify(pipelinesOnly));
      await new PodDefaultValidationPlugin().validate({ manifests: [file], report: { addViolation: (v: any) => violations.push(v), submit: () => undefined } });
      expect(violations).toEqual([{
        ruleName: 'listing',
        recommendation: `poddefault pipeline-gpu (${file}#1) in namespace team-a has no spec.selector.matchLabels, which makes the notebook ui fail to list the configurations of the whole namespace`,
        fix: 'select exactly one label with the value "true", or add team-a/pipeline-gpu to the property allowUnlisted of this plugin if it is not meant for notebooks',
        violatingResources: [{ manifestPath: file, resourceName: 'pipeline-gpu', locations: [] }],
      }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a ClusterExternalSecret with an invalid namespace selector: what is wrong, the fix, and the selector\'s key apart', async () => {
    // GIVEN a CES whose selector has an unknown operator, which ESO v2.9.0 cannot convert: it writes no ExternalSecret
    const violations: any[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'plugin-props-'));
    try {
      const file = path.join(dir, 'app.k8s.yaml');
      writeFileSync(file, JSON.stringify({ apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name: 'creds' },
        spec: { namespaceSelector: { matchExpressions: [{ key: 'tier', operator: 'Like', values: ['gold'] }] }, externalSecretSpec: { data: [{ secretKey: 'token', remoteRef: { key: 'fake/token' } }] } } }));
      // WHEN the plugin runs
      await new PodDefaultValidationPlugin().validate({ manifests: [file], report: { addViolation: (v: any) => violations.push(v), submit: () => undefined } });
      // THEN one selector violation
      expect(violations).toEqual([{
        ruleName: 'selector',
        recommendation: `clusterexternalsecret creds (${file}#1) has an invalid selector in spec.namespaceSelector (matchExpressions key tier: unknown operator Like), `
          + 'which External Secrets Operator cannot convert (metav1.LabelSelectorAsSelector): it then writes its ExternalSecret in no namespace, not even those its '
          + 'other selectors or spec.namespaces name (status.failedNamespaces: unknown)',
        fix: 'fix the selector',
        violatingResources: [{ manifestPath: file, resourceName: 'creds', locations: ['tier'] }],
      }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the ExternalSecret a ClusterExternalSecret generates is reported by the CES\'s manifest and name, in no file of its own', async () => {
    // GIVEN a CES platform writing ExternalSecret creds, with Secret creds, in team-a, where a Secret creds is
    const violations: any[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'plugin-props-'));
    try {
      const file = path.join(dir, 'app.k8s.yaml');
      const ces = { apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name: 'platform' },
        spec: { externalSecretName: 'creds', namespaces: ['team-a'], externalSecretSpec: { target: { name: 'creds' }, data: [{ secretKey: 'token', remoteRef: { key: 'fake/token' } }] } } };
      const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-a' } };
      writeFileSync(file, [ces, secret].map(d => `---\n${JSON.stringify(d)}\n`).join(''));
      // WHEN the plugin runs
      await new PodDefaultValidationPlugin().validate({ manifests: [file], report: { addViolation: (v: any) => violations.push(v), submit: () => undefined } });
      // THEN the clash names the Secret and, for the generated ExternalSecret, the CES's file and resource name
      expect(violations.map(v => [v.ruleName, v.violatingResources])).toEqual([['duplicate-object', [
        { manifestPath: file, resourceName: 'creds', locations: ['creds'] },
        { manifestPath: file, resourceName: 'platform', locations: ['creds'] },
      ]]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('many pairs that clash on one key are one violation whose violating resources are every PodDefault of them, by name', async () => {
    // GIVEN eight PodDefaults one notebook can select together, each defining volume creds its own way (28 pairs)
    const violations: any[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'plugin-props-'));
    try {
      const file = path.join(dir, 'app.k8s.yaml');
      const names = ['h', 'g', 'f', 'e', 'd', 'c', 'b', 'a'];
      writeFileSync(file, names.map(n => `---\n${JSON.stringify({ ...podDefault(n, 'team-a', { matchLabels: { [n]: 'true' } }), spec: {
        desc: n, selector: { matchLabels: { [n]: 'true' } }, volumes: [{ name: 'creds', secret: { secretName: n } }] } })}\n`).join(''));
      // WHEN the plugin runs
      await new PodDefaultValidationPlugin().validate({ manifests: [file], report: { addViolation: (v: any) => violations.push(v), submit: () => undefined } });
      // THEN one violation, naming the PodDefaults a to h, each at the key
      expect(violations).toHaveLength(1);
      expect(violations[0].ruleName).toBe('volume');
      expect(violations[0].recommendation).toMatch(/^28 pairs of poddefaults that one notebook can select together define volume creds differently in namespace team-a, among the 8 /);
      expect(violations[0].fix).toBe('for each pair, make the two definitions identical or rename one');
      expect(violations[0].violatingResources).toEqual([...names].reverse().map(n => ({ manifestPath: file, resourceName: n, locations: ['creds'] })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('two objects of one name in one file: the later is reported by name (its construct\'s entry), the earlier by file and document', async () => {
    const violations: any[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'plugin-props-'));
    try {
      const file = path.join(dir, 'app.k8s.yaml');
      const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: team-a\n';
      writeFileSync(file, `${secret}---\n${secret}`);
      await new PodDefaultValidationPlugin().validate({ manifests: [file], report: { addViolation: (v: any) => violations.push(v), submit: () => undefined } });
      expect(violations.map(v => v.violatingResources.map((r: any) => r.resourceName))).toEqual([[`creds (${file}#1)`, 'creds']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
