// `check FILE...`: loads existing manifests into an in-memory cdk8s App, one ApiObject per object, and
// runs the library's synth-time PodDefault validation on them, so a kubectl user gets the same verdict
// as `cdk8s synth` would give.
import { readdirSync, statSync } from 'fs';
import * as path from 'path';
import type { ApiObject } from 'cdk8s';
import { Args, CommandSpec, EXIT_OK, InputError, Io, readInputFile, str, UsageError } from './framework';

/** The id of the chart that holds the loaded objects; their construct paths are `check/o<N>`. */
const CHART_ID = 'check';
const MANIFEST_FILE = /\.(ya?ml|json)$/;

export const checkCommand: CommandSpec = {
  name: 'check',
  summary: 'report PodDefaults in existing manifests that Kubeflow would refuse together',
  synopsis: ['[--namespace NS] [--allow-unlisted [NS/]NAME]... FILE...'],
  description: [
    'Reads manifests (multi-document YAML or JSON, "kind: List" included, as "kubectl get -o yaml" prints them; "-" reads stdin; a directory reads its *.yaml, *.yml and *.json files) and reports, one line each, every problem the library refuses at synth time:',
    'PodDefaults of one namespace that the admission webhook cannot merge (same volume, mount, env var, label, annotation, toleration or container defined differently), mount paths that are one directory spelled differently, two objects with the same group, kind, namespace and name, PodDefaults the notebook spawner cannot list, the spawner\'s own dshm volume or /dev/shm mount, names over 52 characters, and invalid label keys or selectors.',
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

/** One object read from the input, and where it came from. */
interface Loaded {
  readonly location: string;
  readonly manifest: any;
}

async function runCheck(args: Args, io: Io): Promise<number> {
  if (args.positionals.filter(p => p === '-').length > 1) {
    throw new UsageError('"-" is given more than once: stdin can be read once');
  }
  const defaultNamespace = str(args, 'namespace') ?? 'default';
  const allowUnlisted = (args.values['allow-unlisted'] as string[] | undefined) ?? [];
  const yaml = await import('yaml');

  const objects: Loaded[] = [];
  const problems: string[] = [];
  const load = (location: string, manifest: unknown): void => {
    const problem = manifestProblem(manifest);
    if (problem !== undefined) {
      problems.push(`${location}: ${problem}`);
      return;
    }
    objects.push({ location, manifest: withDefaultNamespace(manifest, defaultNamespace) });
  };
  for (const input of expandInputs(args.positionals)) {
    const text = input.file === '-' ? io.readStdin().toString('utf8') : readInputFile(input.file, 'FILE').toString('utf8');
    const docs = yaml.parseAllDocuments(text, { version: '1.1' });
    const list = Array.isArray(docs) ? docs : [docs];
    list.forEach((doc, i) => {
      const where = `${input.name}#${i + 1}`;
      if (doc.errors.length > 0) {
        // The parser's own message quotes the input, which may be a credential: give the position only.
        const error = doc.errors[0];
        const pos = error.linePos?.[0];
        problems.push(`${where}: not valid YAML${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}: ${error.code}`);
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
      if (isObject(value) && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
        value.items.forEach((item: unknown, j: number) => load(`${where}.items[${j}]`, item));
      } else {
        load(where, value);
      }
    });
  }
  if (problems.length > 0) { throw new InputError(problems.join('\n')); }
  if (objects.length === 0) { throw new InputError('the input holds no Kubernetes objects'); }

  const errors = await validate(objects, allowUnlisted);
  if (errors.length > 0) { throw new InputError(errors.join('\n')); }
  const podDefaults = objects.filter(o => isPodDefault(o.manifest));
  const namespaces = new Set(podDefaults.map(o => o.manifest.metadata.namespace));
  io.stdout(`ok: ${count(objects.length, 'object')}, ${count(podDefaults.length, 'PodDefault')} in ${count(namespaces.size, 'namespace')}, no problems\n`);
  return EXIT_OK;
}

/** The files to read, with the names messages use: a directory stands for its manifest files. */
function expandInputs(positionals: readonly string[]): { file: string; name: string }[] {
  const inputs: { file: string; name: string }[] = [];
  for (const p of positionals) {
    if (p === '-') {
      inputs.push({ file: '-', name: 'stdin' });
      continue;
    }
    let isDirectory = false;
    try {
      isDirectory = statSync(p).isDirectory();
    } catch {
      // readInputFile reports a missing or unreadable file.
    }
    if (!isDirectory) {
      inputs.push({ file: p, name: p });
      continue;
    }
    const files = readdirSync(p).filter(f => MANIFEST_FILE.test(f)).sort();
    if (files.length === 0) { throw new InputError(`FILE: directory ${JSON.stringify(p)} holds no *.yaml, *.yml or *.json files`); }
    for (const f of files) { inputs.push({ file: path.join(p, f), name: path.join(p, f) }); }
  }
  return inputs;
}

/** Why `value` is not a Kubernetes object the check can place, or undefined. Names fields only. */
function manifestProblem(value: unknown): string | undefined {
  if (!isObject(value)) { return 'is not a Kubernetes object (a mapping with apiVersion, kind and metadata.name)'; }
  if (typeof value.apiVersion !== 'string' || value.apiVersion === '') { return 'has no apiVersion'; }
  if (typeof value.kind !== 'string' || value.kind === '') { return 'has no kind'; }
  if (!isObject(value.metadata) || typeof value.metadata.name !== 'string' || value.metadata.name === '') {
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

async function validate(objects: readonly Loaded[], allowUnlisted: readonly string[]): Promise<string[]> {
  const { App, ApiObject, Chart } = await import('cdk8s');
  const { PodDefaultValidation } = await import('../pod-default-validation');
  const app = new App();
  const chart = new Chart(app, CHART_ID);
  const locations = new Map<string, string>();
  const allowed = new Set(allowUnlisted);
  objects.forEach((object, i) => {
    let apiObject: ApiObject;
    try {
      apiObject = new ApiObject(chart, `o${i}`, object.manifest);
    } catch {
      throw new InputError(`${object.location}: is not an object cdk8s can load`);
    }
    locations.set(apiObject.node.path, object.location);
    const { name, namespace } = object.manifest.metadata;
    if (isPodDefault(object.manifest) && (allowed.has(name) || allowed.has(`${namespace}/${name}`))) {
      PodDefaultValidation.allowUnlisted(apiObject);
    }
  });
  PodDefaultValidation.attach(app);
  const errors = app.node.findAll().flatMap(c => c.node.validate());
  const pathPattern = new RegExp(`\\b${CHART_ID}/o\\d+\\b`, 'g');
  return errors.map(e => e
    .replace(pathPattern, p => locations.get(p) ?? p)
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

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
