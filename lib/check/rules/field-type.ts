// A PodDefault whose fields its CRD's schema refuses: a value of another type (`containerPort: "8080"`,
// `readOnly: "true"`, `ports: {}`, a null list item), a string that is no quantity where the CRD's pattern
// asks for one, a required field missing (a mount without mountPath, an env var without name), or two ports
// of a container with the same containerPort and protocol. The API server validates a custom resource
// against its CRD's schema as it stores it (after pruning and dropping nulls: stored-pod-default.ts), and
// refuses it whatever kubectl's --validate says: that flag is about unknown fields, not the schema. So
// `kubectl apply` fails, and no notebook gets what the PodDefault adds. Two integers the API server stores are
// reported too, as the webhook cannot decode them and so refuses every pod of the namespace: a fraction within
// 1e-9 of a whole number, and a whole number beyond the int32 of a field of `format: int32`.
//
// The shape rule runs first, on the fields the other rules read, and stops at its first problem: when it
// reports, this rule does not run. A required field that is missing because a misspelling of it was pruned
// (`mountpath`) is unknown-field's line, which says so; this rule leaves it out.
import { declaredBeside, INT32_OVERFLOW, NEAR_WHOLE_NUMBER, pathParts, Refusal, shownPath } from '../../admission/stored-pod-default';
import { nearestSpelledAlike, shownName } from '../../names';
import { NO_PROBLEMS, ns, PodDefaultFound } from '../objects';
import { checkProblem } from '../problem';
import { CheckProblem } from '../types';

const REFUSED = ': the api server refuses the PodDefault, so kubectl apply fails (whatever its --validate) and no notebook gets what it adds';

/**
 * A fraction within 1e-9 of a whole number, relatively, kube-openapi takes for an integer (stored-pod-default.ts,
 * isFloat64AJsonInteger), and the API server stores it as written. The webhook reads the namespace's PodDefaults
 * into its Go structs (controller-runtime's client List, kubeflow/kubeflow components/admission-webhook main.go,
 * mutatePods), where Go's JSON decoder refuses a number with a fraction for an integer field; mutatePods then
 * answers with the error ("error fetching poddefaults"), which refuses the pod.
 */
const STORED_NEAR_WHOLE = ': the api server takes it for an integer (kube-openapi\'s IsFloat64AJSONInteger) and stores the fraction, which the webhook '
  + 'cannot decode into its integer field, so it refuses every pod of the namespace, whichever PodDefaults it selects';

/**
 * A whole number beyond int32 in a field of `format: int32` (or an int-or-string port): the API server checks an
 * integer against 64 bits only and stores it, and the webhook cannot decode it into its int32 field, which fails
 * mutatePods as for a stored fraction (stored-pod-default.ts, INT32_OVERFLOW).
 */
const STORED_WIDER_THAN_INT32 = ': the api server stores it (it checks an integer against 64 bits only), which the webhook cannot decode into its '
  + '32-bit integer field (Go\'s int32), so it refuses every pod of the namespace, whichever PodDefaults it selects';

const EXPECTED: Readonly<Record<string, string>> = {
  'string': 'a string',
  'boolean': 'true or false',
  'integer': 'an integer',
  'number': 'a number',
  'int-or-string': 'an integer or a string',
  'object': 'a mapping',
  'map': 'a mapping',
  'list': 'a list',
};

/** Each reason the API server refuses the PodDefault for its fields, named by its path; never a value. */
export function fieldTypes(pd: PodDefaultFound): readonly CheckProblem[] {
  if (pd.refused.length === 0) { return NO_PROBLEMS; }
  const subject = `poddefault ${shownName(pd.name, 'name')} (${pd.source}) in namespace ${ns(pd.namespace)}`;
  const problems: CheckProblem[] = [];
  for (const refusal of pd.refused) {
    if (refusal.reason === 'required' && misspeltAs(pd.pruned, refusal) !== undefined) { continue; }
    const { message, fix } = words(refusal);
    const consequence = refusal.reason === 'type' ? storedConsequence(refusal.found) ?? REFUSED : REFUSED;
    problems.push(checkProblem({ rule: 'field-type', namespace: pd.namespace, sources: [pd.source], key: shown(refusal.path), message: `${subject} ${message}${consequence}`, fix }));
  }
  return problems;
}

/** What follows a type refusal the API server stores, which the webhook cannot decode; `undefined` for one it refuses. */
function storedConsequence(found: string): string | undefined {
  if (found === NEAR_WHOLE_NUMBER) { return STORED_NEAR_WHOLE; }
  if (found === INT32_OVERFLOW) { return STORED_WIDER_THAN_INT32; }
  return undefined;
}

/** A path of a refusal as a message shows it, any key that may be a credential described (shownPath). */
function shown(path: string): string {
  return shownPath(pathParts(path));
}

function words(refusal: Refusal): { message: string; fix: string } {
  switch (refusal.reason) {
    case 'type': {
      const expected = EXPECTED[refusal.expected];
      return { message: `has ${refusal.found} at ${shown(refusal.path)}, where the PodDefault CRD declares ${expected}`, fix: typeFix(refusal.expected, refusal.found) };
    }
    case 'pattern':
      return {
        message: `sets ${shown(refusal.path)} to a string that is no ${refusal.pattern}, where the PodDefault CRD's pattern asks for one`,
        fix: 'write a quantity, such as 500m, 2Gi or 1.5',
      };
    case 'required':
      return { message: `has no ${refusal.field} in ${shown(refusal.parent)}, which the PodDefault CRD requires`, fix: `set ${refusal.field}` };
    case 'duplicate': {
      const keys = refusal.keys.join(' and ');
      const tcp = refusal.keys.includes('protocol') ? ' (a port without protocol is TCP)' : '';
      return {
        message: `has ${shown(refusal.path)} with the same ${keys} as ${shown(refusal.first)}${tcp}, which the PodDefault CRD forbids (x-kubernetes-list-type: map)`,
        fix: `remove one of them, or change its ${keys}`,
      };
    }
  }
}

function typeFix(expected: string, found: string): string {
  if (found === 'null') { return 'remove the empty item, or give it a value'; }
  if (expected === 'integer' && found === 'a string') { return 'write the number without quotes'; }
  if (expected === 'boolean' && found === 'a string') { return 'write true or false, without quotes'; }
  if (expected === 'string' && (found === 'a number' || found === 'a boolean')) { return 'quote the value'; }
  if (found === 'a number with a fraction' || found === NEAR_WHOLE_NUMBER) { return expected === 'integer' ? 'write a whole number' : 'write a whole number, or quote it (a quantity such as "500m")'; }
  if (found === 'a whole number beyond 64 bits') { return 'write a number the field can hold'; }
  if (found === INT32_OVERFLOW) { return 'write a whole number from -2147483648 to 2147483647'; }
  if (expected === 'list') { return 'write a list, each item on a line that starts with -'; }
  return `write ${EXPECTED[expected]}`;
}

/**
 * The pruned field of the object that lacks `missing`'s field and that spells it otherwise (`mountpath`,
 * `mount_path` for `mountPath`) or misspells it nearest of the fields declared there (`selecter` for `selector`, names.ts
 * nearestSpelledAlike), or `undefined`.
 *
 * @internal
 */
export function misspeltAs(pruned: readonly string[], missing: Refusal & { reason: 'required' }): string | undefined {
  if (pruned.length === 0) { return undefined; }
  const folded = fold(missing.field);
  for (const path of pruned) {
    if (!path.startsWith(missing.parent)) { continue; }
    // Only a field of that object: `.mountpath`, or a name that is no identifier, `["mount path"]`.
    const rest = path.slice(missing.parent.length);
    if (rest[0] !== '.' && rest[0] !== '[') { continue; }
    const parts = pathParts(rest);
    if (parts.length !== 1 || typeof parts[0] !== 'string') { continue; }
    // A misspelling of the missing field, unless it misspells another declared field nearer (`secreName` beside a
    // missing shareName is secretName's): then the missing field's own line stays.
    if (fold(parts[0]) === folded || nearestSpelledAlike(parts[0], declaredBeside(pathParts(path))) === missing.field) { return path; }
  }
  return undefined;
}

/** A field name without case and punctuation: `mount_path`, `MountPath` and `mountPath` are one. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
