// `check FILE...`: reads manifests as kubectl does, lets a later input update an earlier one as
// `kubectl apply` would, and reports every problem the library's PodDefault check finds in the result.
import { isUtf8 } from 'buffer';
import { readdirSync, statSync } from 'fs';
import * as path from 'path';
import { checkManifests } from '../check/check-manifests';
import { AllowUnlisted, apiGroup, inNamespace, isConstructMetadata } from '../check/input-model';
import { readManifestText } from '../check/manifest-text';
import { append } from '../check/objects';
import { exemptEntry, problemLine } from '../check/problem';
import { CheckInput, CheckProblem } from '../check/types';
import { isPlainObject } from '../json';
import { dnsLabelRule, isDnsLabel, refusal } from '../names';
import { readAtMost, whyUnreadable } from '../sources/source-file';
import { Args, CommandSpec, EXIT_OK, InputError, Io, str, UsageError } from './framework';
import { EMPTY_PATH } from './input';

const MANIFEST_FILE = /\.(ya?ml|json)$/;
/** The most one input may hold: about 20,000 profiles as `kubectl get -o yaml` prints them, far past any cluster's dump. */
const MANIFEST_LIMIT = 64 * 1024 * 1024;

export const checkCommand: CommandSpec = {
  name: 'check',
  summary: 'report PodDefaults in existing manifests that Kubeflow would refuse together',
  synopsis: ['[--namespace NS] [--allow-unlisted [NS/]NAME]... [--recursive] FILE...'],
  description: [
    'Reads manifests as kubectl does (multi-document YAML, or JSON objects one after another, "kind: List" included, as "kubectl get -o yaml" or "-o json" prints them; "-" reads stdin; a directory reads its *.yaml, *.yml and *.json files, and skips the construct-metadata.json that "cdk8s synth" writes beside them; a kustomization, or a directory that holds one, is one problem that names the "kubectl kustomize DIR" to check instead) and reports, one line each, every problem the library refuses at synth time:',
    'PodDefaults of one namespace that the admission webhook cannot merge (same volume, mount, env var, label, annotation, toleration or container defined differently), mount paths that are one directory spelled differently, an env var set by one PodDefault\'s env and another\'s envFrom source, PodDefaults one pod can select that set different service accounts or two credentials for one cloud, PodDefaults that exclude each other by a marker env var but have one selector, two objects with the same group, kind, namespace and name (an ExternalSecret counts as the Secret it writes, unless it merges into it, and a ClusterExternalSecret as the ExternalSecret it writes in each namespace it targets), PodDefaults the notebook spawner cannot list, the spawner\'s own dshm volume or /dev/shm and workspace (/home/jovyan) mounts and mounts at /var/run/secrets/kubernetes.io/serviceaccount, where the pod\'s API token goes, PodDefault fields the PodDefault CRD does not declare (an image volume, a container\'s restartPolicy, a misspelt field), which "kubectl apply" refuses and the API server otherwise drops, PodDefault fields of a type or pattern its CRD refuses and required fields missing (containerPort: "8080", memory: 1 GB), and metadata fields of any object that ObjectMeta does not declare (metadata.lables) or values of a type it does not declare (a label of an unquoted number), which the API server refuses, PodDefault names that are no DNS-1123 subdomain or over 52 characters, names, owner references and finalizers of any object that the API server refuses (a Service name with a digit first, an APIService not named <version>.<group>, an Indexed Job name too long for its pods\' hostnames, a reserved PriorityClass name or value), annotations over the 256 KiB the API server takes (an object\'s own, or those one or two PodDefaults give a notebook), invalid label keys, label values, annotation keys or selectors (a ClusterExternalSecret\'s namespace selectors too, which make it write no ExternalSecret), Secrets the API server refuses (data that is no base64, a value of the wrong type, a refused key, more than 1 MiB; or what their type asks for missing: a .dockerconfigjson or .dockercfg that is no JSON object, username or password, ssh-privatekey, tls.crt and tls.key, a service account token\'s ServiceAccount annotation), refresh durations External Secrets Operator cannot read (an ExternalSecret\'s refreshInterval, a ClusterExternalSecret\'s refreshTime), ExternalSecret templates Go\'s text/template cannot parse ({{ .my-key }}, an {{ if }} without {{ end }}) or that read a key no spec.data[].secretKey gives, which External Secrets Operator never renders, ExternalSecrets with two spec.data items of one secretKey, which its webhook refuses, and ExternalSecrets with a null list item (an item left empty in YAML), which the API server refuses.',
    'An object of a later FILE replaces the object of an earlier FILE with the same group, kind, namespace and name, as "kubectl apply" of the later FILE would, so "kubectl get poddefaults -A -o yaml | cdk8s-kubeflow-access check - dist/" judges the cluster after the apply; two such objects in one FILE are a problem. Values have the types kubectl reads (YAML 1.1 as sigs.k8s.io/yaml decodes it: "E1" and dates are strings).',
    'Objects are named FILE#N, the N-th document of FILE (FILE#N.items[I] inside a List). Messages name objects, keys and paths, never a value. Exit code 0 when there is no problem, 1 otherwise.',
  ],
  options: [
    {
      heading: 'Options',
      options: {
        'namespace': { type: 'string', value: 'NS', help: 'namespace of objects that name none (of every namespaced kind), as "kubectl apply -n" would apply them (default: default)' },
        'allow-unlisted': { type: 'string', multiple: true, value: '[NS/]NAME', help: 'PodDefault not meant for the notebook spawner: skip the listing rule for it' },
        'recursive': { type: 'boolean', help: 'a directory also reads the files of its subdirectories, at any depth, as one input, as "kubectl apply -R" does (cdk8s writes a folder per chart with FOLDER_PER_CHART_FILE_PER_RESOURCE)' },
      },
    },
  ],
  positionals: { name: 'FILE', min: 1 },
  examples: [
    'cdk8s-kubeflow-access check dist/',
    'cdk8s-kubeflow-access check --recursive dist/',
    'kubectl get poddefaults -n user -o yaml | cdk8s-kubeflow-access check - new-poddefault.yaml',
  ],
  run: runCheck,
};

/** One object read from the input: which input, and the check's view of it. */
interface Loaded {
  readonly input: number;
  readonly check: CheckInput;
  /** Replaced by an object of a later input. */
  replaced: boolean;
}

async function runCheck(args: Args, io: Io): Promise<number> {
  if (args.positionals.filter(p => p === '-').length > 1) {
    throw new UsageError('"-" is given more than once: stdin can be read once');
  }
  const defaultNamespace = str(args, 'namespace') ?? 'default';
  // As the generating commands and `kubectl apply -n` refuse it: objects would be judged in a namespace no apply makes.
  if (!isDnsLabel(defaultNamespace)) {
    throw new InputError(`--namespace: ${refusal(defaultNamespace, dnsLabelRule(), 'a namespace')}: give the namespace objects without one are applied to`);
  }
  const entries = (args.values['allow-unlisted'] as string[] | undefined) ?? [];
  const problem = entries.map(e => AllowUnlisted.entryProblem(e, 'the value')).find(p => p !== undefined);
  if (problem !== undefined) { throw new UsageError(`--allow-unlisted: ${problem}`); }
  const allowed = new AllowUnlisted(entries);

  // Each object by its identity; an object of a later input replaces those of earlier inputs, as
  // `kubectl apply` of the later input would. Objects of one input are all kept, so that the check
  // reports a duplicate inside one input.
  const loaded: Loaded[] = [];
  const byIdentity = new Map<string, Loaded[]>();
  const problems: string[] = [];
  const skipped: string[] = [];
  const recursive = args.values.recursive === true;
  args.positionals.forEach((positional, input) => {
    // Which FILE this is, for a path not shown: with several, the place of the one that names nothing.
    const label = args.positionals.length === 1 ? 'FILE' : `FILE ${input + 1} of ${args.positionals.length}`;
    for (const file of expandInput(positional, problems, recursive)) {
      const text = readManifestFile(io, file.file, problems, label);
      if (text === undefined) { continue; }
      const read = readManifestText(text, file.name);
      if (file.inDirectory && read.objects.length === 0 && read.problems.length > 0 && isConstructMetadata(path.basename(file.file), safeJson(text))) {
        skipped.push(file.name);
        continue;
      }
      append(problems, read.problems);
      for (const object of read.objects) {
        const manifest = inNamespace(object.value, defaultNamespace);
        const { name, namespace } = manifest.metadata;
        const entry: Loaded = {
          input,
          check: { manifest, source: object.source, allowUnlisted: !allowed.none && isPodDefault(manifest) && allowed.matches(namespace ?? '', name) },
          replaced: false,
        };
        loaded.push(entry);
        // Only a later input replaces objects: with one input (a cluster dump), nothing is.
        if (args.positionals.length === 1) { continue; }
        const key = `${apiGroup(manifest.apiVersion)}\n${manifest.kind}\n${namespace ?? ''}\n${name}`;
        const earlier = byIdentity.get(key);
        if (earlier === undefined) {
          byIdentity.set(key, [entry]);
        } else {
          for (const e of earlier) { if (e.input < input) { e.replaced = true; } }
          earlier.push(entry);
        }
      }
    }
  });
  if (skipped.length > 0) {
    io.stderr(`${PROGRAM_CHECK}: skipped ${skipped.join(', ')}: cdk8s's record of construct paths, not a manifest\n`);
  }
  const kept = loaded.filter(l => !l.replaced).map(l => l.check);
  if (kept.length > 0) { append(problems, judge(kept)); }
  if (problems.length > 0) { throw new InputError(problems.join('\n')); }
  if (kept.length === 0) {
    // As kubectl apply refuses it (kubectl 1.32: "error: no objects passed to apply"); `kubectl get ... | check -`
    // passes nothing on when kubectl fails, and its error scrolls past.
    const stdin = args.positionals.includes('-') ? '; stdin holds none when the command before the pipe printed none or failed' : '';
    throw new InputError(`the input holds no Kubernetes objects, which kubectl apply refuses too ("no objects passed to apply"): give manifest files or directories, or "-" with manifests on stdin${stdin}`);
  }
  const podDefaults = kept.filter(o => isPodDefault(o.manifest));
  const namespaces = new Set(podDefaults.map(o => o.manifest.metadata.namespace));
  io.stdout(`ok: ${count(kept.length, 'object')}, ${count(podDefaults.length, 'PodDefault')} in ${count(namespaces.size, 'namespace')}, no problems\n`);
  return EXIT_OK;
}

const PROGRAM_CHECK = 'cdk8s-kubeflow-access check';

/**
 * The files of one input, with the names messages use: a directory stands for its manifest files, and with
 * `recursive` for those of its subdirectories too, in the order of a walk of the tree by name (Go's
 * filepath.Walk, as `kubectl apply -R -f` reads a directory; it follows no symbolic link to a directory).
 */
function expandInput(input: string, problems: string[], recursive: boolean): { file: string; name: string; inDirectory: boolean }[] {
  if (input === '-') { return [{ file: '-', name: 'stdin', inDirectory: false }]; }
  let isDirectory = false;
  try {
    isDirectory = statSync(input).isDirectory();
  } catch {
    // readManifestFile reports a missing or unreadable file.
  }
  if (!isDirectory) {
    if (isKustomization(input)) {
      problems.push(kustomizationProblem(`file ${JSON.stringify(input)}`, path.dirname(input)));
      return [];
    }
    return [{ file: input, name: input, inDirectory: false }];
  }
  const files: string[] = [];
  let subdirectories = false;
  const walk = (dir: string) => {
    // By the bytes of the names in UTF-8, as Go compares strings (filepath.Walk sorts them so); JavaScript's < compares
    // UTF-16 units, which put a name beyond U+FFFF (an emoji) before one of U+E000 to U+FFFF (a full-width letter).
    const entries = readdirSync(dir, { withFileTypes: true }).map(entry => ({ entry, bytes: Buffer.from(entry.name) }));
    for (const { entry } of entries.sort((a, b) => Buffer.compare(a.bytes, b.bytes))) {
      if (entry.isDirectory()) {
        subdirectories = true;
        if (recursive) { walk(path.join(dir, entry.name)); }
      } else if (MANIFEST_FILE.test(entry.name)) {
        files.push(path.join(dir, entry.name));
      }
    }
  };
  walk(input);
  // A directory with a kustomization holds what `kubectl apply -k` builds from, not what it applies: its bases and
  // patches judged one by one would draw problems of objects no apply makes; so do those of its subdirectories
  // (--recursive), which it names by relative paths (`patches/gpu.yaml`).
  const kustomized = [...new Set(files.filter(isKustomization).map(f => path.dirname(f)))];
  for (const dir of kustomized) { problems.push(kustomizationProblem(`directory ${JSON.stringify(dir)}`, dir)); }
  if (kustomized.length > 0) {
    const inKustomized = (f: string) => kustomized.some(dir => f.startsWith(dir + path.sep));
    return files.filter(f => !inKustomized(f)).map(f => ({ file: f, name: f, inDirectory: true }));
  }
  if (files.length === 0) {
    // A cdk8s output of FOLDER_PER_CHART_FILE_PER_RESOURCE: one folder per chart. Given one by one, the charts
    // would be inputs applied in turn, each replacing the objects of the ones before: not the app synth judged.
    const hint = subdirectories && !recursive ? ': pass --recursive to read its subdirectories as one input (cdk8s writes a folder per chart with FOLDER_PER_CHART_FILE_PER_RESOURCE)' : '';
    problems.push(`FILE: directory ${JSON.stringify(input)} holds no *.yaml, *.yml or *.json files${hint}`);
  }
  return files.map(f => ({ file: f, name: f, inDirectory: true }));
}

/**
 * The names of a kustomization file: sigs.k8s.io/kustomize/api v0.21.1 konfig/general.go,
 * RecognizedKustomizationFileNames. `Kustomization`, without an extension, only when given as a FILE: a directory
 * stands for its *.yaml, *.yml and *.json files.
 */
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * Whether `file` is a kustomization: named as one, and unless it reads as a manifest of another kind. kustomize
 * (sigs.k8s.io/kustomize/api types/kustomization.go, EnforceFields) takes a kind only of Kustomization or Component,
 * an apiVersion only of kustomize.config.k8s.io; a Flux Kustomization (kustomize.toolkit.fluxcd.io) or a ConfigMap in
 * a file of that name is a manifest, which `kubectl apply -f` applies and `kubectl kustomize` refuses.
 */
function isKustomization(file: string): boolean {
  return KUSTOMIZATION_FILES.includes(path.basename(file)) && !readsAsOtherManifest(file);
}

/** Whether the first document of `file` has an apiVersion or kind no kustomization has; not when it cannot be read. */
function readsAsOtherManifest(file: string): boolean {
  let text: string;
  try {
    const bytes = readAtMost(file, MANIFEST_LIMIT + 1);
    if (bytes.length > MANIFEST_LIMIT || !isUtf8(bytes)) { return false; }
    text = bytes.toString('utf8');
  } catch {
    return false;
  }
  const first = readManifestText(text, file).objects[0]?.value;
  if (!isPlainObject(first)) { return false; }
  const { apiVersion, kind } = first;
  return (typeof kind === 'string' && kind !== '' && kind !== 'Kustomization' && kind !== 'Component')
    || (typeof apiVersion === 'string' && apiVersion !== '' && !apiVersion.startsWith('kustomize.config.k8s.io/'));
}

/**
 * A kustomization given to check (`what`: the file or the directory that holds it): `kubectl apply -f` reads it
 * as a manifest and fails (kubectl 1.32: "Object 'Kind' is missing"), and its other files are its sources.
 */
function kustomizationProblem(what: string, dir: string): string {
  return `FILE: ${what} is a kustomization, which kubectl apply -k builds, not a manifest for kubectl apply -f: `
    + `check what it builds, as "kubectl kustomize ${shellWord(dir)} | cdk8s-kubeflow-access check -"`;
}

/** `word` as a shell reads it back: as it is when it holds only safe characters, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The text of one input, or `undefined` after adding why it cannot be read. Never echoes its bytes. `label` names
 * the argument in place of a path that is not shown (`FILE 2 of 3`).
 */
function readManifestFile(io: Io, file: string, problems: string[], label: string): string | undefined {
  const what = file === '-' ? 'stdin' : `file ${JSON.stringify(file)}`;
  if (file === '') {
    problems.push(`${label}: the path ${EMPTY_PATH}: give a manifest file or directory, or "-" for stdin`);
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = file === '-' ? io.readStdin(MANIFEST_LIMIT + 1) : readAtMost(file, MANIFEST_LIMIT + 1);
  } catch (e) {
    // A path that names nothing may be a token pasted in its place: shown only when it reads as a
    // manifest's name (dist/, team-a.yaml), as the generating commands never show a path.
    const shown = file === '-' || !['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ERR_INVALID_ARG_VALUE'].includes((e as NodeJS.ErrnoException).code ?? '')
      || /(\.(ya?ml|json)|\/)$/.test(file);
    problems.push(shown ? `FILE: ${what} ${whyUnreadable(e)}: give a manifest file or directory (a path relative to the current directory), or "-" for stdin`
      : `${label}: the path ${whyUnreadable(e)}: give a manifest file or directory, or "-" for stdin; the path is not shown, since it may be a secret given in its place`);
    return undefined;
  }
  if (bytes.length > MANIFEST_LIMIT) {
    problems.push(`FILE: ${what} is larger than 64 MiB, more than this command reads at once: split the input, such as one file per namespace`);
    return undefined;
  }
  if (bytes.includes(0)) {
    problems.push(`FILE: ${what} holds a NUL byte, so it is not YAML or JSON text: check what it names`);
    return undefined;
  }
  if (!isUtf8(bytes)) {
    problems.push(`FILE: ${what} is not UTF-8 text: save it as UTF-8`);
    return undefined;
  }
  // A BOM stays, as TextDecoder's ignoreBOM keeps it: the readers skip it as kubectl does.
  return bytes.toString('utf8');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The library's app-wide check over the loaded objects: the same rules `cdk8s synth` applies, with the
 * exemption from the listing rule worded as this command's flag.
 */
function judge(inputs: readonly CheckInput[]): string[] {
  return checkManifests(inputs).map((p: CheckProblem) => problemLine(p, cliRemedy));
}

function cliRemedy(problem: CheckProblem): string {
  return `pass --allow-unlisted ${exemptEntry(problem)}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function isPodDefault(manifest: any): boolean {
  return manifest.kind === 'PodDefault' && typeof manifest.apiVersion === 'string' && manifest.apiVersion.startsWith('kubeflow.org/');
}
