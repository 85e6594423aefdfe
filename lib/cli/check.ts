// `check FILE...`: reads manifests as kubectl does, lets a later input update an earlier one as
// `kubectl apply` would, and reports every problem the library's PodDefault check finds in the result.
import { isPlainObject } from '../json';
import { readdirSync, statSync } from 'fs';
import * as path from 'path';
import { checkManifests } from '../check';
import { Args, CommandSpec, EXIT_OK, InputError, Io, str, UsageError } from './framework';
import { inputSource, readInputText } from './input';
import { KUBECTL_YAML, yamlErrorInWords } from './kubectl-yaml';
import { shapeProblem } from '../check/rules/shape';

const MANIFEST_FILE = /\.(ya?ml|json)$/;
/** Why 1 MiB of manifests is enough; a larger input is more likely a wrong path than a real cluster. */
const MANIFEST_LIMIT = 'more than this command reads: split the input, such as one file per namespace';

export const checkCommand: CommandSpec = {
  name: 'check',
  summary: 'report PodDefaults in existing manifests that Kubeflow would refuse together',
  synopsis: ['[--namespace NS] [--allow-unlisted [NS/]NAME]... FILE...'],
  description: [
    'Reads manifests (multi-document YAML or JSON, "kind: List" included, as "kubectl get -o yaml" prints them; "-" reads stdin; a directory reads its *.yaml, *.yml and *.json files) and reports, one line each, every problem the library refuses at synth time:',
    'PodDefaults of one namespace that the admission webhook cannot merge (same volume, mount, env var, label, annotation, toleration or container defined differently), mount paths that are one directory spelled differently, two objects with the same group, kind, namespace and name, PodDefaults the notebook spawner cannot list, the spawner\'s own dshm volume or /dev/shm mount, names over 52 characters, and invalid label keys or selectors.',
    'An object of a later FILE replaces the object of an earlier FILE with the same group, kind, namespace and name, as "kubectl apply" of the later FILE would, so "kubectl get poddefaults -A -o yaml | cdk8s-kubeflow-access check - dist/" judges the cluster after the apply; two such objects in one FILE are a problem. Values have the types kubectl reads (YAML 1.1 as sigs.k8s.io/yaml decodes it: "E1" and dates are strings).',
    'Objects are named FILE#N, the N-th document of FILE (FILE#N.items[I] inside a List). Messages name objects, keys and paths, never a value. Exit code 0 when there is no problem, 1 otherwise.',
  ],
  options: [
    {
      heading: 'Options',
      options: {
        'namespace': { type: 'string', value: 'NS', help: 'namespace of PodDefaults and Secrets that name none, as "kubectl apply -n" would apply them (default: default)' },
        'allow-unlisted': { type: 'string', multiple: true, value: '[NS/]NAME', help: 'PodDefault not meant for the notebook spawner: skip the listing rule for it' },
      },
    },
  ],
  positionals: { name: 'FILE', min: 1 },
  examples: [
    'cdk8s-kubeflow-access check dist/',
    'kubectl get poddefaults -n user -o yaml | cdk8s-kubeflow-access check - new-poddefault.yaml',
  ],
  run: runCheck,
};

/** One object read from the input, where it came from, and whether the listing rule skips it. */
interface LoadedObject {
  readonly manifest: any;
  readonly source: string;
  readonly allowUnlisted: boolean;
}

async function runCheck(args: Args, io: Io): Promise<number> {
  if (args.positionals.filter(p => p === '-').length > 1) {
    throw new UsageError('"-" is given more than once: stdin can be read once');
  }
  const defaultNamespace = str(args, 'namespace') ?? 'default';
  const allowed = new Set((args.values['allow-unlisted'] as string[] | undefined) ?? []);
  const yaml = await import('yaml');

  // Each object by its identity; an object of a later input replaces the one of an earlier input, as
  // `kubectl apply` of the later input would. Objects of one input are all kept, so that the check
  // reports a duplicate inside one input.
  const objects: { readonly input: number; readonly key: string; readonly object: LoadedObject }[] = [];
  const problems: string[] = [];
  args.positionals.forEach((positional, input) => {
    const load = (source: string, value: unknown): void => {
      const problem = manifestProblem(value) ?? shapeProblem(value);
      if (problem !== undefined) {
        problems.push(`${source}: ${problem}`);
        return;
      }
      const manifest = withDefaultNamespace(value, defaultNamespace);
      const key = identity(manifest);
      for (let i = objects.length - 1; i >= 0; i--) {
        if (objects[i].key === key && objects[i].input < input) { objects.splice(i, 1); }
      }
      const { name, namespace } = manifest.metadata;
      const allowUnlisted = isPodDefault(manifest) && (allowed.has(name) || allowed.has(`${namespace}/${name}`));
      objects.push({ input, key, object: { manifest, source, allowUnlisted } });
    };
    for (const file of expandInput(positional, problems)) {
      let text: string;
      try {
        text = readInputText(io, inputSource(file.file), 'FILE', MANIFEST_LIMIT);
      } catch (e) {
        if (e instanceof InputError) { problems.push(e.message); continue; }
        throw e;
      }
      yaml.parseAllDocuments(text, KUBECTL_YAML).forEach((doc, i) => {
        const where = `${file.name}#${i + 1}`;
        const error = yamlErrorInWords(doc);
        if (error !== undefined) {
          problems.push(`${where}: not valid YAML ${error}`);
          return;
        }
        let value: unknown;
        try {
          value = doc.toJS({ maxAliasCount: 100 });
        } catch {
          problems.push(`${where}: not valid YAML: its aliases expand too far or cannot be resolved`);
          return;
        }
        if (value === null || value === undefined) { return; }
        if (isPlainObject(value) && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
          value.items.forEach((item: unknown, j: number) => load(`${where}.items[${j}]`, item));
        } else {
          load(where, value);
        }
      });
    }
  });
  const loaded = objects.map(o => o.object);
  if (loaded.length > 0) { problems.push(...judge(loaded)); }
  if (problems.length > 0) { throw new InputError(problems.join('\n')); }
  if (loaded.length === 0) { throw new InputError('the input holds no Kubernetes objects'); }
  const podDefaults = loaded.filter(o => isPodDefault(o.manifest));
  const namespaces = new Set(podDefaults.map(o => o.manifest.metadata.namespace));
  io.stdout(`ok: ${count(loaded.length, 'object')}, ${count(podDefaults.length, 'PodDefault')} in ${count(namespaces.size, 'namespace')}, no problems\n`);
  return EXIT_OK;
}

/** The files of one input, with the names messages use: a directory stands for its manifest files. */
function expandInput(input: string, problems: string[]): { file: string; name: string }[] {
  if (input === '-') { return [{ file: '-', name: 'stdin' }]; }
  let isDirectory = false;
  try {
    isDirectory = statSync(input).isDirectory();
  } catch {
    // readInputText reports a missing or unreadable file.
  }
  if (!isDirectory) { return [{ file: input, name: input }]; }
  const files = readdirSync(input).filter(f => MANIFEST_FILE.test(f)).sort();
  if (files.length === 0) { problems.push(`FILE: directory ${JSON.stringify(input)} holds no *.yaml, *.yml or *.json files`); }
  return files.map(f => ({ file: path.join(input, f), name: path.join(input, f) }));
}

/** Why `value` is not a Kubernetes object the check can place, or undefined. Names fields only. */
function manifestProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) { return 'is not a Kubernetes object (a mapping with apiVersion, kind and metadata.name)'; }
  if (typeof value.apiVersion !== 'string' || value.apiVersion === '') { return 'has no apiVersion'; }
  if (typeof value.kind !== 'string' || value.kind === '') { return 'has no kind'; }
  if (!isPlainObject(value.metadata) || typeof value.metadata.name !== 'string' || value.metadata.name === '') {
    return `${value.kind} has no metadata.name`;
  }
  if (value.metadata.namespace !== undefined && typeof value.metadata.namespace !== 'string') {
    return `${value.kind} ${value.metadata.name} has a metadata.namespace that is not a string`;
  }
  return undefined;
}

/** kubectl puts a PodDefault or Secret without a namespace into the one it applies to. */
function withDefaultNamespace(manifest: any, namespace: string): any {
  if (manifest.metadata.namespace !== undefined || !(isPodDefault(manifest) || isSecret(manifest))) { return manifest; }
  return { ...manifest, metadata: { ...manifest.metadata, namespace } };
}

/** What `kubectl apply` matches an object by: API group, kind, namespace and name. */
function identity(manifest: any): string {
  const group = manifest.apiVersion.includes('/') ? manifest.apiVersion.split('/')[0] : '';
  return JSON.stringify([group, manifest.kind, manifest.metadata.namespace ?? '', manifest.metadata.name]);
}

/**
 * The library's app-wide check over the loaded objects: the same rules `cdk8s synth` applies, with the
 * library's fix for an unlisted PodDefault spelled as this command's flag.
 */
function judge(objects: readonly LoadedObject[]): string[] {
  return checkManifests(objects).map(p => p.message
    .replace('call PodDefaultValidation.allowUnlisted() on it', 'pass --allow-unlisted NS/NAME'));
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function isPodDefault(manifest: any): boolean {
  return manifest.kind === 'PodDefault' && typeof manifest.apiVersion === 'string' && manifest.apiVersion.startsWith('kubeflow.org/');
}

function isSecret(manifest: any): boolean {
  return manifest.kind === 'Secret' && manifest.apiVersion === 'v1';
}

