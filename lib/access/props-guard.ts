// Checks for the callers TypeScript's types do not reach: JavaScript, and other languages through jsii,
// can pass null props, a string where a boolean belongs, a value outside an enum, or create a construct
// outside any Chart. Each gets an AccessError of the form `[path] field: problem: fix` before anything is
// created, never a TypeError or a Secret key "undefined". Messages name types, never values.
import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AccessError, childPath, fieldError } from '../errors';
import { hasBrand } from '../brand';
import { isPlainObject, typeName } from '../json';

/** A prop that holds an instance of one of the library's classes: its name, and how to make one. */
export interface InstanceShape {
  readonly name: string;
  readonly example: string;
  /** What to give when the prop is missing; the prop is optional without it. */
  readonly required?: string;
}

/** The library's source classes as props take them, one entry each, for `PropsShape.instances`. */
export const SOURCE_SHAPES = {
  s3: { name: 'S3Configuration', example: 'S3Configuration.fromValues({ accessKeyId, secretAccessKey })' },
  gcs: { name: 'GcpServiceAccountKey', example: 'GcpServiceAccountKey.fromFile("key.json")' },
  azure: { name: 'AzureStorageConfiguration', example: 'AzureStorageConfiguration.fromEnv()' },
  docker: { name: 'DockerConfig', example: 'DockerConfig.fromFile("config.json")' },
  huggingFace: { name: 'HuggingFaceToken', example: 'HuggingFaceToken.fromEnv()' },
} as const satisfies { readonly [source: string]: InstanceShape };

/** What each optional prop must be when it is given (`undefined` always passes). */
export interface PropsShape {
  readonly strings?: readonly string[];
  readonly booleans?: readonly string[];
  /** Props that hold a value of a string enum, with the enum's name for messages. */
  readonly enums?: { readonly [field: string]: { readonly name: string; readonly values: Record<string, string> } };
  /**
   * Props that hold an instance of one of our classes, made by its static factories; `required` names
   * what a required one holds, for the message when it is missing (`the credentials`).
   */
  readonly instances?: { readonly [field: string]: InstanceShape };
  /** Props that hold a plain object of options. */
  readonly objects?: readonly string[];
}

/** The props every access construct takes (PodDefaultAccessOptions, PodDefaultMountOptions). */
export const ACCESS_OPTIONS_SHAPE = {
  strings: ['namespace', 'name', 'description', 'secretName', 'volumeName', 'mountPath'],
  booleans: ['immutable', 'hashSecretName', 'workspaceMountable'],
} as const;

/**
 * The opening every construct shares: the path construct `id` will have in `scope` (refused when the id
 * is taken), checked to be inside a Chart, with `props` of `shape` and every required instance given.
 * Runs before anything is added to the tree.
 */
export function openConstruct(scope: IConstruct, id: string, props: unknown, shape: PropsShape, propsOptional = false): string {
  const path = childPath(scope, id);
  checkProps(scope, path, props, shape, propsOptional);
  for (const field in shape.instances) {
    const { required, example } = shape.instances[field];
    if (required !== undefined && (props as Record<string, unknown>)[field] === undefined) {
      throw fieldError(path, field, `is missing: give ${required}, such as ${example}`);
    }
  }
  return path;
}

/**
 * Checks that the construct at `path` is created inside a Chart and that `props` has `shape`.
 * `props` may be undefined when every prop is optional.
 */
export function checkProps(scope: IConstruct, path: string, props: unknown, shape: PropsShape, propsOptional = false): void {
  checkInChart(scope, path);
  if (props === undefined && propsOptional) { return; }
  if (!isPlainObject(props)) {
    throw fieldError(path, 'props', `is ${typeName(props)}, not an object: give the props as an object`);
  }
  checkReadable(path, props, shape);
  const { strings = [], booleans = [], objects = [] } = shape;
  for (const field of strings) { checkType(path, field, props[field], 'string', 'a string'); }
  for (const field of booleans) { checkType(path, field, props[field], 'boolean', 'true or false'); }
  for (const field of objects) {
    const value = props[field];
    if (value !== undefined && !isPlainObject(value)) {
      throw fieldError(path, field, `is ${typeName(value)}, not an object: give an object of options, or leave ${field} out`);
    }
  }
  for (const field in shape.enums) {
    const value = props[field];
    const { name, values } = shape.enums[field];
    if (value !== undefined && !Object.values(values).includes(value as string)) {
      const members = Object.keys(values).map(member => `${name}.${member}`);
      throw fieldError(path, field, `is not a value of ${name}: give ${members.slice(0, -1).join(', ')} or ${members[members.length - 1]}`);
    }
  }
  for (const field in shape.instances) {
    const value = props[field];
    const { name, example } = shape.instances[field];
    if (value !== undefined && !hasBrand(value, name)) {
      throw fieldError(path, field, `is ${typeName(value)}, not an instance of ${name}: create it with one of ${name}'s static methods, such as ${example}`);
    }
  }
}

/**
 * Reads every prop once, so that a getter or a Proxy from JavaScript that throws is refused here, naming
 * the prop, rather than escaping later as its own error: its own properties (what a spread copies) and
 * every field of `shape` (a getter of a class instance's prototype). Option objects are read the same way,
 * since a construct that passes them on copies them. The error thrown is not repeated: it may hold a value.
 */
function checkReadable(path: string, props: Record<string, unknown>, shape: PropsShape): void {
  const fields = new Set<string>([...ownKeys(path, 'props', props)]);
  for (const list of [shape.strings, shape.booleans, shape.objects, Object.keys(shape.enums ?? {}), Object.keys(shape.instances ?? {})]) {
    for (const field of list ?? []) { fields.add(field); }
  }
  for (const field of fields) {
    const value = readProp(path, field, props);
    if (shape.objects?.includes(field) && isPlainObject(value)) {
      for (const key of ownKeys(path, field, value)) { readProp(path, `${field}.${key}`, value, key); }
    }
  }
}

function ownKeys(path: string, field: string, value: object): string[] {
  try {
    return Object.keys(value);
  } catch (e) {
    if (AccessError.isAccessError(e)) { throw e; }
    throw fieldError(path, field, `${UNREADABLE} listing its properties threw an error (a Proxy?): give ${field === 'props' ? 'the props' : field} as a plain object of values`);
  }
}

function readProp(path: string, field: string, object: Record<string, unknown>, key = field): unknown {
  try {
    return object[key];
  } catch (e) {
    if (AccessError.isAccessError(e)) { throw e; }
    throw fieldError(path, field, `${UNREADABLE} reading it threw an error (a getter or a Proxy): give it as a plain value`);
  }
}

const UNREADABLE = 'cannot be read:';

// Up the parents rather than `node.scopes`, which builds the array of every ancestor for each construct.
function checkInChart(scope: IConstruct, path: string): void {
  for (let s: IConstruct | undefined = scope; s !== undefined; s = s.node.scope) {
    if (Chart.isChart(s)) { return; }
  }
  throw fieldError(path, 'scope', 'is not inside a cdk8s Chart (the construct was created directly under the App): ' +
    'create a Chart, such as new Chart(app, "profile", { namespace: "team-a" }), and the construct in it');
}

function checkType(path: string, field: string, value: unknown, type: string, wanted: string): void {
  if (value !== undefined && typeof value !== type) {
    throw fieldError(path, field, `is ${typeName(value)}, not ${wanted}: give ${wanted}, or leave ${field} out`);
  }
}

/** The namespace props from any caller give, when they give one as a string. */
export function namespaceOf(props: unknown): string | undefined {
  let namespace: unknown;
  try {
    namespace = isPlainObject(props) ? props.namespace : undefined;
  } catch {
    // A getter or Proxy from JavaScript: the construct given these props refuses them, naming its path.
    return undefined;
  }
  return typeof namespace === 'string' ? namespace : undefined;
}

/**
 * A shallow copy of props from any caller, as a plain object, so that a later change to the caller's
 * object does not count: its own properties, and those of its prototypes but Object's, where a class
 * instance keeps its getters (a spread leaves them out). When copying throws (a getter or a Proxy from
 * JavaScript), the props as given, which the construct they are given to refuses in words, naming its path.
 */
export function copyOfProps<T>(props: T): T {
  if (!isPlainObject(props)) { return props; }
  try {
    const copy: Record<string, unknown> = { ...props };
    for (let proto = Object.getPrototypeOf(props); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        if (key !== 'constructor' && !Object.prototype.hasOwnProperty.call(copy, key)) { copy[key] = props[key]; }
      }
    }
    return copy as T;
  } catch {
    return props;
  }
}

/**
 * The props of a construct that another creates from props a caller gave it (a part of NotebookAccess):
 * `fill` of them, or, when they are no object (from JavaScript), the props as given, which the construct
 * refuses in words.
 */
export function filled<P, R>(given: P, fill: (props: P) => R): R {
  if (!isPlainObject(given)) { return given as unknown as R; }
  try {
    return fill(given);
  } catch (e) {
    // Reading them threw (a getter or a Proxy from JavaScript): the construct refuses them, naming the prop.
    if (AccessError.isAccessError(e)) { throw e; }
    return given as unknown as R;
  }
}

