// The keys of the Secrets and ConfigMaps of the input, which `envFrom` turns into env vars and a volume
// into files. The kubelet reads a Secret's `data` (the API server folds `stringData` into it) and a
// ConfigMap's `data` only: `makeEnvironmentVariables` in kubernetes pkg/kubelet/kubelet_pods.go ranges
// over `configMap.Data` for a `configMapRef` (and ConfigMapEnvSource's API doc says "the contents of the
// target ConfigMap's Data field"), so `binaryData` keys never become env vars.
import { isPlainObject } from '../json';
import { externalSecretKeys, externalSecretTarget } from './external-secret';
import { Found, isExternalSecret } from './objects';

/** The kinds whose keys the check reads. */
export type DataKind = 'Secret' | 'ConfigMap';

/** The object an `envFrom` entry reads. */
export interface EnvFromSource {
  readonly kind: DataKind;
  readonly name: string;
}

/**
 * What one `envFrom` entry reads; `undefined` when it names nothing. The kubelet tries `configMapRef`
 * before `secretRef` (the switch of `makeEnvironmentVariables`); the API server refuses an entry with
 * both.
 */
export function envFromSource(from: any): EnvFromSource | undefined {
  const configMap = from?.configMapRef?.name;
  if (typeof configMap === 'string') { return { kind: 'ConfigMap', name: configMap }; }
  const secret = from?.secretRef?.name;
  return typeof secret === 'string' ? { kind: 'Secret', name: secret } : undefined;
}

/**
 * The keys each Secret and ConfigMap of the input will hold: a Secret's `data` and `stringData`, a
 * ConfigMap's `data`; for an ExternalSecret, the keys External Secrets Operator writes into its Secret
 * or ConfigMap (see external-secret.ts), with those the object already holds when it merges. Keys that
 * only `dataFrom` or `templateFrom` would add cannot be known before ESO fetches them, and are left
 * out. An object that names no namespace lands wherever `kubectl apply -n` sends it, so it counts in
 * every namespace.
 *
 * Read on first use, once per check: the rules return early in most namespaces, so most checks never
 * need them.
 */
export class DataKeys {
  private secrets?: KeysByName;
  private configMaps?: KeysByName;

  /** `base` and `landing`: a view of `base` whose lookups in no namespace are made in `landing` (see `landingIn`). */
  public constructor(private readonly objects: readonly Found[], private readonly base?: DataKeys, private readonly landing = '') {}

  /**
   * The keys as the namespace-less PodDefaults read them once `kubectl apply -n namespace` puts them, and
   * the namespace-less objects, in `namespace`: a lookup in no namespace is made there.
   */
  public landingIn(namespace: string): DataKeys {
    return new DataKeys(this.objects, this.base ?? this, namespace);
  }

  /** The namespaces, besides none, that hold a `kind` `name`. */
  public namespacesOf(kind: DataKind, name: string): readonly string[] {
    if (this.base !== undefined) { return this.base.namespacesOf(kind, name); }
    if (this.secrets === undefined) { this.read(); }
    const byNamespace = (kind === 'Secret' ? this.secrets! : this.configMaps!).get(name);
    return byNamespace === undefined ? NO_KEYS : [...byNamespace.keys()].filter(n => n !== '');
  }

  /** The keys of the `kind` `name` in `namespace`; `undefined` when the input holds no such object. */
  public of(kind: DataKind, namespace: string, name: string): readonly string[] | undefined {
    if (this.base !== undefined) { return this.base.of(kind, namespace === '' ? this.landing : namespace, name); }
    if (this.secrets === undefined) { this.read(); }
    const byNamespace = (kind === 'Secret' ? this.secrets! : this.configMaps!).get(name);
    if (byNamespace === undefined) { return undefined; }
    const own = byNamespace.get(namespace);
    const floating = namespace === '' ? undefined : byNamespace.get('');
    return floating === undefined ? own : own === undefined ? floating : own.concat(floating);
  }

  /**
   * The keys the `envFrom` entry `from` reads in `namespace` (without its prefix); `undefined` when it
   * names nothing, or an object the input does not hold. As `envFromSource` reads it, without making
   * an object: this runs for every `envFrom` of the app.
   */
  public ofEnvFrom(from: any, namespace: string): readonly string[] | undefined {
    const configMap = from?.configMapRef?.name;
    if (typeof configMap === 'string') { return this.of('ConfigMap', namespace, configMap); }
    const secret = from?.secretRef?.name;
    return typeof secret === 'string' ? this.of('Secret', namespace, secret) : undefined;
  }

  private read(): void {
    const secrets: KeysByName = new Map();
    const configMaps: KeysByName = new Map();
    for (let i = 0; i < this.objects.length; i++) {
      const found = this.objects[i];
      if (found.group === 'core') {
        if (found.kind === 'Secret') {
          addKeys(secrets, found.namespace, found.name, keysOf(found.manifest.data, found.manifest.stringData));
        } else if (found.kind === 'ConfigMap') {
          addKeys(configMaps, found.namespace, found.name, keysOf(found.manifest.data));
        }
      } else if (isExternalSecret(found)) {
        const target = externalSecretTarget(found);
        if (target !== undefined && target.group === 'core' && (target.kind === 'Secret' || target.kind === 'ConfigMap')) {
          addKeys(target.kind === 'Secret' ? secrets : configMaps, found.namespace, target.name, externalSecretKeys(found, target.kind));
        }
      }
    }
    this.secrets = secrets;
    this.configMaps = configMaps;
  }
}

/**
 * By name and then namespace: maps within a map rather than one map by a joined key, which cost a
 * string per object of the app; the namespace last, since apps repeat one set of names in many
 * namespaces.
 */
type KeysByName = Map<string, Map<string, readonly string[]>>;

/** The keys of one map, or of two, the first one's first. */
function keysOf(map: unknown, more?: unknown): readonly string[] {
  const keys = isPlainObject(map) ? Object.keys(map) : NO_KEYS;
  return isPlainObject(more) ? keys.concat(Object.keys(more)) : keys;
}

const NO_KEYS: readonly string[] = Object.freeze([]);

function addKeys(keys: KeysByName, namespace: string, name: string, list: readonly string[]): void {
  let byNamespace = keys.get(name);
  if (byNamespace === undefined) {
    byNamespace = new Map();
    keys.set(name, byNamespace);
  }
  const earlier = byNamespace.get(namespace);
  byNamespace.set(namespace, earlier === undefined ? list : earlier.concat(list));
}
