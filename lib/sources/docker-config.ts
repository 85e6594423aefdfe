import { brand } from '../brand';
import { checkDockerConfig, DOCKER_HUB, DockerLogin, registryServerProblem, renderDockerLogins } from './docker-config-json';
import { dockerLoginTemplate, PASSWORD_INPUT, USERNAME_INPUT } from './docker-login-template';
import { AccessError, prefixed, valueError } from '../errors';
import { typeName } from '../json';
import { checkSecretReference } from '../names';
import { RemoteValue } from './remote-value';
import { SecretStoreOptions } from './secret-store';
import { READ_FILE, readTextFile } from './source-file';
import { resolveStoreReference, storeInput, StoreSecret } from './store-secret';

/**
 * How the Docker credentials are stored in their Secret.
 */
export enum DockerSecretType {
  /** `type: Opaque`, key `config.json`, as the tutorial's `kubectl create secret generic`. */
  OPAQUE = 'Opaque',
  /**
   * `type: kubernetes.io/dockerconfigjson`, key `.dockerconfigjson`, as `kubectl create secret
   * docker-registry`; the PodDefault also lists the Secret in `imagePullSecrets`.
   */
  DOCKER_CONFIG_JSON = 'kubernetes.io/dockerconfigjson',
}

/** The Secret key each Secret type keeps config.json under. */
export const DOCKER_SECRET_KEYS: Record<DockerSecretType, string> = {
  [DockerSecretType.OPAQUE]: 'config.json',
  [DockerSecretType.DOCKER_CONFIG_JSON]: '.dockerconfigjson',
};

/**
 * A whole Docker config.json kept in a secret store.
 */
export interface DockerConfigStoreProps extends SecretStoreOptions {
  /** The stored config.json, written to the Secret unchanged. */
  readonly config: RemoteValue;
}

/**
 * A registry login kept in a secret store, composed into config.json by External Secrets Operator.
 */
export interface DockerLoginStoreProps extends SecretStoreOptions {
  /**
   * The registry, as it appears in config.json's `auths`. Not a secret: written into the template.
   * @default 'https://index.docker.io/v1/'
   */
  readonly server?: string;
  /** The stored user name. */
  readonly username: RemoteValue;
  /** The stored password or access token. */
  readonly password: RemoteValue;
}

/** A Docker config.json, read when the construct that uses it is created. @internal */
export type ResolvedDockerConfig =
  | { readonly kind: 'content'; readonly bytes: Buffer }
  | { readonly kind: 'existing'; readonly secretName: string; readonly key?: string }
  /** Fetched by External Secrets Operator into the Secret key the construct chooses. */
  | { readonly kind: 'store'; readonly secret: (key: string) => StoreSecret };

/**
 * Docker registry credentials: the content of the notebook's `~/.docker/config.json`.
 *
 * Every factory defers its work to the construct that uses the config, so that errors name that
 * construct; no error ever holds a credential.
 */
export class DockerConfig {
  /**
   * A config.json file, read at synth time; its bytes go into the Secret unchanged.
   * @param path path of the file
   */
  public static fromFile(path: string): DockerConfig {
    return new DockerConfig(() => {
      const { bytes, text } = readTextFile(path, 'DockerConfig.fromJson');
      checkConfig(text, READ_FILE);
      return { kind: 'content', bytes };
    });
  }

  /**
   * One registry login, rendered as `kubectl create secret docker-registry` renders it.
   */
  public static fromLogin(login: DockerLogin): DockerConfig {
    return DockerConfig.fromLogins([login]);
  }

  /**
   * Logins to several registries in one config.json.
   */
  public static fromLogins(logins: DockerLogin[]): DockerConfig {
    // Array.from, not map: a hole of a sparse array is a login left out, not skipped.
    const copy = Array.isArray(logins) ? Array.from(logins, login => ({ ...login })) : undefined;
    return new DockerConfig(() => {
      if (copy === undefined) {
        throw new AccessError(`the logins are ${typeName(logins)}, not a list: give a list of logins, such as [{ server, username, password }]`);
      }
      return { kind: 'content', bytes: Buffer.from(renderDockerLogins(copy)) };
    });
  }

  /**
   * A config.json already in memory; stored as its UTF-8 bytes.
   */
  public static fromJson(json: string): DockerConfig {
    return new DockerConfig(() => {
      if (typeof json !== 'string') { throw new AccessError(`config.json is ${typeName(json)}, not JSON text: give the file's content as a string`); }
      checkConfig(json, 'config.json');
      return { kind: 'content', bytes: Buffer.from(json) };
    });
  }

  /**
   * A Secret that already exists in the namespace; none is synthesised.
   * @param secretName name of the Secret
   * @param key key of config.json in the Secret
   * @default key - 'config.json', or '.dockerconfigjson' when secretType is DOCKER_CONFIG_JSON
   */
  public static fromExistingSecret(secretName: string, key?: string): DockerConfig {
    return new DockerConfig(() => {
      checkSecretReference(secretName, key);
      return { kind: 'existing', secretName, key };
    });
  }

  /**
   * A whole config.json kept in a secret store: External Secrets Operator writes it into the Secret
   * unchanged, and keeps it up to date. Its content is not checked at synth time.
   */
  public static fromSecretStore(props: DockerConfigStoreProps): DockerConfig {
    const copy = { ...props };
    return new DockerConfig(() => {
      const reference = resolveStoreReference(copy);
      const config = storeInput('config', 'config.json', copy.config);
      return { kind: 'store', secret: key => ({ ...reference, inputs: [{ ...config, secretKey: key }] }) };
    });
  }

  /**
   * One registry login whose user name and password are kept in a secret store: External Secrets
   * Operator composes config.json from them, byte for byte as `fromLogin` renders it.
   */
  public static fromSecretStoreLogin(props: DockerLoginStoreProps): DockerConfig {
    const copy = { ...props };
    return new DockerConfig(() => {
      const reference = resolveStoreReference(copy);
      const server = copy.server ?? DOCKER_HUB;
      if (typeof server !== 'string' || server.trim() === '' || server !== server.trim()) {
        throw valueError('server', 'server is empty or has surrounding whitespace: give the registry host, such as "ghcr.io"');
      }
      const serverProblem = registryServerProblem(server);
      if (serverProblem !== undefined) { throw valueError('server', `server ${serverProblem}`); }
      const inputs = [storeInput('username', USERNAME_INPUT, copy.username), storeInput('password', PASSWORD_INPUT, copy.password)];
      const template = dockerLoginTemplate(server);
      return { kind: 'store', secret: key => ({ ...reference, inputs, template: { [key]: template } }) };
    });
  }

  private constructor(private readonly resolve: () => ResolvedDockerConfig) {
    brand(this, 'DockerConfig');
  }

  /** Reads and checks the config. @internal */
  public _resolve(): ResolvedDockerConfig {
    return this.resolve();
  }
}

function checkConfig(text: string, what: string): void {
  prefixed(what, () => checkDockerConfig(text));
}
