// What a merge conflict is about, in the words of every message that reports one: the webhook model's
// and the app-wide check's.
import { quoteEmpty } from './manifest';

const SUBJECTS: Record<string, (key: string) => string> = {
  'volume': key => `volume ${key}`,
  'volume-mount-name': key => `the mount of volume ${key}`,
  'volume-mount-path': key => `the mount at ${key}`,
  'env': key => `env var ${key}`,
  'label': key => `pod label ${key}`,
  'annotation': key => `pod annotation ${key}`,
  'toleration': key => `the toleration of key ${quoteEmpty(key)}`,
  'init-container': key => `init container ${key}`,
  'sidecar': key => `sidecar ${key}`,
};

/** `env var AWS_REGION`, `the mount at /home/jovyan/.aws/ in container nb`: names and keys only. */
export function conflictSubject(rule: string, key: string, container?: string): string {
  const subject = (SUBJECTS[rule] ?? ((k: string) => `${rule} ${k}`))(key);
  return container === undefined ? subject : `${subject} in container ${container}`;
}
