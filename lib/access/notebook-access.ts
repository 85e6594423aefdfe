import { Construct } from 'constructs';
import { brand } from '../brand';
import { CloudIdentity } from '../identity/cloud-identity';
import { CloudIdentityAccess } from '../identity/cloud-identity-access';
import { PodDefaultAccess, resolveNamespace } from './pod-default-access';
import { AwsCredentials } from '../sources/aws-credentials';
import { AwsEnvConfiguration, AwsEnvConfigurationOptions } from './aws-env-configuration';
import { AwsFileCredentials, AwsFileCredentialsOptions } from './aws-file-credentials';
import { AzureBlobConfiguration, AzureBlobConfigurationOptions } from './azure-blob-configuration';
import { AzureStorageConfiguration } from '../sources/azure-storage-configuration';
import { DockerConfig } from '../sources/docker-config';
import { DockerRegistryAccess, DockerRegistryAccessOptions } from './docker-registry-access';
import { writtenValueProblem } from '../check/written-yaml';
import { fieldError } from '../errors';
import { GcpServiceAccountKey } from '../sources/gcp-service-account-key';
import { GcsCredentials, GcsCredentialsOptions } from './gcs-credentials';
import { MinioDefault, MinioDefaultProps } from './minio-default';
import { copyOfProps, filled, namespaceOf, openConstruct, PropsShape, SOURCE_SHAPES } from './props-guard';
import { directoryProblem, isAbsoluteDirectory, quote } from '../names';
import { PipelinesApiAccess } from './pipelines-api-access';
import { DEFAULT_HOME } from './home-directory';
import { S3Configuration } from '../sources/s3-configuration';


/**
 * The object storage a notebook gets: one of the storage access constructs, with its props.
 */
export class StorageAccess {
  /**
   * The in-cluster MinIO of Kubeflow Pipelines (a `MinioDefault`, child id `minio`).
   * @param props MinioDefault props; they override the defaults
   */
  public static minio(props: MinioDefaultProps = {}): StorageAccess {
    const given = copyOfProps(props);
    return new StorageAccess('StorageAccess.minio', 'aws', () => true, given, (scope, defaults) =>
      new MinioDefault(scope, 'minio', filled(given, p => ({ ...p, namespace: p.namespace ?? defaults.namespace }))));
  }

  /**
   * An AWS credentials file mounted at `<homeDirectory>/.aws/` (an `AwsFileCredentials`, child id
   * `aws-credentials`).
   * @param credentials the credentials file
   * @param props AwsFileCredentials options; they override the defaults
   */
  public static awsFile(credentials: AwsCredentials, props: AwsFileCredentialsOptions = {}): StorageAccess {
    const given = copyOfProps(props);
    return new StorageAccess('StorageAccess.awsFile', 'aws', () => true, given, (scope, defaults) => new AwsFileCredentials(scope, 'aws-credentials', filled(given, p => ({
      ...p,
      credentials,
      namespace: p.namespace ?? defaults.namespace,
      mountPath: p.mountPath ?? `${defaults.homeDirectory}/.aws/`,
    }))));
  }

  /**
   * AWS/S3 settings as environment variables (an `AwsEnvConfiguration`, child id `aws-configuration`).
   * @param configuration the settings
   * @param props AwsEnvConfiguration options; they override the defaults
   */
  public static awsEnv(configuration: S3Configuration, props: AwsEnvConfigurationOptions = {}): StorageAccess {
    const given = copyOfProps(props);
    return new StorageAccess('StorageAccess.awsEnv', 'aws', () => true, given, (scope, defaults) => new AwsEnvConfiguration(scope, 'aws-configuration', filled(given, p => ({
      ...p,
      configuration,
      namespace: p.namespace ?? defaults.namespace,
    }))));
  }

  /**
   * A Google Cloud service-account key mounted at `/secret/gcp/`, with `GOOGLE_APPLICATION_CREDENTIALS`
   * pointing at it (a `GcsCredentials`, child id `gcs-credentials`).
   * @param key the service-account key
   * @param props GcsCredentials options; they override the defaults
   */
  public static gcs(key: GcpServiceAccountKey, props: GcsCredentialsOptions = {}): StorageAccess {
    const given = copyOfProps(props);
    return new StorageAccess('StorageAccess.gcs', 'gcp', () => true, given, (scope, defaults) => new GcsCredentials(scope, 'gcs-credentials', filled(given, p => ({
      ...p,
      key,
      namespace: p.namespace ?? defaults.namespace,
    }))));
  }

  /**
   * An Azure Storage account as environment variables (an `AzureBlobConfiguration`, child id
   * `azure-blob`).
   * @param configuration the account and its credential
   * @param props AzureBlobConfiguration options; they override the defaults
   */
  public static azure(configuration: AzureStorageConfiguration, props: AzureBlobConfigurationOptions = {}): StorageAccess {
    // Every form but the account alone gives a credential: in code, from a store, or in an existing Secret,
    // whose keys are unknown here but which sets the credential marker as the identity does, so that the
    // webhook would refuse a notebook that selects both.
    const credential = () => {
      try {
        return configuration._resolve().kind !== 'identity';
      } catch {
        // The AzureBlobConfiguration reports the problem, with its path.
        return false;
      }
    };
    const given = copyOfProps(props);
    return new StorageAccess('StorageAccess.azure', 'azure', credential, given, (scope, defaults) => new AzureBlobConfiguration(scope, 'azure-blob', filled(given, p => ({
      ...p,
      configuration,
      namespace: p.namespace ?? defaults.namespace,
    }))));
  }

  /**
   * The factory that made it, the cloud whose storage it reaches (`aws`, `gcp`, `azure`), and whether it
   * gives the notebook a credential of that cloud. @internal
   */
  public readonly _kind: { readonly factory: string; readonly cloud: string; readonly credential: () => boolean };
  /** The namespace the props give, when they give one as a string. @internal */
  public readonly _namespace?: string;

  private constructor(factory: string, cloud: string, credential: () => boolean, props: unknown,
    private readonly create: (scope: Construct, defaults: NotebookDefaults) => PodDefaultAccess) {
    this._kind = { factory, cloud, credential };
    this._namespace = namespaceOf(props);
    brand(this, 'StorageAccess');
  }

  /** Creates the storage construct in `scope`. @internal */
  public _create(scope: Construct, namespace: string | undefined, homeDirectory: string): PodDefaultAccess {
    return this.create(scope, { namespace, homeDirectory });
  }
}

interface NotebookDefaults {
  readonly namespace?: string;
  readonly homeDirectory: string;
}

/**
 * Props of NotebookAccess.
 */
export interface NotebookAccessProps {
  /** The Docker registry credentials. */
  readonly docker: DockerConfig;

  /**
   * Options of the DockerRegistryAccess; they override the defaults.
   * @default - DockerRegistryAccess's defaults, mounted at `<homeDirectory>/.docker/`
   */
  readonly dockerOptions?: DockerRegistryAccessOptions;

  /**
   * The object storage.
   * @default - StorageAccess.minio() without an identity; none with one, which reaches its cloud's storage itself
   */
  readonly storage?: StorageAccess;

  /**
   * A keyless cloud identity: a PodDefault that gives the notebook an AWS role, a Microsoft Entra
   * workload identity or Google Workload Identity Federation through its own ServiceAccount token.
   * Storage of the same cloud that gives a credential (which the cloud's SDK would use instead of the
   * identity, or which the webhook refuses beside it) is refused.
   * @default - none
   */
  readonly identity?: CloudIdentity;

  /**
   * Also give the notebook a token for the Kubeflow Pipelines API (a `PipelinesApiAccess`, child id
   * `access-ml-pipeline`, the Kubeflow docs' PodDefault), so that `kfp.Client()` works without
   * arguments.
   * @default false
   */
  readonly pipelines?: boolean;

  /**
   * Namespace (the Kubeflow profile) of every object.
   * @default - the enclosing Chart's namespace
   */
  readonly namespace?: string;

  /**
   * The notebook user's home directory, under which `.docker/` and `.aws/` are mounted. Stock Kubeflow
   * images use `/home/jovyan`; Kaptain's images used `/home/kubeflow`.
   * @default '/home/jovyan'
   */
  readonly homeDirectory?: string;
}

/**
 * Everything a Kubeflow notebook needs to pull from a registry and reach object storage, as the
 * Kaptain SDK's `Config` reads it: a DockerRegistryAccess (child id `docker-config`) plus one storage
 * construct, in-cluster MinIO unless told otherwise, and, when asked, the Kubeflow Pipelines API token.
 *
 * @example
 * new NotebookAccess(chart, 'access', { docker: DockerConfig.fromFile('config.json') });
 */
export class NotebookAccess extends Construct {
  /** The Docker registry access. */
  public readonly docker: DockerRegistryAccess;
  /** The storage access construct; undefined when an identity is given without storage. */
  public readonly storage?: PodDefaultAccess;
  /** The keyless cloud identity, undefined unless `identity` is given. */
  public readonly identity?: CloudIdentityAccess;
  /** The Kubeflow Pipelines API access, undefined unless `pipelines` is true. */
  public readonly pipelines?: PipelinesApiAccess;
  /** Every label a Notebook carries to select all of this access's PodDefaults. */
  public readonly selectorLabels: { [key: string]: string };

  public constructor(scope: Construct, id: string, props: NotebookAccessProps) {
    const homeDirectory = checkProps(scope, id, props);
    super(scope, id);
    try {
      // A copy: a spread leaves out the options a class instance keeps on its prototype.
      const dockerOptions = copyOfProps(props.dockerOptions ?? {});
      this.docker = new DockerRegistryAccess(this, 'docker-config', {
        ...dockerOptions,
        config: props.docker,
        namespace: dockerOptions.namespace ?? props.namespace,
        mountPath: dockerOptions.mountPath ?? `${homeDirectory}/.docker/`,
      });
      const storage = props.storage ?? (props.identity === undefined ? StorageAccess.minio() : undefined);
      this.storage = storage?._create(this, props.namespace, homeDirectory);
      this.identity = props.identity?._create(this, props.namespace);
      if (props.pipelines) {
        this.pipelines = new PipelinesApiAccess(this, 'access-ml-pipeline', { namespace: props.namespace });
      }
    } catch (e) {
      // A child's bad input must not leave this construct half-built in the tree.
      scope.node.tryRemoveChild(this.node.id);
      throw e;
    }
    this.selectorLabels = { ...this.docker.selectorLabels, ...this.storage?.selectorLabels, ...this.identity?.selectorLabels, ...this.pipelines?.selectorLabels };
  }
}

/** The props NotebookAccess takes, as props-guard checks them. */
const PROPS_SHAPE: PropsShape = {
  strings: ['namespace', 'homeDirectory'],
  booleans: ['pipelines'],
  objects: ['dockerOptions'],
  instances: {
    docker: { ...SOURCE_SHAPES.docker, required: 'the registry credentials' },
    storage: { name: 'StorageAccess', example: 'StorageAccess.minio()' },
    identity: { name: 'CloudIdentity', example: 'CloudIdentity.awsWebIdentity({ roleArn })' },
  },
};

/**
 * Why storage that gives a credential of the identity's cloud cannot go with it, and the fix: the SDK
 * would use the credential instead of the identity (botocore prefers keys in the environment to a web
 * identity, adlfs a key to DefaultAzureCredential), so the two set one marker (markers.ts) and the
 * webhook refuses a notebook that selects both, as NotebookAccess's labels would.
 */
const CLASHES: Record<string, string> = {
  aws: 'gives AWS credentials, which a notebook cannot use beside an AWS web identity: botocore uses keys in the environment before the role, and the role before a credentials file: '
    + 'leave storage out, since the role reaches S3, or give storage of another cloud',
  gcp: 'sets GOOGLE_APPLICATION_CREDENTIALS, as the Google identity does, and the webhook refuses a pod that sets it twice: '
    + 'leave storage out, since the identity reaches Cloud Storage, or give storage of another cloud',
  azure: 'gives an account key, SAS token or connection string (in code, from a secret store or in an existing Secret), which adlfs uses instead of the Azure identity: '
    + 'give the storage account without a credential, or leave storage out',
};

function checkProps(scope: Construct, id: string, props: NotebookAccessProps): string {
  const path = openConstruct(scope, id, props, PROPS_SHAPE);
  // Here rather than in each child, so that a missing or bad namespace names this construct and its prop.
  const namespace = resolveNamespace(scope, path, props.namespace);
  const parts: [field: string, namespace: string | undefined][] = [
    ['dockerOptions', namespaceOf(props.dockerOptions)], ['storage', props.storage?._namespace], ['identity', props.identity?._namespace]];
  for (const [field, own] of parts) {
    if (own !== undefined && own !== namespace) {
      throw fieldError(path, field, `puts its PodDefault in namespace ${quote(own)}, and this NotebookAccess is in ${quote(namespace)}: `
        + `a notebook selects the PodDefaults of its own namespace alone; leave namespace out of the ${field === 'dockerOptions' ? 'docker options' : `${field}'s props`}, `
        + 'or give the NotebookAccess that namespace');
    }
  }
  const cloud = props.identity?._cloud;
  const storage = props.storage?._kind;
  if (cloud !== undefined && storage !== undefined && storage.cloud === cloud && storage.credential()) {
    throw fieldError(path, 'storage', `${storage.factory} ${CLASHES[cloud]}`);
  }
  const home = props.homeDirectory ?? DEFAULT_HOME;
  if (!isAbsoluteDirectory(home)) {
    throw fieldError(path, 'homeDirectory', `${directoryProblem(home)}: give the notebook user's home, such as "/home/jovyan"`);
  }
  // Every mount path of the parts starts with it.
  const written = writtenValueProblem(home);
  if (written !== undefined) { throw fieldError(path, 'homeDirectory', written); }
  return home.replace(/\/+$/, '');
}
