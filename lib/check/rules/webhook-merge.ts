import { foldPath, quote } from '../../names';
import { MergeConflict, mergePodDefaults } from '../../admission/merge';
import { listOf, NO_PROBLEMS, ns, PodDefaultFound } from '../objects';
import { checkProblem } from '../problem';
import { byName, coSelectable, describeLabels, exclusive, witness, worlds } from '../selection';
import { CheckProblem } from '../types';

const SUBJECTS: Record<string, (key: string) => string> = {
  'volume': key => `volume ${key}`,
  'volume-mount-name': key => `the mount of volume ${key}`,
  'volume-mount-path': key => `the mount at ${key}`,
  'env': key => `env var ${key}`,
  'label': key => `pod label ${key}`,
  'annotation': key => `pod annotation ${key}`,
  'toleration': key => `the toleration of key ${quote(key)}`,
  'init-container': key => `init container ${key}`,
  'sidecar': key => `sidecar ${key}`,
};

/**
 * What the webhook refuses when one notebook selects several PodDefaults of the namespace. Each set of
 * PodDefaults one pod can select at most (see `worlds`) is merged into a pod with one container and the
 * labels that select them all; when there is no such small family of sets, every pair that one pod can
 * select is merged instead (a merge of all at once would report pairs that never meet).
 */
export function webhookMerge(group: readonly PodDefaultFound[], namespace: string): readonly CheckProblem[] {
  if (cannotClash(group)) { return NO_PROBLEMS; }
  const problems: CheckProblem[] = [];
  const reported = new Set<string>();
  const sets = worlds(group) ?? pairsAndSingles(group);
  for (const set of sets) {
    const labels = witness(set) ?? {};
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'notebook', namespace, labels },
      spec: { containers: [{ name: 'notebook', image: 'notebook' }] },
    };
    const { conflicts } = mergePodDefaults(pod, set.map(pd => pd.manifest));
    for (const c of conflicts) {
      const parties = partiesOf(c, set);
      if (parties === undefined) { continue; }
      const [a, b] = parties;
      if (namespace !== '' && a.floating && b.floating) { continue; }
      const id = `${c.rule}\n${c.key}\n${a.index}\n${b.index}`;
      if (reported.has(id)) { continue; }
      reported.add(id);
      problems.push(describe(c, a, b, namespace));
    }
  }
  return problems;
}

/** The two PodDefaults of a conflict; a clash with a selection label is the selecting PodDefault's. */
function partiesOf(c: MergeConflict, set: readonly PodDefaultFound[]): [PodDefaultFound, PodDefaultFound] | undefined {
  const sources = c.sources.map(s => (s < 0 && c.rule === 'label' ? set.findIndex(pd => pd.selector.requirements.some(r => r.key === c.key)) : s));
  if (sources.some(s => s < 0)) { return undefined; }
  return [set[sources[0]], set[sources[1]]];
}

function describe(c: MergeConflict, a: PodDefaultFound, b: PodDefaultFound, namespace: string): CheckProblem {
  const subject = (SUBJECTS[c.rule] ?? ((k: string) => `${c.rule} ${k}`))(c.key);
  if (a === b) {
    return checkProblem({
      rule: c.rule,
      namespace,
      sources: [a.source],
      key: c.key,
      message: `${subject} is defined twice, differently, by poddefault ${a.name} (${a.source}) in namespace ${ns(namespace)}: `
        + `the webhook refuses every notebook that selects it (${describeLabels(witness([a]))})`,
      fix: 'keep one definition',
    });
  }
  return checkProblem({
    rule: c.rule,
    namespace,
    sources: [a.source, b.source],
    key: c.key,
    message: `${subject} differs between poddefaults ${a.name} (${a.source}) and ${b.name} (${b.source}) in namespace ${ns(namespace)}: `
      + `the webhook refuses every notebook that selects both (${describeLabels(witness([a, b]))})`,
    fix: `make the two definitions identical or rename one${dockerHint(c)}`,
  });
}

/**
 * Two Docker configs clash on `~/.docker/`, where Docker reads one config.json: logins to several
 * registries belong in one config.
 */
function dockerHint(c: MergeConflict): string {
  return c.rule === 'volume-mount-path' && foldPath(c.key).endsWith('/.docker')
    ? ', or put the logins to both registries in one config.json with DockerConfig.fromLogins'
    : '';
}

/** Fields whose merge can clash beyond volumes, mounts and env: their presence needs the full merge. */
const RARE_FIELDS = ['labels', 'annotations', 'tolerations', 'initContainers', 'sidecars'];

/**
 * Whether no merge of the group can clash, seen without merging: only volumes, mounts and env are set,
 * and each volume name, mount name, mount path and env name is set by one PodDefault, once, or only by
 * PodDefaults that exclude each other. Most namespaces are like this, and merging costs far more.
 */
function cannotClash(group: readonly PodDefaultFound[]): boolean {
  // Two maps rather than one by a joined key (a string per name) or one per kind of name: this runs for
  // every namespace of the app. Volume names, mount paths and env names share one: when two of them are
  // equal the merge decides, which only costs time. Mount names have their own: each names a volume of
  // its own PodDefault. `String` names as the joined key did.
  const names: Holders = new Map();
  const mountNames: Holders = new Map();
  for (let i = 0; i < group.length; i++) {
    const pd = group[i];
    const spec = pd.manifest.spec ?? {};
    for (let f = 0; f < RARE_FIELDS.length; f++) {
      if (spec[RARE_FIELDS[f]] !== undefined) { return false; }
    }
    const volumeList = listOf(spec.volumes);
    for (let j = 0; j < volumeList.length; j++) {
      if (!hold(names, String(volumeList[j]?.name), pd)) { return false; }
    }
    const mountList = listOf(spec.volumeMounts);
    for (let j = 0; j < mountList.length; j++) {
      if (!hold(mountNames, String(mountList[j]?.name), pd) || !hold(names, String(mountList[j]?.mountPath), pd)) { return false; }
    }
    const envList = listOf(spec.env);
    for (let j = 0; j < envList.length; j++) {
      if (!hold(names, String(envList[j]?.name), pd)) { return false; }
    }
  }
  return true;
}

/** The PodDefaults that set one name: one alone, as most names are, without a list. */
type Holders = Map<string, PodDefaultFound | PodDefaultFound[]>;

/**
 * Records that `pd` sets `name`; false when another PodDefault that one pod can select with it (or
 * `pd` itself) already does.
 */
function hold(holders: Holders, name: string, pd: PodDefaultFound): boolean {
  const held = holders.get(name);
  if (held === undefined) {
    holders.set(name, pd);
    return true;
  }
  if (!Array.isArray(held)) {
    if (held === pd || !exclusive(held, pd)) { return false; }
    holders.set(name, [held, pd]);
    return true;
  }
  for (let i = 0; i < held.length; i++) {
    if (held[i] === pd || !exclusive(held[i], pd)) { return false; }
  }
  held.push(pd);
  return true;
}

function pairsAndSingles(group: readonly PodDefaultFound[]): PodDefaultFound[][] {
  const sorted = [...group].sort(byName);
  const sets: PodDefaultFound[][] = sorted.map(pd => [pd]);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (coSelectable(sorted[i], sorted[j])) { sets.push([sorted[i], sorted[j]]); }
    }
  }
  return sets;
}
