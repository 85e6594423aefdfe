import { foldPath } from '../../names';
import { NO_PROBLEMS, ns, PodDefaultFound } from '../objects';
import { checkProblem } from '../problem';
import { coSelectable } from '../selection';
import { CheckProblem } from '../types';

/**
 * The webhook compares mount paths as strings, so `/a/b/` and `/a//b` pass it, and the kubelet then
 * cannot mount both at one directory. Judged for PodDefaults one pod can select together.
 */
export function mountSpelling(group: readonly PodDefaultFound[], namespace: string): readonly CheckProblem[] {
  if (!hasSpellings(group)) { return NO_PROBLEMS; }
  const seen = new Map<string, { path: string; pd: PodDefaultFound }[]>();
  const reported = new Set<string>();
  const problems: CheckProblem[] = [];
  for (const pd of group) {
    for (const mount of Array.isArray(pd.manifest.spec?.volumeMounts) ? pd.manifest.spec.volumeMounts : []) {
      const path = String(mount?.mountPath ?? '');
      const folded = foldPath(path);
      const earlier = seen.get(folded) ?? [];
      const first = earlier.find(e => e.path !== path && coSelectable(e.pd, pd) && !(namespace !== '' && e.pd.floating && pd.floating));
      earlier.push({ path, pd });
      seen.set(folded, earlier);
      const pair = `${folded}\n${path}`;
      if (first === undefined || reported.has(pair)) { continue; }
      reported.add(pair);
      problems.push(checkProblem({
        rule: 'mount-spelling',
        namespace,
        sources: [first.pd.source, pd.source],
        key: folded,
        message: `mount paths ${first.path} of poddefault ${first.pd.name} (${first.pd.source}) and ${path} of poddefault `
          + `${pd.name} (${pd.source}) in namespace ${ns(namespace)} are the same directory spelled differently: the webhook `
          + 'does not see the clash and the container cannot mount both',
        fix: 'spell them the same way or use different directories',
      }));
    }
  }
  return problems;
}

/** Whether two mounts of the group spell one directory differently: rare, and cheap to rule out. */
function hasSpellings(group: readonly PodDefaultFound[]): boolean {
  const first = new Map<string, string>();
  // Indexed loops: this runs for every namespace of the app.
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
