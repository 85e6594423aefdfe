import { externalSecretKeys, externalSecretTarget } from '../external-secret';
import { Found, isExternalSecret, isSecret, NO_PROBLEMS, ns, PodDefaultFound } from '../objects';
import { checkProblem } from '../problem';
import { coSelectable, describeLabels, exclusive, witness } from '../selection';
import { CheckProblem } from '../types';

/**
 * The keys each Secret of the input will hold: a Secret's `data` and `stringData`; for an
 * ExternalSecret, the keys External Secrets Operator writes into its Secret (see external-secret.ts),
 * with those the Secret already holds when it merges. Keys that only `dataFrom` or `templateFrom`
 * would add cannot be known before ESO fetches them, and are left out. A Secret that names no
 * namespace lands wherever `kubectl apply -n` sends it, so it counts in every namespace.
 *
 * Read on first use: the rule returns early in most namespaces, so most checks never need them.
 */
export class SecretKeys {
  private byName?: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

  public constructor(private readonly objects: readonly Found[]) {}

  /** The keys of the Secret `name` in `namespace`; `undefined` when the input holds no such Secret. */
  public of(namespace: string, name: string): readonly string[] | undefined {
    this.byName ??= keysByName(this.objects);
    const byNamespace = this.byName.get(name);
    if (byNamespace === undefined) { return undefined; }
    const own = byNamespace.get(namespace);
    const floating = namespace === '' ? undefined : byNamespace.get('');
    return floating === undefined ? own : own === undefined ? floating : own.concat(floating);
  }
}

/**
 * The keys of every Secret of the input, by name and then namespace. Maps within a map rather than one
 * map by a joined key, which cost a string per Secret of the app; the namespace last, since apps repeat
 * one set of names in many namespaces.
 */
function keysByName(objects: readonly Found[]): ReadonlyMap<string, ReadonlyMap<string, readonly string[]>> {
  const keys = new Map<string, Map<string, readonly string[]>>();
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    if (isSecret(found)) {
      addKeys(keys, found.namespace, found.name, keysOf(found.manifest.data, found.manifest.stringData));
    } else if (isExternalSecret(found)) {
      const target = externalSecretTarget(found);
      if (target !== undefined && target.group === 'core' && target.kind === 'Secret') {
        addKeys(keys, found.namespace, target.name, externalSecretKeys(found.manifest));
      }
    }
  }
  return keys;
}

/** The keys of two maps, the first one's first. */
function keysOf(map: any, more: any): readonly string[] {
  const keys = Object.keys(map ?? {});
  return more === undefined || more === null ? keys : keys.concat(Object.keys(more));
}

function addKeys(keys: Map<string, Map<string, readonly string[]>>, namespace: string, name: string, list: readonly string[]): void {
  let byNamespace = keys.get(name);
  if (byNamespace === undefined) {
    byNamespace = new Map();
    keys.set(name, byNamespace);
  }
  const earlier = byNamespace.get(namespace);
  byNamespace.set(namespace, earlier === undefined ? list : earlier.concat(list));
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
export function envSources(group: readonly PodDefaultFound[], namespace: string, keys: SecretKeys): readonly CheckProblem[] {
  if (!mayMeet(group, namespace)) { return NO_PROBLEMS; }
  // One provider per envFrom, shared by its keys.
  const providers = new Map<string, Provider[]>();
  for (let i = 0; i < group.length; i++) {
    const pd = group[i];
    const envFrom = pd.manifest.spec?.envFrom;
    if (!Array.isArray(envFrom)) { continue; }
    for (let j = 0; j < envFrom.length; j++) {
      const from = envFrom[j];
      const name = from?.secretRef?.name;
      const known = typeof name === 'string' ? keys.of(namespace, name) : undefined;
      if (known === undefined) { continue; }
      const prefix = typeof from.prefix === 'string' ? from.prefix : '';
      const provider: Provider = { pd, secret: name };
      for (let k = 0; k < known.length; k++) { addProvider(providers, prefix + known[k], provider); }
    }
  }
  if (providers.size === 0) { return NO_PROBLEMS; }
  for (let i = 0; i < group.length; i++) {
    const pd = group[i];
    const env = pd.manifest.spec?.env;
    if (!Array.isArray(env)) { continue; }
    for (let j = 0; j < env.length; j++) {
      const name = env[j]?.name;
      if (typeof name === 'string' && providers.has(name)) { addProvider(providers, name, { pd }); }
    }
  }
  const problems: CheckProblem[] = [];
  providers.forEach((list, variable) => {
    let reported: Set<string> | undefined;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const envFirst = list[i].secret === undefined;
        const p = envFirst ? list[j] : list[i];
        const q = envFirst ? list[i] : list[j];
        // Two env entries are the webhook's to compare; one Secret twice gives one value; one name twice is a duplicate.
        if (p.secret === q.secret || p.pd.name === q.pd.name || p.pd === q.pd) { continue; }
        if (namespace !== '' && p.pd.floating && q.pd.floating) { continue; }
        if (!coSelectable(p.pd, q.pd)) { continue; }
        const pair = `${p.pd.index}\n${q.pd.index}`;
        if (reported?.has(pair)) { continue; }
        (reported ??= new Set()).add(pair);
        problems.push(checkProblem({
          rule: 'env-source',
          namespace,
          sources: [p.pd.source, q.pd.source],
          key: variable,
          message: `env var ${variable} is set by ${how(p)} and by ${how(q)} in namespace ${ns(namespace)}: a notebook that selects both `
            + `(${describeLabels(witness([p.pd, q.pd]))}) gets one of the two values without a warning`,
          fix: 'set it in one of them only, or make the two exclusive by giving both an env var of one name whose value is their own name',
        }));
      }
    }
  });
  return problems;
}

/**
 * Whether two PodDefaults of the group that set env vars may meet in one pod, as far as the pair rules
 * of envSources tell without the Secrets (names, namespaces, markers). When no two may, no notebook gets
 * two values: most namespaces are like this (the S3 configurations of one profile exclude each other),
 * and reading the Secrets costs a map per namespace of the app.
 */
function mayMeet(group: readonly PodDefaultFound[], namespace: string): boolean {
  for (let i = 0; i < group.length; i++) {
    const a = group[i];
    if (!setsEnv(a)) { continue; }
    for (let j = i + 1; j < group.length; j++) {
      const b = group[j];
      if (!setsEnv(b) || a.name === b.name || (namespace !== '' && a.floating && b.floating)) { continue; }
      if (!exclusive(a, b)) { return true; }
    }
  }
  return false;
}

function setsEnv(pd: PodDefaultFound): boolean {
  const spec = pd.manifest.spec;
  return isFilled(spec?.env) || isFilled(spec?.envFrom);
}

function isFilled(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

function addProvider(providers: Map<string, Provider[]>, variable: string, provider: Provider): void {
  const list = providers.get(variable);
  if (list === undefined) { providers.set(variable, [provider]); } else { list.push(provider); }
}

function how(p: Provider): string {
  return p.secret === undefined
    ? `the env of poddefault ${p.pd.name} (${p.pd.source})`
    : `the envFrom Secret ${p.secret} of poddefault ${p.pd.name} (${p.pd.source})`;
}
