import { shownName } from '../../names';
import { DataKeys, EnvFromSource, envFromSource } from '../data-keys';
import { append, judgedIn, NO_PROBLEMS, PodDefaultFound } from '../objects';
import { MAX_PAIRS, pairProblems } from '../pair-report';
import { checkProblem } from '../problem';
import { byName, describeLabels, Entry, Meetings, witness } from '../selection';
import { CheckProblem } from '../types';

/** One way a PodDefault sets an env var. */
interface Provider {
  readonly pd: PodDefaultFound;
  /** `undefined` for `env`, else the Secret or ConfigMap of the `envFrom`. */
  readonly source?: EnvFromSource;
}

/** The landing of PodDefaults of a namespace: their own. */
const NO_LANDINGS: readonly string[] = Object.freeze(['']);

/**
 * A notebook that selects two PodDefaults where one's `env` and the other's `envFrom` Secret or
 * ConfigMap (or two `envFrom` sources) set one variable gets one of the two values without any warning:
 * the webhook only compares `env` entries with each other (main.go L234-279). An `envFrom` of a Secret
 * or ConfigMap that the input does not hold has unknown keys and is not judged. `landings`, for the
 * namespace-less PodDefaults among themselves: the namespaces `kubectl apply -n` may put them in, whose
 * Secrets and ConfigMaps they then read (`''` for the namespace-less objects alone).
 */
export function envSources(group: readonly PodDefaultFound[], namespace: string, keys: DataKeys,
  meetings: Meetings = new Meetings(group, namespace), landings: readonly string[] = NO_LANDINGS): readonly CheckProblem[] {
  if (!readsSources(group, meetings)) { return NO_PROBLEMS; }
  const problems: CheckProblem[] = [];
  /** Each variable and pair once, whichever landing shows it first. */
  const reported = new Set<string>();
  for (const landing of landings) {
    judgeSources(group, namespace, landing, landing === '' ? keys : keys.landingIn(landing), meetings, reported, landings.length === 1, problems);
  }
  return problems.length === 0 ? NO_PROBLEMS : problems;
}

/**
 * `envSources` with the Secrets and ConfigMaps `keys` shows, adding to `problems` what `reported` does not hold yet;
 * with `alone` (the one landing, no pair reported by another), many pairs may be counted rather than listed.
 */
function judgeSources(group: readonly PodDefaultFound[], namespace: string, landing: string, keys: DataKeys, meetings: Meetings,
  reported: Set<string>, alone: boolean, problems: CheckProblem[]): void {
  // Classes: the Secret or ConfigMap, or '' for env, which the webhook compares itself; one source twice
  // gives one value.
  const providers = new Map<string, Entry<Provider>[]>();
  for (let i = 0; i < group.length; i++) {
    const pd = group[i];
    const envFrom = pd.manifest.spec?.envFrom;
    if (!Array.isArray(envFrom)) { continue; }
    for (let j = 0; j < envFrom.length; j++) {
      const from = envFrom[j];
      const known = keys.ofEnvFrom(from, namespace);
      if (known === undefined) { continue; }
      const source = envFromSource(from)!;
      const prefix = typeof from.prefix === 'string' ? from.prefix : '';
      const entry: Entry<Provider> = { pd, klass: `${source.kind}\0${source.name}`, item: { pd, source } };
      for (let k = 0; k < known.length; k++) { addProvider(providers, prefix + known[k], entry); }
    }
  }
  if (providers.size === 0) { return; }
  for (let i = 0; i < group.length; i++) {
    const pd = group[i];
    const env = pd.manifest.spec?.env;
    if (!Array.isArray(env)) { continue; }
    for (let j = 0; j < env.length; j++) {
      const name = env[j]?.name;
      if (typeof name === 'string' && providers.has(name)) { addProvider(providers, name, { pd, klass: '', item: { pd } }); }
    }
  }
  providers.forEach((list, variable) => {
    if (list.length < 2 || list.every(e => e.klass === list[0].klass) || !meetings.mayClash(list)) { return; }
    const shown = shownName(variable, 'key');
    const oriented = ([earlier, later]: readonly [Entry<Provider>, Entry<Provider>]): [Provider, Provider] =>
      (earlier.item.source === undefined ? [later.item, earlier.item] : [earlier.item, later.item]);
    // Many pairs of PodDefaults of names of their own that each set the variable once, counted.
    const { counted: summary, listed } = alone ? meetings.summary(list, MAX_PAIRS, { distinctNames: true }) : {};
    const pairs: [Provider, Provider][] = [];
    for (const pair of summary !== undefined ? [] : meetings.pairs(list, { listed })) {
      // One name twice is the duplicate rule's.
      if (pair[0].pd.name === pair[1].pd.name) { continue; }
      const [p, q] = oriented(pair);
      const id = `${variable}\n${p.pd.index}\n${q.pd.index}`;
      if (reported.has(id)) { continue; }
      reported.add(id);
      pairs.push([p, q]);
    }
    append(problems, pairProblems({
      pairs,
      counted: summary === undefined ? undefined : { ...summary, first: oriented(summary.first) },
      parties: ([p, q]) => [p.pd, q.pd],
      describe: ([p, q]) => checkProblem({
        rule: 'env-source',
        namespace,
        sources: [p.pd.source, q.pd.source],
        key: shown,
        message: `env var ${shown} is set by ${how(p)} and by ${how(q)} ${judgedIn(namespace, landing)}: a notebook that selects both `
          + `(${describeLabels(witness([p.pd, q.pd]))}) gets the value of ${shownName(winner(p, q).pd.name, 'name')} without a warning`,
        fix: 'set it in one of them only, or make the two exclusive by giving both an env var of one name whose value is their own name',
      }),
      what: `set env var ${shown} from two sources ${judgedIn(namespace, landing)}`,
    }));
  });
}

/**
 * Whether some PodDefault of the group reads a Secret or ConfigMap with envFrom and another that sets env
 * vars may meet it; when none may, no notebook gets two values, and the sources need not be read.
 */
function readsSources(group: readonly PodDefaultFound[], meetings: Meetings): boolean {
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
  if (p.source === undefined || q.source === undefined) { return p.source === undefined ? p : q; }
  return byName(p.pd, q.pd) <= 0 ? q : p;
}

function how(p: Provider): string {
  return p.source === undefined
    ? `the env of poddefault ${shownName(p.pd.name, 'name')} (${p.pd.source})`
    : `the envFrom ${p.source.kind} ${shownName(p.source.name, 'name')} of poddefault ${shownName(p.pd.name, 'name')} (${p.pd.source})`;
}
