// Small builders for manifests the check tests feed to checkManifests.
import { CheckInput, CheckProblem } from '../../lib/check';
import { problemLine } from '../../lib/check/problem';

export function pd(name: string, spec: any = {}, namespace: string | null = 'team-a'): any {
  return {
    apiVersion: 'kubeflow.org/v1alpha1',
    kind: 'PodDefault',
    metadata: namespace === null ? { name } : { name, namespace },
    spec: { desc: name, selector: { matchLabels: { [name]: 'true' } }, ...spec },
  };
}

export function secret(name: string, keys: string[], namespace = 'team-a'): any {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, data: Object.fromEntries(keys.map(k => [k, 'ZmFrZQ=='])) };
}

/** A ConfigMap with `keys` in `data` and `binaryKeys` in `binaryData`. */
export function configMap(name: string, keys: string[], namespace: string | null = 'team-a', binaryKeys: string[] = []): any {
  return {
    apiVersion: 'v1', kind: 'ConfigMap', metadata: namespace === null ? { name } : { name, namespace },
    data: Object.fromEntries(keys.map(k => [k, 'x'])),
    ...(binaryKeys.length > 0 ? { binaryData: Object.fromEntries(binaryKeys.map(k => [k, 'eA=='])) } : {}),
  };
}

export function externalSecret(name: string, spec: any, namespace = 'team-a'): any {
  return { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name, namespace }, spec };
}

/** Inputs named `s0`, `s1`, ... in order. */
export function inputs(...manifests: any[]): CheckInput[] {
  return manifests.map((manifest, i) => ({ manifest, source: `s${i}` }));
}

/** The line the in-process door reports for a problem: what is wrong, the fix, and its own exemption remedy. */
export function line(problem: CheckProblem): string {
  return problemLine(problem, () => 'call PodDefaultValidation.allowUnlisted() on it');
}
