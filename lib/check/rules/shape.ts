// The types of the PodDefault fields the check reads, as the PodDefault CRD declares them: a manifest
// that gives another type (`volumes: {a: 1}`) is refused with the field named, as the API server would
// refuse it, instead of reaching the other rules with a shape they cannot judge. The CLI applies it
// while it reads its input; checkManifests applies it to every PodDefault it is given.
import { Found } from '../objects';
import { CheckProblem } from '../types';

type Shape = 'string' | 'boolean' | 'object' | 'list of objects' | 'list of strings' | 'map of strings';

/** The fields of a PodDefault's spec the check reads, and their types. */
const SPEC_SHAPES: { readonly [field: string]: Shape } = {
  selector: 'object',
  desc: 'string',
  serviceAccountName: 'string',
  automountServiceAccountToken: 'boolean',
  env: 'list of objects',
  envFrom: 'list of objects',
  volumes: 'list of objects',
  volumeMounts: 'list of objects',
  tolerations: 'list of objects',
  imagePullSecrets: 'list of objects',
  initContainers: 'list of objects',
  sidecars: 'list of objects',
  args: 'list of strings',
  command: 'list of strings',
  annotations: 'map of strings',
  labels: 'map of strings',
};

/** The fields of the selector, and of items of the spec's lists, that name things the check compares. */
const NESTED_SHAPES: { readonly [field: string]: { readonly [field: string]: Shape } } = {
  selector: { matchLabels: 'map of strings', matchExpressions: 'list of objects' },
  env: { name: 'string' },
  volumes: { name: 'string' },
  volumeMounts: { name: 'string', mountPath: 'string', subPath: 'string' },
  initContainers: { name: 'string' },
  sidecars: { name: 'string' },
};

/** Why a PodDefault's fields do not have the CRD's types, naming the first such field; else undefined. */
export function shapeProblem(manifest: any): string | undefined {
  if (manifest.kind !== 'PodDefault') { return undefined; }
  const where = `PodDefault ${manifest.metadata?.name}`;
  const spec = manifest.spec;
  if (spec === undefined || spec === null) { return undefined; }
  if (describe(spec) !== 'object') { return wrong(where, 'spec', 'object', spec); }
  for (const [field, shape] of Object.entries(SPEC_SHAPES)) {
    const value = spec[field];
    if (value === undefined || value === null) { continue; }
    if (!fits(value, shape)) { return wrong(where, `spec.${field}`, shape, value); }
    const nested = NESTED_SHAPES[field];
    if (nested === undefined) { continue; }
    const items: [string, any][] = Array.isArray(value) ? value.map((v, i) => [`spec.${field}[${i}]`, v]) : [[`spec.${field}`, value]];
    for (const [itemPath, item] of items) {
      for (const [inner, innerShape] of Object.entries(nested)) {
        const innerValue = item[inner];
        if (innerValue !== undefined && innerValue !== null && !fits(innerValue, innerShape)) {
          return wrong(where, `${itemPath}.${inner}`, innerShape, innerValue);
        }
      }
    }
  }
  return undefined;
}

function fits(value: unknown, shape: Shape): boolean {
  switch (shape) {
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'object': return describe(value) === 'object';
    case 'list of objects': return Array.isArray(value) && value.every(v => describe(v) === 'object');
    case 'list of strings': return Array.isArray(value) && value.every(v => typeof v === 'string');
    case 'map of strings': return describe(value) === 'object' && Object.values(value as object).every(v => typeof v === 'string');
  }
}

/** The YAML word for the type of `value`, which holds no part of the value. */
function describe(value: unknown): string {
  if (Array.isArray(value)) { return 'list'; }
  if (value === null) { return 'null'; }
  if (typeof value === 'object') { return 'object'; }
  return typeof value;
}

function wrong(where: string, field: string, shape: Shape, value: unknown): string {
  const actual = describe(value) === 'object' ? 'a mapping' : describe(value) === 'list' ? 'a list' : `a ${describe(value)}`;
  return `${where}: ${field} is ${actual}, but the PodDefault CRD declares ${shape === 'object' ? 'a mapping' : `a ${shape}`}: fix the manifest`;
}

/** The shape rule as a check problem: a PodDefault the other rules cannot judge. */
export function podDefaultShape(found: Found): CheckProblem | undefined {
  const problem = shapeProblem(found.manifest);
  if (problem === undefined) { return undefined; }
  return {
    rule: 'shape',
    ...(found.namespace === '' ? {} : { namespace: found.namespace }),
    sources: [found.source],
    message: `${found.source}: ${problem}`,
  };
}
