// What a merge conflict is about, in the words of every message that reports one: the webhook model's
// and the app-wide check's.
import { shownKey, shownMountPath, shownName } from '../names';

const SUBJECTS: Record<string, (key: string) => string> = {
  'volume': key => `volume ${key}`,
  'volume-mount-name': key => `the mount of volume ${key}`,
  'volume-mount-path': key => `the mount at ${key}`,
  'env': key => `env var ${key}`,
  'label': key => `pod label ${key}`,
  'annotation': key => `pod annotation ${key}`,
  'toleration': key => `the toleration of key ${key}`,
  'init-container': key => `init container ${key}`,
  'sidecar': key => `sidecar ${key}`,
};

/**
 * `env var AWS_REGION`, `the mount at /home/jovyan/.aws/ in container nb`: names and keys only, each that may be a
 * credential pasted in its place described (`shownConflictKey`).
 */
export function conflictSubject(rule: string, key: string, container?: string): string {
  const subject = (SUBJECTS[rule] ?? ((k: string) => `${rule} ${k}`))(shownConflictKey(rule, key));
  return container === undefined ? subject : `${subject} in container ${shownName(container, 'name')}`;
}

/** The key of a conflict as a message and a problem's `key` show it: a mount path as a path, any other as a name or key. */
export function shownConflictKey(rule: string, key: string): string {
  return rule === 'volume-mount-path' ? shownMountPath(key) : shownKey(key);
}
