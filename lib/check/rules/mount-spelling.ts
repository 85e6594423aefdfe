import { foldPath, shownMountPath, shownName } from '../../names';
import { append, NO_PROBLEMS, ns, PodDefaultFound } from '../objects';
import { MAX_PAIRS, pairProblems } from '../pair-report';
import { checkProblem } from '../problem';
import { Entry, Meetings, Pair } from '../selection';
import { CheckProblem } from '../types';

/**
 * The webhook compares mount paths as strings (main.go L313), so `/a/b/` and `/a//b` pass it, and the
 * kubelet then cannot mount both at one directory. Judged for PodDefaults one pod can select together,
 * and within one PodDefault.
 */
export function mountSpelling(group: readonly PodDefaultFound[], namespace: string,
  meetings: Meetings = new Meetings(group, namespace)): readonly CheckProblem[] {
  if (!hasSpellings(group)) { return NO_PROBLEMS; }
  const byDirectory = new Map<string, Entry<string>[]>();
  for (const pd of group) {
    const mounts = pd.manifest.spec?.volumeMounts;
    if (!Array.isArray(mounts)) { continue; }
    for (const mount of mounts) {
      const path = String(mount?.mountPath ?? '');
      const folded = foldPath(path);
      const list = byDirectory.get(folded) ?? [];
      list.push({ pd, klass: path, item: path });
      byDirectory.set(folded, list);
    }
  }
  const problems: CheckProblem[] = [];
  byDirectory.forEach((entries, folded) => {
    if (entries.every(e => e.klass === entries[0].klass)) { return; }
    const describe = ([a, b]: Pair<string>) => checkProblem({
      rule: 'mount-spelling',
      namespace,
      sources: a.pd === b.pd ? [a.pd.source] : [a.pd.source, b.pd.source],
      key: shownMountPath(folded),
      message: `mount paths ${shownMountPath(a.item)} of poddefault ${shownName(a.pd.name, 'name')} (${a.pd.source}) and ${shownMountPath(b.item)} of poddefault `
        + `${shownName(b.pd.name, 'name')} (${b.pd.source}) in namespace ${ns(namespace)} are the same directory spelled differently: the webhook `
        + 'does not see the clash and the container cannot mount both',
      fix: 'spell them the same way or use different directories',
    });
    // Many pairs of PodDefaults that spell the directory once each, counted.
    const { counted, listed } = meetings.summary(entries, MAX_PAIRS);
    const pairs: Pair<string>[] = [];
    for (const pair of counted !== undefined ? [] : meetings.clashes(entries, { anyEntry: true, listed })) {
      // One PodDefault that spells the directory twice is reported on its own: at most once each.
      if (pair[0].pd === pair[1].pd) { problems.push(describe(pair)); } else { pairs.push(pair); }
    }
    append(problems, pairProblems({
      pairs,
      counted,
      parties: ([a, b]) => [a.pd, b.pd],
      describe,
      what: `spell the directory ${folded} differently in namespace ${ns(namespace)}`,
    }));
  });
  return problems;
}

/** Whether two mounts of the group spell one directory differently: rare, and cheap to rule out. */
function hasSpellings(group: readonly PodDefaultFound[]): boolean {
  const first = new Map<string, string>();
  for (let i = 0; i < group.length; i++) {
    const mounts = group[i].manifest.spec?.volumeMounts;
    if (!Array.isArray(mounts)) { continue; }
    for (let j = 0; j < mounts.length; j++) {
      const path = String(mounts[j]?.mountPath ?? '');
      const folded = foldPath(path);
      const seen = first.get(folded);
      if (seen === undefined) { first.set(folded, path); } else if (seen !== path) { return true; }
    }
  }
  return false;
}
