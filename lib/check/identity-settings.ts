// The env settings of the cloud-identity rule: the variables that say where an SDK's credentials file is and which
// profile of it it reads (botocore's AWS_PROFILE, AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE, HOME; gcloud's
// CLOUDSDK_CONFIG), read from a PodDefault's env and envFrom sources as the kubelet sets them (`$(VAR)` expanded,
// admission/env-expansion.ts), joined for a pod of two PodDefaults, and botocore's profile and HOME in them. The rule
// (rules/cloud-identity.ts) judges which credentials a pod gets with them.
import { DEFAULT_HOME } from '../access/home-directory';
import { containerEnv, ResolvedVariable } from '../admission/env-expansion';
import { mergePodDefaults } from '../admission/merge';
import { compareNames } from '../names';
import { DataKeys } from './data-keys';
import { listOf, PodDefaultFound } from './objects';
import { notebookPod } from './pair-admission';

/**
 * botocore's variables for its files and profile. botocore 1.43 configprovider.py: `profile` (AWS_DEFAULT_PROFILE,
 * then AWS_PROFILE) and `credentials_file`; HOME, which `~` and `$HOME` in it stand for (configloader.py
 * raw_config_parse expands them); `config_file` (AWS_CONFIG_FILE, else ~/.aws/config), where profiles may assume a
 * role, run a process or hold keys too.
 */
export const AWS_SETTINGS: readonly string[] = ['AWS_DEFAULT_PROFILE', 'AWS_PROFILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE', 'HOME'];
/**
 * gcloud's variables for its directory: google-auth (Python) `google/auth/_cloud_sdk.py` get_config_path: CLOUDSDK_CONFIG
 * when set, else ~/.config/gcloud, `~` the container's HOME (`os.path.expanduser`; google-auth-library for Node reads
 * `$HOME/.config/gcloud` alone: `_tryGetApplicationCredentialsFromWellKnownFile`).
 */
export const GCLOUD_SETTINGS: readonly string[] = ['CLOUDSDK_CONFIG', 'HOME'];
const SETTING_NAMES: ReadonlySet<string> = new Set([...AWS_SETTINGS, ...GCLOUD_SETTINGS]);

/**
 * One of `SETTING_NAMES` in a PodDefault: its value as the kubelet sets it (`$(VAR)` expanded, see
 * `containerEnvOf`), or `undefined` when the check does not know it (a `valueFrom`, an `envFrom` source, or a
 * value that refers to one of them).
 */
export interface Setting {
  readonly pd: PodDefaultFound;
  readonly value: string | undefined;
  readonly fromEnv: boolean;
  /**
   * Whether its value refers to a variable its PodDefault's env does not set before it (env-expansion.ts
   * `outside`): in a pod of another PodDefault too, it may be another.
   */
  readonly outside: boolean;
}
export type Settings = ReadonlyMap<string, Setting>;
export const NO_SETTINGS: Settings = new Map();

/**
 * The variables of `SETTING_NAMES` a PodDefault sets in the container: by `env` (which beats `envFrom`), or by a
 * known `envFrom` source. A value with a `$` is the kubelet's expansion of it in a pod of this PodDefault alone.
 */
export function settingsOf(pd: PodDefaultFound, namespace: string, keys: DataKeys): Settings {
  const spec = pd.manifest.spec ?? {};
  const env = listOf(spec.env);
  const expanded = env.some(e => SETTING_NAMES.has(e?.name) && typeof e.value === 'string' && e.value.includes('$')) ? containerEnvOf([pd], namespace, keys) : undefined;
  let settings: Map<string, Setting> | undefined;
  for (const entry of env) {
    if (!SETTING_NAMES.has(entry?.name)) { continue; }
    settings ??= new Map();
    const resolved = expanded?.get(entry.name);
    const value = resolved !== undefined ? resolved.value : entry.valueFrom === undefined && typeof entry.value === 'string' ? entry.value : undefined;
    settings.set(entry.name, { pd, value, fromEnv: true, outside: resolved?.outside ?? false });
  }
  for (const from of listOf(spec.envFrom)) {
    const prefix = typeof from?.prefix === 'string' ? from.prefix : '';
    for (const key of keys.ofEnvFrom(from, namespace) ?? []) {
      const name = prefix + key;
      if (SETTING_NAMES.has(name) && !settings?.get(name)?.fromEnv) {
        settings ??= new Map();
        settings.set(name, { pd, value: undefined, fromEnv: false, outside: false });
      }
    }
  }
  return settings ?? NO_SETTINGS;
}

/** Whether a setting of `settings` refers to a variable from outside its env: then its value in a pod of two PodDefaults is the pair's. */
export function hasOutside(settings: Settings | undefined): boolean {
  if (settings === undefined) { return false; }
  for (const setting of settings.values()) {
    if (setting.outside) { return true; }
  }
  return false;
}

/**
 * The names of `pd`'s env entries whose values may refer to a variable (a `$(`). Another PodDefault that sets one of
 * them too (the same entry, or the webhook refuses the pair) may put it first in the pod, before the variables it
 * refers to: its value in that pod is the pair's.
 */
export function referringNames(pd: PodDefaultFound): ReadonlySet<string> {
  const names = new Set<string>();
  for (const entry of listOf(pd.manifest.spec?.env)) {
    if (typeof entry?.name === 'string' && typeof entry.value === 'string' && entry.value.includes('$(')) { names.add(entry.name); }
  }
  return names;
}

/** The names `pd`'s env sets. */
export function envNames(pd: PodDefaultFound): ReadonlySet<string> {
  return new Set(listOf(pd.manifest.spec?.env).map(entry => entry?.name).filter((name): name is string => typeof name === 'string'));
}

/**
 * The env the kubelet gives the notebook's container once the webhook merged `pds` into it, in its order (by
 * name, each PodDefault's env in its own order, the first entry of a name kept: merge.ts `mergePodDefaults`), its
 * `env` values expanded (env-expansion.ts `containerEnv`) with the keys of the `envFrom` sources the input holds.
 * The notebook's own env (the spawner's) is not seen.
 */
export function containerEnvOf(pds: readonly PodDefaultFound[], namespace: string, keys: DataKeys): Map<string, ResolvedVariable> {
  const ordered = [...pds].sort((a, b) => compareNames(a.name, b.name));
  // Their env and envFrom alone: the rest merges apart from them, and a pair's merge is the cost of the pairs that refer outside.
  const envOnly = (pd: PodDefaultFound) => ({ ...pd.manifest, spec: { env: pd.manifest.spec?.env, envFrom: pd.manifest.spec?.envFrom } });
  const container = mergePodDefaults(notebookPod(namespace), ordered.map(envOnly)).pod.spec.containers[0];
  const envFrom = listOf(container.envFrom).map(from => {
    const prefix = typeof from?.prefix === 'string' ? from.prefix : '';
    return keys.ofEnvFrom(from, namespace)?.map(key => prefix + key);
  });
  return containerEnv(envFrom, listOf(container.env));
}

/**
 * The env of a pod that selects two PodDefaults, as far as `SETTING_NAMES` go: the webhook merges their
 * env (two values of one name it refuses, unless equal), and the container's `env` beats its `envFrom`.
 * A value that refers to a variable is expanded as the kubelet expands it in that pod (`expanded`).
 */
export function pairSettings(own: Settings, other: Settings, expanded?: ReadonlyMap<string, ResolvedVariable>): Settings {
  const merged = new Map(own);
  other.forEach((setting, name) => {
    const held = merged.get(name);
    if (held === undefined || (!held.fromEnv && setting.fromEnv)) { merged.set(name, setting); }
  });
  expanded?.forEach((resolved, name) => {
    const held = merged.get(name);
    if (held?.fromEnv === true) { merged.set(name, { ...held, value: resolved.value, outside: resolved.outside }); }
  });
  return merged;
}

/**
 * The profile botocore reads by default in a container of env `settings`: `AWS_DEFAULT_PROFILE`, else
 * `AWS_PROFILE`, else `default` (botocore 1.43 `configprovider.py`, the `profile` variable; `credentials.py`,
 * `create_credential_resolver`), with the variable that names it; undefined when the one it reads has a value
 * the check does not know (a reference, an `envFrom` source). An empty one (`''`) makes botocore raise
 * ProfileNotFound before it tries any credential, keys in the env, a web identity, a file or the container
 * endpoint (`session.py` `get_scoped_config`: an empty profile is set, and in no file; recorded with 1.43.11
 * in test/identity/sdk-reference.test.ts): loud, not a silent choice, so no AWS pair is reported then.
 */
export function botocoreProfile(settings: Settings): { readonly profile: string; readonly variable?: string; readonly setting?: Setting } | undefined {
  const variable = ['AWS_DEFAULT_PROFILE', 'AWS_PROFILE'].find(n => settings.has(n));
  if (variable === undefined) { return { profile: 'default' }; }
  const setting = settings.get(variable)!;
  if (setting.value === undefined) { return undefined; }
  return { profile: setting.value, variable, setting };
}

/**
 * The container's HOME in env `settings`: the one a PodDefault sets, else the Kubeflow images' (`DEFAULT_HOME`);
 * undefined when a PodDefault sets it to a value the check does not know. A HOME the notebook itself sets is not seen.
 */
export function homeOf(settings: Settings): string | undefined {
  const home = settings.get('HOME');
  return home === undefined ? DEFAULT_HOME : home.value;
}
