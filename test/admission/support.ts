// The PodDefaults and notebook pods the admission tests feed to the webhook model.

export const NS = 'team-a';

export function pd(name: string, spec: any, namespace: string | undefined = NS): any {
  return {
    apiVersion: 'kubeflow.org/v1alpha1',
    kind: 'PodDefault',
    metadata: namespace === undefined ? { name } : { name, namespace },
    spec: { selector: { matchLabels: { [name]: 'true' } }, ...spec },
  };
}

/** A notebook pod that selects every PodDefault named in `selects`. */
export function pod(selects: string[], spec: any = {}, metadata: any = {}): any {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'nb-0',
      namespace: NS,
      ...metadata,
      labels: { ...Object.fromEntries(selects.map(s => [s, 'true'])), ...metadata.labels },
    },
    spec: { containers: [{ name: 'nb', image: 'jupyter' }], ...spec },
  };
}

/** A notebook pod of `pod` as `admit` returns it: its name and namespace, with these labels, annotations and spec. */
export function storedPod(labels: Record<string, string>, annotations: Record<string, string>, spec: any): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nb-0', namespace: NS, labels, annotations }, spec };
}
