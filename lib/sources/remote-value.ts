import { writtenValueProblem } from '../check/written-yaml';
import { valueError } from '../errors';
import { hasControlCharacter, hasLoneSurrogate, NameRule, refusal } from '../names';

/**
 * One value in an External Secrets Operator store: an ExternalSecret's `remoteRef`. Its parts name
 * where a credential is kept, not the credential; still, a refused part is not shown, as no refused value is.
 */
export interface RemoteValue {
  /** The store's key (path, secret name, ...) of the value, such as `kubeflow/registry`. */
  readonly key: string;

  /**
   * The property of a structured (JSON) value to read, such as `password`.
   * @default - the whole value
   */
  readonly property?: string;

  /**
   * The version of the value, in the store's own terms.
   * @default - the store's current version
   */
  readonly version?: string;
}

/**
 * Checks a remote value, `field` naming it in messages: every part is non-empty text without
 * surrounding whitespace or control characters, which no store names a value with, and that kubectl
 * reads back from the ExternalSecret as cdk8s writes it (the check's yaml-scalar rule would refuse it at
 * synth, naming the manifest's field rather than this one).
 */
export function checkRemoteValue(field: string, value: RemoteValue | undefined): void {
  if (value === undefined || value === null || typeof value !== 'object') {
    throw valueError(field, `${field} is missing: give the value's place in the store, such as { key: "kubeflow/registry", property: "password" }`);
  }
  checkPart(field, 'key', value.key);
  if (value.property !== undefined) { checkPart(field, 'property', value.property); }
  if (value.version !== undefined) { checkPart(field, 'version', value.version); }
}

/** A part of a remote value: text without surrounding whitespace, control characters or half a surrogate pair. */
const STORE_TEXT: NameRule = {
  text: 'text without surrounding whitespace or control characters',
  character: /^[^\u0000-\u001f\u007f\ud800-\udfff]$/u, edge: /^\S$/u,
};

function checkPart(field: string, part: string, text: unknown): void {
  if (typeof text !== 'string' || text === '') {
    throw valueError(field, `${field}.${part} is empty: give the ${part} the store keeps the value under${part === 'key' ? '' : `, or leave ${part} out`}`);
  }
  if (text !== text.trim() || hasControlCharacter(text) || hasLoneSurrogate(text)) {
    throw valueError(field, `${field}.${part} ${refusal(text, STORE_TEXT, `a store's ${part}`)}: give it as the store shows it`);
  }
  // Not quoted: JSON leaves these characters as they are.
  const problem = writtenValueProblem(text);
  if (problem !== undefined) { throw valueError(field, `${field}.${part} ${problem}`); }
}
