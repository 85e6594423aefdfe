import { externalSecretKeys, externalSecretTarget } from '../external-secret';
import { Found, isExternalSecret, isSecret, NO_PROBLEMS, ns, PodDefaultFound } from '../objects';
import { checkProblem } from '../problem';
import { byName, describeLabels, Entry, Meetings, witness } from '../selection';
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
 * compares `env` entries with each other (main.go L234-279). An `envFrom` of a Secret (or ConfigMap) that
 * the input does not hold has unknown keys and is not judged.
 */
export function envSources(group: readonly PodDefaultFound[], namespace: string, keys: SecretKeys,
  meetings: Meetings = new Meetings(group, namespace)): readonly CheckProblem[] {
  if (!readsSecrets(group, meetings)) { return NO_PROBLEMS; }
  // Classes: the Secret, or '' for env, which the webhook compares itself; one Secret twice gives one value.
  const providers = new Map<string, Entry<Provider>[]>();
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
      const entry: Entry<Provider> = { pd, klass: name, item: { pd, secret: name } };
      for (let k = 0; k < known.length; k++) { addProvider(providers, prefix + known[k], entry); }
    }
  }
  if (providers.size === 0) { return NO_PROBLEMS; }
  for (let i = 0; i < group.length; i++) {
    const pd = group[i];
    const env = pd.manifest.spec?.env;
    if (!Array.isArray(env)) { continue; }
    for (let j = 0; j < env.length; j++) {
      const name = env[j]?.name;
      if (typeof name === 'string' && providers.has(name)) { addProvider(providers, name, { pd, klass: '', item: { pd } }); }
    }
  }
  const problems: CheckProblem[] = [];
  providers.forEach((list, variable) => {
    if (list.length < 2 || list.every(e => e.klass === list[0].klass)) { return; }
    const reported = new Set<string>();
    for (const [earlier, later] of meetings.pairs(list)) {
      // One name twice is the duplicate rule's.
      if (earlier.pd.name === later.pd.name) { continue; }
      const [p, q] = earlier.item.secret === undefined ? [later.item, earlier.item] : [earlier.item, later.item];
      const pair = `${p.pd.index}\n${q.pd.index}`;
      if (reported.has(pair)) { continue; }
      reported.add(pair);
      problems.push(checkProblem({
        rule: 'env-source',
        namespace,
        sources: [p.pd.source, q.pd.source],
        key: variable,
        message: `env var ${variable} is set by ${how(p)} and by ${how(q)} in namespace ${ns(namespace)}: a notebook that selects both `
          + `(${describeLabels(witness([p.pd, q.pd]))}) gets the value of ${winner(p, q).pd.name} without a warning`,
        fix: 'set it in one of them only, or make the two exclusive by giving both an env var of one name whose value is their own name',
      }));
    }
  });
  return problems;
}

/**
 * Whether some PodDefault of the group reads a Secret with envFrom and another that sets env vars may meet
 * it; when none may, no notebook gets two values, and the Secrets need not be read.
 */
function readsSecrets(group: readonly PodDefaultFound[], meetings: Meetings): boolean {
  let readers = false;
  const setters: { pd: PodDefaultFound }[] = [];
  for (let i = 0; i < group.length; i++) {
    const spec = group[i].manifest.spec;
    const reads = isFilled(spec?.envFrom);
    readers = readers || reads;
    if (reads || isFilled(spec?.env)) { setters.push({ pd: group[i] }); }
  }
  return readers && setters.length > 1 && meetings.mayClash(setters);
}

function isFilled(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

function addProvider(providers: Map<string, Entry<Provider>[]>, variable: string, entry: Entry<Provider>): void {
  const list = providers.get(variable);
  if (list === undefined) { providers.set(variable, [entry]); } else { list.push(entry); }
}

/**
 * Which of two providers of one variable the container gets: an `env` entry beats every `envFrom` key,
 * and of two `envFrom` sources the later one wins (Kubernetes' EnvFromSource), which the webhook appends
 * in PodDefault name order.
 */
function winner(p: Provider, q: Provider): Provider {
  if (p.secret === undefined || q.secret === undefined) { return p.secret === undefined ? p : q; }
  return byName(p.pd, q.pd) <= 0 ? q : p;
}

function how(p: Provider): string {
  return p.secret === undefined
    ? `the env of poddefault ${p.pd.name} (${p.pd.source})`
    : `the envFrom Secret ${p.secret} of poddefault ${p.pd.name} (${p.pd.source})`;
}
