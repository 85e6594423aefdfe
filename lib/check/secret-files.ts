// The text of the files the input's Secrets hold, as the SDKs of a pod that mounts them read it, and those files read
// as botocore reads its credentials and config files: each text parsed once, each pair of files judged once, however
// many PodDefaults mount them (the cloud-identity rule reads them for every PodDefault of a namespace).
import { BotocoreFile, botocoreFile, BotocoreFileRole, BotocoreProfileCredential, botocoreProviders } from '../sources/botocore-credentials-file';
import { externalSecretTarget, storedOf } from './external-secret';
import { goBase64Decode } from './go-base64';
import { Found, isExternalSecret, isSecret } from './objects';

/**
 * The text of the files the input's Secrets hold: a Secret's `data` (decoded) and `stringData`, an
 * ExternalSecret's template (the Secret it writes, with its template expressions). Read on first use.
 */
export class SecretFiles {
  private byKey?: Map<string, string>;
  /** Each file text read so far as a credentials or a config file: a file many PodDefaults mount is parsed once. */
  private awsFiles?: Record<BotocoreFileRole, Map<string, BotocoreFile>>;
  /** The credentials of the profiles of each credentials file and config file read together (`NO_FILE` for none). */
  private providers?: Map<BotocoreFile, Map<BotocoreFile, ReadonlyMap<string, BotocoreProfileCredential>>>;

  /** `base` and `landing`: a view of `base` whose lookups in no namespace are made in `landing` (see DataKeys.landingIn). */
  public constructor(private readonly objects: readonly Found[], private readonly base?: SecretFiles, private readonly landing = '') {}

  /** The files as the namespace-less PodDefaults read them once `kubectl apply -n namespace` puts them in `namespace`. */
  public landingIn(namespace: string): SecretFiles {
    return new SecretFiles(this.objects, this.base ?? this, namespace);
  }

  /**
   * The text of `key` of the Secret `name` in `namespace`; undefined when the input does not hold it. A
   * Secret that names no namespace lands wherever `kubectl apply -n` sends it, so it counts in every
   * namespace (as DataKeys counts its keys).
   */
  public text(namespace: string, name: string, key: string): string | undefined {
    if (this.base !== undefined) { return this.base.text(namespace === '' ? this.landing : namespace, name, key); }
    this.byKey ??= filesOf(this.objects);
    const own = this.byKey.get(`${namespace}\n${name}\n${key}`);
    return own !== undefined || namespace === '' ? own : this.byKey.get(`\n${name}\n${key}`);
  }

  /** `key` of the Secret `name` in `namespace` read as the AWS file `as`; undefined when the input does not hold it. */
  public awsFile(namespace: string, name: string, key: string, as: BotocoreFileRole): BotocoreFile | undefined {
    const text = this.text(namespace, name, key);
    if (text === undefined) { return undefined; }
    const owner = this.base ?? this;
    owner.awsFiles ??= { credentials: new Map(), config: new Map() };
    let read = owner.awsFiles[as].get(text);
    if (read === undefined) {
      read = botocoreFile(text, as);
      owner.awsFiles[as].set(text, read);
    }
    return read;
  }

  /** The profiles that give credentials when botocore reads the two files together (`botocoreProviders`), each pair of files judged once. */
  public awsProviders(credentials: BotocoreFile | undefined, config: BotocoreFile | undefined): ReadonlyMap<string, BotocoreProfileCredential> {
    const owner = this.base ?? this;
    owner.providers ??= new Map();
    let byConfig = owner.providers.get(credentials ?? NO_FILE);
    if (byConfig === undefined) {
      byConfig = new Map();
      owner.providers.set(credentials ?? NO_FILE, byConfig);
    }
    let found = byConfig.get(config ?? NO_FILE);
    if (found === undefined) {
      found = botocoreProviders(credentials, config);
      byConfig.set(config ?? NO_FILE, found);
    }
    return found;
  }
}

/** The key of `SecretFiles.awsProviders`' cache for a file botocore does not read. */
const NO_FILE: BotocoreFile = { as: 'config', profiles: new Map(), ssoSessions: new Map(), hasRole: false, raises: false };

function filesOf(objects: readonly Found[]): Map<string, string> {
  const files = new Map<string, string>();
  const add = (found: Found, name: string, map: unknown, decode: boolean) => {
    if (typeof map !== 'object' || map === null) { return; }
    for (const [key, value] of Object.entries(map)) {
      const id = `${found.namespace}\n${name}\n${key}`;
      // `data` as the API server decodes it: base64 in lines, as kustomize and `base64` without -w0 write it, is read too.
      const text = typeof value !== 'string' ? undefined : decode ? utf8Text(goBase64Decode(value)) : value;
      if (text !== undefined && !files.has(id)) { files.set(id, text); }
    }
  };
  for (const found of objects) {
    if (isSecret(found)) {
      // The API server writes `stringData` over `data` (core/v1 Secret: "stringData ... overwriting any
      // existing values"); the first text of a key is kept.
      add(found, found.name, found.manifest.stringData, false);
      add(found, found.name, found.manifest.data, true);
    } else if (isExternalSecret(found)) {
      const target = externalSecretTarget(found);
      if (target !== undefined && target.group === 'core' && target.kind === 'Secret') { add(found, target.name, storedOf(found).spec?.target?.template?.data, false); }
    }
  }
  return files;
}

/**
 * The text of a file, or `undefined` when it is no UTF-8: the SDKs read it as UTF-8 (Python's locale encoding
 * in Kubeflow's images), and botocore raises on it (UnicodeDecodeError, a ConfigParseError). A byte-order
 * mark is kept, as Python keeps it.
 */
function utf8Text(bytes: Buffer | undefined): string | undefined {
  if (bytes === undefined) { return undefined; }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
