// Rules on one PodDefault at a time.
import { annotationKeyProblem, compareNames, foldPath, isDnsSubdomain, isShownName, kebabCase, labelKeyProblem, labelValueProblem, MAX_PODDEFAULT_NAME_LENGTH, podDefaultNameProblem, quote, quotedName, shownName } from '../../names';
import { listOf, NO_PROBLEMS, ns, PodDefaultFound, selectorRefused } from '../objects';
import { checkProblem, selectorProblem } from '../problem';
import { CheckProblem } from '../types';

/** The notebook spawner gives every notebook pod a `dshm` volume mounted at `/dev/shm`. */
const SPAWNER_VOLUME = 'dshm';
const SPAWNER_MOUNT_PATH = '/dev/shm';
const LABEL_KEY_FIX = 'rename the key';
/**
 * Where the notebook spawner mounts each notebook's workspace volume by default: `workspaceVolume.value.mount`
 * of its spawner_ui_config.yaml (kubeflow/notebooks 177b0986 components/crud-web-apps/jupyter/manifests/base/
 * configs/spawner_ui_config.yaml L153, as in the last kubeflow/kubeflow 6dbe5161 before the move).
 */
const WORKSPACE_MOUNT_PATH = '/home/jovyan';
/**
 * Where the API server's ServiceAccount admission plugin mounts every pod's API token (`DefaultAPITokenMountPath`,
 * kubernetes plugin/pkg/admission/serviceaccount/admission.go, mountServiceAccountToken), unless the pod does not
 * automount it. The plugin runs before MutatingAdmissionWebhook (pkg/kubeapiserver/options/plugins.go,
 * AllOrderedPlugins), so the PodDefault's mount comes second, and the plugin's "existing mount" test never sees it.
 */
const API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

function where(pd: PodDefaultFound): string {
  return `poddefault ${shownName(pd.name, 'name')} (${pd.source}) in namespace ${ns(pd.namespace)}`;
}

function problem(rule: string, pd: PodDefaultFound, message: string, fix: string, key?: string, exempt?: string): CheckProblem {
  return checkProblem({ rule, namespace: pd.namespace, sources: [pd.source], key, message, fix, exempt });
}

/** The webhook's marker annotation of a longer name is not a valid key (see `podDefaultNameProblem`). */
export function nameLength(pd: PodDefaultFound): readonly CheckProblem[] {
  if (pd.name.length <= MAX_PODDEFAULT_NAME_LENGTH || !isDnsSubdomain(pd.name)) { return NO_PROBLEMS; }
  return [problem('name-length', pd, `${where(pd)} has a name that ${podDefaultNameProblem(pd.name)}`,
    `use a name of at most ${MAX_PODDEFAULT_NAME_LENGTH} characters`, shownName(pd.name, 'name'))];
}

/** The API server requires a custom resource's name to be a DNS-1123 subdomain (see `podDefaultNameProblem`). */
export function nameFormat(pd: PodDefaultFound): readonly CheckProblem[] {
  if (isDnsSubdomain(pd.name)) { return NO_PROBLEMS; }
  return [problem('name-format', pd, `${where(pd)} has a name that ${podDefaultNameProblem(pd.name)}`,
    // A name from one not shown would show it, lower-cased.
    isShownName(pd.name) ? `rename it, such as ${quote(suggestedName(pd.name))}` : 'rename it by that rule', shownName(pd.name, 'name'))];
}

function suggestedName(name: string): string {
  const kebab = kebabCase(name).replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return kebab === '' ? 'my-poddefault' : kebab.slice(0, MAX_PODDEFAULT_NAME_LENGTH).replace(/-+$/, '');
}

/** The notebook UI lists a PodDefault as one checkbox that sets its one selector label to "true". */
export function listing(pd: PodDefaultFound): readonly CheckProblem[] {
  // A selector the API server refuses (none at all, which the CRD requires) is the field-type rule's line.
  if (pd.allowUnlisted || selectorRefused(pd)) { return NO_PROBLEMS; }
  const matchLabels = pd.manifest.spec?.selector?.matchLabels ?? {};
  // The notebook UI reads the PodDefault from the API server, whose JSON holds map keys in sorted order.
  const keys = Object.keys(matchLabels);
  if (keys.length === 1 && matchLabels[keys[0]] === 'true') { return NO_PROBLEMS; }
  keys.sort(compareNames);
  let text: string | undefined;
  if (keys.length === 0) {
    text = 'has no spec.selector.matchLabels, which makes the notebook ui fail to list the configurations of the whole namespace';
  } else if (keys.length > 1) {
    text = `has ${keys.length} matchLabels keys, but choosing it in the notebook ui sets only the label ${shownName(keys[0], 'key')}, so it never applies`;
  } else if (matchLabels[keys[0]] !== 'true') {
    const key = shownName(keys[0], 'key');
    text = `selects label ${key} with a value other than "true", but choosing it in the notebook ui sets ${key === keys[0] ? `${key}: "true"` : 'it to "true"'}, so it never applies`;
  }
  if (text === undefined) { return NO_PROBLEMS; }
  return [problem('listing', pd, `${where(pd)} ${text}`, 'select exactly one label with the value "true"', undefined, pd.name)];
}

/**
 * The notebook spawner's own volumes, and the API token's: a PodDefault that uses the `dshm` volume name, or
 * mounts at `/dev/shm`, at the workspace (`/home/jovyan`) or at the API token (`API_TOKEN_MOUNT_PATH`), clashes with every notebook: the webhook refuses a mount of another
 * volume at the same path string (main.go L313). The same path spelled otherwise (`/home/jovyan/`) passes it, and the API
 * server too, which compares mount paths as written (kubernetes `pkg/apis/core/validation/validation.go`
 * `ValidateVolumeMounts`: `mountpoints.Has(mnt.MountPath)`): the container then has two mounts at one directory, as
 * mount-spelling says. Mounting below the workspace (`/home/jovyan/.docker/`) is fine.
 */
export function spawnerVolume(pd: PodDefaultFound): readonly CheckProblem[] {
  const spec = pd.manifest.spec ?? {};
  let usesName = false;
  // Each path used: `undefined` when not, else whether some mount spells it as the pod's own mount does (`spelled`).
  let usesShm: boolean | undefined;
  let usesWorkspace: boolean | undefined;
  let usesApiToken: boolean | undefined;
  const spelled = (held: boolean | undefined, path: string, at: string, mark: string) =>
    (path.includes(mark) && foldPath(path) === at ? held === true || path === at : held);
  const volumes = listOf(spec.volumes);
  for (let i = 0; i < volumes.length; i++) { usesName = usesName || volumes[i]?.name === SPAWNER_VOLUME; }
  const mounts = listOf(spec.volumeMounts);
  for (let i = 0; i < mounts.length; i++) {
    usesName = usesName || mounts[i]?.name === SPAWNER_VOLUME;
    // Folding keeps or drops segments but never makes one, so a path without "shm" (or "jovyan") cannot
    // fold to /dev/shm (or /home/jovyan): most paths are ruled out without folding them.
    const path = String(mounts[i]?.mountPath ?? '');
    usesShm = spelled(usesShm, path, SPAWNER_MOUNT_PATH, 'shm');
    usesWorkspace = spelled(usesWorkspace, path, WORKSPACE_MOUNT_PATH, 'jovyan');
    usesApiToken = spelled(usesApiToken, path, API_TOKEN_MOUNT_PATH, 'serviceaccount');
  }
  if (!usesName && usesShm === undefined && usesWorkspace === undefined && usesApiToken === undefined) { return NO_PROBLEMS; }
  const why = 'which every notebook pod already has, so the webhook refuses every notebook that selects it';
  const problems: CheckProblem[] = [];
  if (usesName) { problems.push(problem('spawner-volume', pd, `${where(pd)} uses the volume name ${SPAWNER_VOLUME}, ${why}`, 'choose another volume name', SPAWNER_VOLUME)); }
  if (usesShm !== undefined) {
    problems.push(problem('spawner-volume', pd, `${where(pd)} mounts at ${SPAWNER_MOUNT_PATH}, which every notebook pod already has${twoMounts(usesShm)}`,
      'choose another mount path', SPAWNER_MOUNT_PATH));
  }
  if (usesWorkspace !== undefined) {
    problems.push(problem('spawner-volume', pd, `${where(pd)} mounts at ${WORKSPACE_MOUNT_PATH}, where the notebook spawner mounts every notebook's `
      + `workspace volume by default (workspaceVolume in its spawner_ui_config.yaml)${twoMounts(usesWorkspace)}`,
      `mount below it, such as ${WORKSPACE_MOUNT_PATH}/.docker/, or elsewhere`, WORKSPACE_MOUNT_PATH));
  }
  if (usesApiToken !== undefined) {
    problems.push(problem('spawner-volume', pd, `${where(pd)} mounts at ${API_TOKEN_MOUNT_PATH}, where the api server's ServiceAccount admission mounts `
      + `the pod's API token before any webhook runs${twoMounts(usesApiToken)} (unless its ServiceAccount token is not automounted)`,
      'mount elsewhere, such as /var/run/secrets/my-credentials', API_TOKEN_MOUNT_PATH));
  }
  return problems;
}

/**
 * Why a mount at a path the notebook pod already has mounted breaks every notebook that selects it: the webhook refuses
 * the path as the pod spells it (`asThePod`); spelled otherwise, the webhook and the API server (which compare the
 * strings) admit it, and the container has two mounts at one directory.
 */
function twoMounts(asThePod: boolean): string {
  return asThePod ? ', so the webhook refuses every notebook that selects it'
    : ' (spelled otherwise here: the webhook and the api server compare mount paths as written, and do not refuse it for the path): the container cannot mount both at one directory, so every notebook that selects it is broken';
}

/** Labels the API server refuses, and a selector the webhook cannot parse (it then refuses every pod). */
export function labelKeysAndSelector(pd: PodDefaultFound): readonly CheckProblem[] {
  const spec = pd.manifest.spec ?? {};
  // A selector that parsed holds valid matchLabels keys: only spec.labels is left to read then, and
  // most PodDefaults set none.
  if (pd.selector.error === undefined && (spec.labels === undefined || spec.labels === null)) { return NO_PROBLEMS; }
  const problems: CheckProblem[] = [];
  const badSelectorKeys = new Set<string>();
  const maps = pd.selector.error === undefined
    ? [['spec.labels', spec.labels]] as const
    : [['spec.selector.matchLabels', spec.selector?.matchLabels], ['spec.labels', spec.labels]] as const;
  for (const [field, map] of maps) {
    if (map === undefined || map === null) { continue; }
    for (const key of Object.keys(map)) {
      const keyProblem = labelKeyProblem(key);
      if (keyProblem === undefined) {
        // The API server validates the labels of the pod the webhook wrote (ValidateObjectMeta), values too;
        // a matchLabels value is the selector rule's.
        const valueProblem = field === 'spec.labels' ? labelValueProblem(map[key]) : undefined;
        if (valueProblem !== undefined) {
          problems.push(problem('label-value', pd, `${where(pd)} sets the label ${quotedName(key, 'key')} in spec.labels to a value the api server refuses on `
            + `every notebook that selects it: ${valueProblem}`, 'change the value', shownName(key, 'key')));
        }
        continue;
      }
      if (field === 'spec.selector.matchLabels') { badSelectorKeys.add(key); }
      problems.push(problem('label-key', pd, `${where(pd)} has the invalid label key ${quotedName(key, 'key')} in ${field}: ${keyProblem}`, LABEL_KEY_FIX, shownName(key, 'key')));
    }
  }
  if (pd.selector.error !== undefined && !badSelectorKeys.has(pd.selector.key ?? '')) {
    problems.push(selectorProblem({ namespace: pd.namespace, source: pd.source, subject: where(pd), selector: pd.selector,
      consequence: 'which makes the webhook refuse every pod of the namespace' }));
  }
  return problems;
}

/**
 * Annotation keys the API server refuses on the pod the webhook copies them to: ValidateAnnotations
 * checks each key, lower-cased, as a qualified name (the rule of a label key).
 */
export function annotationKeys(pd: PodDefaultFound): readonly CheckProblem[] {
  const annotations = pd.manifest.spec?.annotations;
  if (annotations === undefined || annotations === null) { return NO_PROBLEMS; }
  let problems: CheckProblem[] | undefined;
  for (const key of Object.keys(annotations)) {
    const keyProblem = annotationKeyProblem(key);
    if (keyProblem === undefined) { continue; }
    (problems ??= []).push(problem('annotation-key', pd, `${where(pd)} has the invalid annotation key ${quotedName(key, 'key')} in spec.annotations, which the api server `
      + `refuses on every notebook that selects it (it checks the key in lower case as a label key): ${keyProblem}`, LABEL_KEY_FIX, shownName(key, 'key')));
  }
  return problems ?? NO_PROBLEMS;
}

