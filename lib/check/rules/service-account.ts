import { compareNames } from '../../names';
import { NO_PROBLEMS, ns, PodDefaultFound } from '../objects';
import { checkProblem } from '../problem';
import { coSelectable, describeLabels, witness } from '../selection';
import { CheckProblem } from '../types';

/**
 * Two PodDefaults one pod can select that set different `serviceAccountName`s: the webhook never
 * compares them and sets each in turn, so the pod runs as the last one's by name, without a word
 * (kubeflow/dashboard `components/poddefaults-webhooks/main.go`, `applyPodDefaultsOnPod`, lines 532-533
 * at d842464; `safeToApplyPodDefaultsOnPod` checks no service account). The cloud then trusts one
 * account and sees the other.
 */
export function serviceAccounts(group: readonly PodDefaultFound[], namespace: string): readonly CheckProblem[] {
  let setters: PodDefaultFound[] | undefined;
  for (let i = 0; i < group.length; i++) {
    if (accountOf(group[i]) !== undefined) { (setters ??= []).push(group[i]); }
  }
  if (setters === undefined || setters.length < 2) { return NO_PROBLEMS; }
  const problems: CheckProblem[] = [];
  for (let i = 0; i < setters.length; i++) {
    for (let j = i + 1; j < setters.length; j++) {
      // The webhook applies PodDefaults in name order: `later` is the one whose account the pod keeps.
      const [earlier, later] = compareNames(setters[i].name, setters[j].name) <= 0 ? [setters[i], setters[j]] : [setters[j], setters[i]];
      const first = accountOf(earlier)!;
      const last = accountOf(later)!;
      if (first === last || earlier.name === later.name) { continue; }
      if (namespace !== '' && earlier.floating && later.floating) { continue; }
      if (!coSelectable(earlier, later)) { continue; }
      problems.push(checkProblem({
        rule: 'service-account',
        namespace,
        sources: [earlier.source, later.source],
        key: 'serviceAccountName',
        message: `poddefault ${earlier.name} (${earlier.source}) sets serviceAccountName ${first} and poddefault ${later.name} (${later.source}) `
          + `sets ${last} in namespace ${ns(namespace)}: the webhook gives a notebook that selects both (${describeLabels(witness([earlier, later]))}) `
          + `the account of the later by name, ${last}, without a warning`,
        fix: 'set serviceAccountName in one of them only, or make the two exclusive by giving both an env var of one name whose value is their own name',
      }));
    }
  }
  return problems;
}

/** The account a PodDefault sets: the webhook ignores an empty one. */
function accountOf(pd: PodDefaultFound): string | undefined {
  const account = pd.manifest.spec?.serviceAccountName;
  return typeof account === 'string' && account !== '' ? account : undefined;
}
