import { IConstruct } from 'constructs';
import { brand, hasBrand } from './brand';
import { typeName } from './json';

/**
 * The one error type this library throws for bad input. Its message names the construct path and the
 * field at fault and says how to fix it; it never holds a secret value.
 *
 * Exported for TypeScript and JavaScript (`instanceof AccessError`) but left out of the jsii assembly:
 * jsii cannot carry a subclass of the built-in `Error` to other languages, where the error arrives as
 * the runtime's own exception with the same message.
 * @jsii ignore
 */
export class AccessError extends Error {
  /** Whether `e` is an AccessError of any copy of this package. */
  public static isAccessError(e: unknown): e is AccessError {
    return hasBrand(e, 'AccessError');
  }

  /** The construct path the error concerns, when it concerns one field of one construct. */
  public readonly path?: string;
  /**
   * The prop at fault (such as `secretName` or `config`), as data: a caller that offers the props under
   * other names, such as the command line's flags, renames it without reading the message.
   */
  public readonly field?: string;
  /** The message without its `[path] field: ` prefix, when `field` is set. */
  public readonly problem?: string;
  /**
   * The value inside a credential source that is at fault (such as `password` of a login, `secretKey`
   * of MinIO keys, or `store` of a secret store source), as data, when the source knows it: `field`
   * names the prop that holds the source, this the value within it.
   */
  public readonly valueField?: string;

  public constructor(message: string, where?: { readonly path: string; readonly field: string; readonly problem: string }, valueField?: string) {
    super(message);
    this.name = 'AccessError';
    brand(this, 'AccessError');
    // Node prints an uncaught error's enumerable own properties after its stack, as `{ path, field, problem,
    // valueField }`: at `cdk8s synth`, the message a second time. They are data for callers, not for that.
    const data = { path: where?.path, field: where?.field, problem: where?.problem, valueField };
    for (const [key, value] of Object.entries(data)) {
      Object.defineProperty(this, key, { value, enumerable: false, writable: false, configurable: true });
    }
  }
}

/** An error about the value `valueField` of a credential source, which the construct reading it will name. */
export function valueError(valueField: string, message: string): AccessError {
  return new AccessError(message, undefined, valueField);
}

/**
 * The path a construct `id` will have in `scope`, checked before the construct is created: an id already
 * taken (or one like "constructor" that the constructs library mistakes for a taken one) is refused here
 * with an AccessError, not later with the constructs library's own error.
 */
export function childPath(scope: IConstruct, id: string): string {
  // From JavaScript: a scope or id of the wrong kind is refused here, not by a TypeError deeper down.
  if (typeof scope?.node?.tryFindChild !== 'function') {
    throw fieldError(typeof id === 'string' ? id : '', 'scope', 'is not a construct: create the construct in a Chart, such as new Chart(app, "profile", { namespace: "team-a" })');
  }
  if (typeof id !== 'string') {
    throw fieldError(scope.node.path, 'id', `is ${typeName(id)}, not a string: give the construct an id such as "docker-config"`);
  }
  // constructs writes "/" and a line break in an id as "--" (its sanitizeId), and the path with them.
  const own = id.replace(/[/\n]/g, '--');
  const path = scope.node.path ? `${scope.node.path}/${own}` : own;
  if (id === '') {
    throw fieldError(scope.node.path, 'id', 'is empty, which the constructs library takes only for the App: give the construct an id such as "docker-config"');
  }
  // constructs keeps children in a plain object, created with the first child: before that,
  // tryFindChild("valueOf") finds nothing, yet adding the child fails on Object.prototype.valueOf.
  if (scope.node.tryFindChild(id) !== undefined || id in Object.prototype) {
    throw new AccessError(`[${path}] the id ${JSON.stringify(id)} is taken in this scope, by another construct or by JavaScript itself: give the construct another id`);
  }
  return path;
}

/**
 * An error about `field` of the construct at `path`, in the `[path] field: problem` form cdk8s uses;
 * `valueField` names the value within the field's source, when one is at fault.
 */
export function fieldError(path: string, field: string, problem: string, valueField?: string): AccessError {
  return new AccessError(`[${path}] ${field}: ${problem}`, { path, field, problem }, valueField);
}

/**
 * Runs `read`, turning the library's own errors into ones that name the construct and field. Sources
 * such as `DockerConfig.fromFile` are read by the construct that uses them, so this is where they learn
 * which construct and field they belong to.
 */
export function readField<T>(path: string, field: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (AccessError.isAccessError(e)) { throw fieldError(path, field, e.message, e.valueField); }
    throw e;
  }
}

/**
 * Runs `read`, prefixing the message of the library's own error with `what` (`file "x"`, `stdin`), so
 * that a parser's message says where its text came from.
 */
export function prefixed<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (AccessError.isAccessError(e)) { throw new AccessError(`${what} ${e.message}`, undefined, e.valueField); }
    throw e;
  }
}
