import { externalSecretTarget, Found, isExternalSecret, isSecret, ns, PodDefaultFound } from '../objects';
import { coSelectable, describeLabels, witness } from '../selection';
import { CheckProblem } from '../types';

/** The keys of every Secret of the input by `namespace\nname`, as far as the input tells them. */
export type SecretKeys = ReadonlyMap<string, readonly string[]>;

/**
 * The keys each Secret of the input will hold: a Secret's `data` and `stringData`; for an ExternalSecret,
 * the Secret it writes, with its template's `data` keys and its `data[].secretKey`s. Keys that only an
 * ExternalSecret's `dataFrom` would add cannot be known before ESO fetches them, and are left out.
 */
export function secretKeys(objects: readonly Found[]): SecretKeys {
  const keys = new Map<string, string[]>();
  const add = (namespace: string, name: string, list: string[]) => {
    const id = `${namespace}\n${name}`;
    keys.set(id, [...(keys.get(id) ?? []), ...list]);
  };
  for (const found of objects) {
    if (isSecret(found)) {
      add(found.namespace, found.name, [...Object.keys(found.manifest.data ?? {}), ...Object.keys(found.manifest.stringData ?? {})]);
    } else if (isExternalSecret(found)) {
      const spec = found.manifest.spec ?? {};
      const fromData = (Array.isArray(spec.data) ? spec.data : []).map((d: any) => d?.secretKey).filter((k: unknown) => typeof k === 'string');
      add(found.namespace, externalSecretTarget(found), [...Object.keys(spec.target?.template?.data ?? {}), ...fromData]);
    }
  }
  return keys;
}

/** One way a PodDefault sets an env var. */
interface Provider {
  readonly pd: PodDefaultFound;
  /** `undefined` for `env`, else the Secret of the `envFrom`. */
  readonly secret?: string;
}

/**
 * A notebook that selects two PodDefaults where one's `env` and the other's `envFrom` Secret (or two
 * `envFrom` Secrets) set one variable gets one of the two values without any warning: the webhook only
 * compares `env` entries with each other. An `envFrom` of a Secret (or ConfigMap) that the input does
 * not hold has unknown keys and is not judged.
 */
export function envSources(group: readonly PodDefaultFound[], namespace: string, keys: SecretKeys): CheckProblem[] {
  const providers = new Map<string, Provider[]>();
  const add = (variable: string, provider: Provider) => {
    const list = providers.get(variable);
    if (list === undefined) { providers.set(variable, [provider]); } else { list.push(provider); }
  };
  let anyEnvFrom = false;
  for (const pd of group) {
    const spec = pd.manifest.spec ?? {};
    for (const from of Array.isArray(spec.envFrom) ? spec.envFrom : []) {
      const name = from?.secretRef?.name;
      const known = typeof name === 'string' ? keys.get(`${namespace}\n${name}`) : undefined;
      if (known === undefined) { continue; }
      anyEnvFrom = true;
      const prefix = typeof from.prefix === 'string' ? from.prefix : '';
      for (const key of known) { add(prefix + key, { pd, secret: name }); }
    }
  }
  if (!anyEnvFrom) { return []; }
  for (const pd of group) {
    for (const env of Array.isArray(pd.manifest.spec?.env) ? pd.manifest.spec.env : []) {
      if (typeof env?.name === 'string' && providers.has(env.name)) { add(env.name, { pd }); }
    }
  }
  const problems: CheckProblem[] = [];
  for (const [variable, list] of providers) {
    const reported = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [p, q] = list[i].secret === undefined ? [list[j], list[i]] : [list[i], list[j]];
        // Two env entries are the webhook's to compare; one Secret twice gives one value; one name twice is a duplicate.
        if (p.secret === q.secret || p.pd.name === q.pd.name) { continue; }
        if (p.pd === q.pd || reported.has(`${p.pd.index}\n${q.pd.index}`)) { continue; }
        if (namespace !== '' && p.pd.floating && q.pd.floating) { continue; }
        if (!coSelectable(p.pd, q.pd)) { continue; }
        reported.add(`${p.pd.index}\n${q.pd.index}`);
        problems.push({
          rule: 'env-source',
          ...(namespace === '' ? {} : { namespace }),
          sources: [p.pd.source, q.pd.source],
          key: variable,
          message: `env var ${variable} is set by ${how(p)} and by ${how(q)} in namespace ${ns(namespace)}: a notebook that selects both `
            + `(${describeLabels(witness([p.pd, q.pd]))}) gets one of the two values without a warning; set it in one of them only, `
            + 'or make the two exclusive by giving both an env var of one name whose value is their own name',
        });
      }
    }
  }
  return problems;
}

function how(p: Provider): string {
  return p.secret === undefined
    ? `the env of poddefault ${p.pd.name} (${p.pd.source})`
    : `the envFrom Secret ${p.secret} of poddefault ${p.pd.name} (${p.pd.source})`;
}
