import { shownName } from '../../names';
import { NO_PROBLEMS, ns, PodDefaultFound } from '../objects';
import { MAX_PAIRS, pairProblems } from '../pair-report';
import { checkProblem } from '../problem';
import { describeLabels, Entry, Meetings, witness } from '../selection';
import { CheckProblem } from '../types';

/**
 * Two PodDefaults one pod can select that set different `serviceAccountName`s: the webhook never
 * compares them and sets each in turn, so the pod runs as the last one's by name, without a word
 * (kubeflow/dashboard `components/poddefaults-webhooks/main.go`, `applyPodDefaultsOnPod`, lines 532-533
 * at d842464; `safeToApplyPodDefaultsOnPod` checks no service account). The cloud then trusts one
 * account and sees the other. Each pair once, in the group's (name) order; the accounts are entries of
 * the group's index (selection.ts), their class the account, so that PodDefaults that exclude each
 * other are never compared one by one.
 */
export function serviceAccounts(group: readonly PodDefaultFound[], namespace: string,
  meetings: Meetings = new Meetings(group, namespace)): readonly CheckProblem[] {
  let setters: Entry<number>[] | undefined;
  for (let i = 0; i < group.length; i++) {
    const account = accountOf(group[i]);
    if (account === undefined) { continue; }
    setters ??= [];
    setters.push({ pd: group[i], klass: account, item: setters.length });
  }
  const first = setters?.[0].klass;
  if (setters === undefined || setters.every(s => s.klass === first) || !meetings.mayClash(setters)) { return NO_PROBLEMS; }
  // Many pairs counted, each PodDefault of its own name; the first by the earlier PodDefault.
  const { counted, listed } = meetings.summary(setters, MAX_PAIRS, { distinctNames: true, order: 'earlier' });
  // The pairs come by the later PodDefault; reported by the earlier one, as they read in the group.
  const pairs = counted !== undefined ? [] : meetings.pairs(setters, { listed }).sort((x, y) => x[0].item - y[0].item || x[1].item - y[1].item);
  // One name twice is the duplicate rule's.
  return pairProblems({
    pairs: pairs.filter(([a, b]) => a.pd.name !== b.pd.name),
    counted,
    parties: ([a, b]) => [a.pd, b.pd],
    describe: ([a, b]) => {
      // The webhook applies PodDefaults in name order: `later` is the one whose account the pod keeps.
      const [earlier, later] = [a.pd, b.pd];
      const [first, last] = [shownName(a.klass, 'name'), shownName(b.klass, 'name')];
      return checkProblem({
        rule: 'service-account',
        namespace,
        sources: [earlier.source, later.source],
        key: 'serviceAccountName',
        message: `poddefault ${shownName(earlier.name, 'name')} (${earlier.source}) sets serviceAccountName ${first} and poddefault ${shownName(later.name, 'name')} (${later.source}) `
          + `sets ${last} in namespace ${ns(namespace)}: the webhook gives a notebook that selects both (${describeLabels(witness([earlier, later]))}) `
          + `the account of the later by name, ${last}, without a warning`,
        fix: 'set serviceAccountName in one of them only, or make the two exclusive by giving both an env var of one name whose value is their own name',
      });
    },
    what: `set different serviceAccountNames in namespace ${ns(namespace)}`,
  });
}

/** The account a PodDefault sets: the webhook ignores an empty one. */
function accountOf(pd: PodDefaultFound): string | undefined {
  const account = pd.manifest.spec?.serviceAccountName;
  return typeof account === 'string' && account !== '' ? account : undefined;
}
