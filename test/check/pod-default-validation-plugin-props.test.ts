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

  test('filePerResource refuses two objects that would share a file, and only with it', async () => {
    // GIVEN two Secrets of one name in two namespaces: cdk8s would write both to Secret.creds.k8s.yaml
    const secret = (namespace: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace } });
    expect(await report(new PodDefaultValidationPlugin(), [secret('team-a'), secret('team-b')])).toEqual({ rules: [], status: 'success' });
    expect(await report(new PodDefaultValidationPlugin({ filePerResource: true }), [secret('team-a'), secret('team-b')]))
      .toEqual({ rules: ['file-per-resource'], status: 'failure' });
  });
});
