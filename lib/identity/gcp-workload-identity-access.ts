import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { fieldError } from '../errors';
import { checkWrittenName, dnsSubdomainRule, isDnsLabel, isDnsSubdomain, refusal } from '../names';
import { CloudIdentityAccess, CloudIdentityOptions, IdentityKind, identitySpec, openIdentity } from './cloud-identity-access';
import { checkedExpirationSeconds, ExpirationBounds, KUBERNETES_MIN_EXPIRATION_SECONDS, projectedTokenVolume } from './projected-token';
import { checkedServiceAccountName, serviceAccountSubject } from './trust-subject';
import { GCP_CREDENTIAL_MARKER } from '../access/markers';

// The paths of Google's guide "Configure Workload Identity Federation with Kubernetes"; the volume
// names are the library's.
const TOKEN_VOLUME = 'gcp-identity-token';
const TOKEN_DIRECTORY = '/var/run/service-account';
const TOKEN_FILE = 'token';
const CONFIG_VOLUME = 'gcp-credential-configuration';
const CONFIG_DIRECTORY = '/etc/workload-identity';
const CONFIG_FILE = 'credential-configuration.json';
/**
 * Kubernetes' minimum; and Google's STS takes an OIDC token only if its `exp` is "less than 48 hours
 * after `iat`" (STS v1 `ExchangeTokenRequest.subjectToken`, googleapis/google-api-nodejs-client
 * `src/apis/sts/v1.ts`), and the API server issues a projected token for its whole `expirationSeconds`
 * where no `--service-account-max-token-expiration` shortens it.
 */
const EXPIRATION: ExpirationBounds = {
  defaultSeconds: 3600, min: KUBERNETES_MIN_EXPIRATION_SECONDS, max: 48 * 3600 - 1,
  why: 'Kubernetes\' minimum; Google\'s STS refuses a token that lasts 48 hours or more',
};
/**
 * The most `google.subject` holds: "Cannot exceed 127 bytes" (IAM v1 `WorkloadIdentityPoolProvider.attributeMapping`,
 * googleapis/google-api-nodejs-client `src/apis/iam/v1.ts`). The provider maps it from the token's `sub`.
 */
const MAX_SUBJECT_BYTES = 127;

/** IAM: a pool or provider ID is 4 to 32 of `[a-z0-9-]`, and `gcp-` is Google's. */
const POOL_ID = /^[a-z0-9-]{4,32}$/;
const PROJECT_NUMBER = /^[1-9]\d{0,19}$/;
/** A project ID, with the domain of a domain-scoped project (`example.com:project`). */
const PROJECT_ID = /^([a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/**
 * A service account's email: IAM's account IDs are lower-case letters, digits and `-` (Google-managed
 * ones such as `service-123@gcp-sa-x.iam.gserviceaccount.com` too), then `@` and a lower-case domain.
 * It goes into the impersonation URL as it is, so nothing there may need escaping.
 */
const EMAIL = /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/**
 * Props of GcpWorkloadIdentityAccess.
 */
export interface GcpWorkloadIdentityAccessProps extends CloudIdentityOptions {
  /** The number (not the ID) of the project that holds the workload identity pool. */
  readonly projectNumber: string;

  /** The workload identity pool's ID: 4 to 32 lower-case letters, digits and `-`. */
  readonly poolId: string;

  /** The ID of the pool's OIDC provider for the cluster: 4 to 32 lower-case letters, digits and `-`. */
  readonly providerId: string;

  /**
   * A Google service account to impersonate (`service_account_impersonation_url`): the pods then act as
   * it, which the principal needs the right to do. Without it, the pods act as the principal itself,
   * which is granted roles on the resources directly.
   * @default - no impersonation
   */
  readonly serviceAccountEmail?: string;

  /**
   * Lifetime of the projected token in seconds, from 600 (Kubernetes' minimum) to 172799 (Google's STS
   * takes a token whose `exp` is less than 48 hours after its `iat`); the kubelet renews it, and
   * google-auth reads the file again on every refresh.
   * @default 3600
   */
  readonly expirationSeconds?: number;

  /**
   * Name of the ConfigMap that holds the credential configuration.
   * @default - the PodDefault's name
   */
  readonly configMapName?: string;
}

/**
 * Options of `GcpWorkloadIdentityAccess.gkePrincipal`.
 */
export interface GkePrincipalOptions {
  /** The number of the cluster's project. */
  readonly projectNumber: string;
  /** The ID of the cluster's project, whose pool is `PROJECT_ID.svc.id.goog`. */
  readonly projectId: string;
  /** The namespace (the Kubeflow profile) of the ServiceAccount. */
  readonly namespace: string;
  /**
   * The ServiceAccount the pods run as.
   * @default 'default-editor'
   */
  readonly serviceAccountName?: string;
}

/**
 * Google Cloud access for notebook pods through Workload Identity Federation, with no key, on any
 * cluster: a PodDefault and a ConfigMap, no Secret. The ConfigMap holds the credential configuration
 * (`external_account`, nothing secret in it), mounted read-only at `/etc/workload-identity`; the pod's
 * own ServiceAccount token is projected for the pool's provider at `/var/run/service-account/token`;
 * `GOOGLE_APPLICATION_CREDENTIALS` points at the configuration, so every Google client library finds
 * it. The pool's provider must trust the cluster's OIDC issuer, and `principal` be granted access.
 * The tokens' subject, `system:serviceaccount:NAMESPACE:SA`, must fit the 127 bytes of `google.subject`.
 *
 * On GKE with Workload Identity Federation for GKE, no PodDefault is needed: the metadata server answers
 * for the pod's ServiceAccount; grant `gkePrincipal(...)` access instead.
 *
 * @example
 * const identity = new GcpWorkloadIdentityAccess(chart, 'gcp-identity', {
 *   projectNumber: '123456789012',
 *   poolId: 'kubeflow',
 *   providerId: 'cluster',
 * });
 * identity.principal;
 */
export class GcpWorkloadIdentityAccess extends CloudIdentityAccess {
  /**
   * The principal a pod's ServiceAccount is on GKE with Workload Identity Federation for GKE, for IAM grants:
   * `principal://iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/PROJECT_ID.svc.id.goog/subject/ns/NAMESPACE/sa/KSA`.
   * No PodDefault is needed there: the GKE metadata server answers for the pod's ServiceAccount.
   * @param options the cluster's project and the ServiceAccount
   */
  public static gkePrincipal(options: GkePrincipalOptions): string {
    const path = 'GcpWorkloadIdentityAccess.gkePrincipal';
    if (typeof options !== 'object' || options === null) {
      throw fieldError(path, 'options', 'is not an object: give { projectNumber, projectId, namespace }');
    }
    checkProjectNumber(path, options.projectNumber);
    if (typeof options.projectId !== 'string' || !PROJECT_ID.test(options.projectId)) {
      throw fieldError(path, 'projectId', 'is not a project ID (6 to 30 lower-case letters, digits and "-", starting with a letter): give the ID of the cluster\'s project, such as "my-project"');
    }
    if (typeof options.namespace !== 'string' || !isDnsLabel(options.namespace)) {
      throw fieldError(path, 'namespace', 'is not a namespace (a DNS-1123 label): give the profile\'s namespace');
    }
    const serviceAccountName = checkedServiceAccountName(path, options.serviceAccountName, GCP_WILDCARD);
    return `principal://iam.googleapis.com/projects/${options.projectNumber}/locations/global/workloadIdentityPools/${options.projectId}.svc.id.goog`
      + `/subject/ns/${options.namespace}/sa/${serviceAccountName}`;
  }

  /** The ConfigMap that holds the credential configuration. */
  public readonly configMap: ApiObject;
  /** The credential configuration, as the ConfigMap holds it (JSON). */
  public readonly credentialConfiguration: string;
  /** The Google service account the pods impersonate, when one is given. */
  public readonly serviceAccountEmail?: string;
  private readonly pool: string;

  public constructor(scope: Construct, id: string, props: GcpWorkloadIdentityAccessProps) {
    const { names, own } = openIdentity(scope, id, props, KIND, path => gcpOwn(path, props));
    checkSubjectLength(names.path, names.namespace, names.serviceAccountName);
    const configMapName = props.configMapName ?? names.name;
    if (!isDnsSubdomain(configMapName)) {
      throw fieldError(names.path, 'configMapName', `${refusal(configMapName, dnsSubdomainRule(), 'a ConfigMap name')}: use a valid name`);
    }
    checkWrittenName(names.path, 'configMapName', configMapName);
    const pool = `projects/${own.projectNumber}/locations/global/workloadIdentityPools/${own.poolId}`;
    const provider = `${pool}/providers/${own.providerId}`;
    const configuration = `${JSON.stringify(credentialConfiguration(provider, own.serviceAccountEmail), null, 2)}\n`;
    super(scope, id, identitySpec(names, {
      env: [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: `${CONFIG_DIRECTORY}/${CONFIG_FILE}` }],
      marker: GCP_CREDENTIAL_MARKER,
      volumes: [
        // The audience is the provider's URL, with `https:` where the configuration has `//`.
        projectedTokenVolume(TOKEN_VOLUME, TOKEN_FILE, `https://iam.googleapis.com/${provider}`, own.expirationSeconds),
        { name: CONFIG_VOLUME, configMap: { name: configMapName } },
      ],
      volumeMounts: [
        { name: TOKEN_VOLUME, mountPath: TOKEN_DIRECTORY, readOnly: true },
        { name: CONFIG_VOLUME, mountPath: CONFIG_DIRECTORY, readOnly: true },
      ],
    }));
    this.configMap = new ApiObject(this, 'ConfigMap', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: configMapName, namespace: names.namespace },
      data: { [CONFIG_FILE]: configuration },
    });
    this.credentialConfiguration = configuration;
    this.serviceAccountEmail = own.serviceAccountEmail;
    this.pool = pool;
  }

  /**
   * The principal the pods act as, for IAM grants:
   * `principal://iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/subject/system:serviceaccount:NS:SA`
   * (the provider maps `google.subject` to the token's `sub`).
   */
  public get principal(): string {
    return `principal://iam.googleapis.com/${this.pool}/subject/${this.trustSubject}`;
  }
}

/** Google's `external_account` credential configuration for a token file, as its own tools write it. */
function credentialConfiguration(provider: string, serviceAccountEmail: string | undefined): object {
  return {
    type: 'external_account',
    audience: `//iam.googleapis.com/${provider}`,
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    token_url: 'https://sts.googleapis.com/v1/token',
    credential_source: { file: `${TOKEN_DIRECTORY}/${TOKEN_FILE}`, format: { type: 'text' } },
    ...serviceAccountEmail === undefined ? {} : {
      service_account_impersonation_url: `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/${serviceAccountEmail}:generateAccessToken`,
    },
  };
}

const GCP_WILDCARD = 'but a Google principal names one subject: give the account\'s own name, and one GcpWorkloadIdentityAccess per account';

const KIND: IdentityKind = {
  construct: 'GcpWorkloadIdentityAccess',
  defaultDescription: 'Use Google Cloud Workload Identity Federation',
  shape: { strings: ['projectNumber', 'poolId', 'providerId', 'serviceAccountEmail', 'configMapName'] },
  wildcard: GCP_WILDCARD,
};

interface GcpOwn {
  readonly projectNumber: string;
  readonly poolId: string;
  readonly providerId: string;
  readonly serviceAccountEmail?: string;
  readonly expirationSeconds: number;
}

function gcpOwn(path: string, props: GcpWorkloadIdentityAccessProps): GcpOwn {
  checkProjectNumber(path, props.projectNumber);
  for (const field of ['poolId', 'providerId'] as const) {
    const value = props[field];
    const what = field === 'poolId' ? 'workload identity pool' : 'pool\'s provider';
    if (typeof value !== 'string' || !POOL_ID.test(value) || value.startsWith('gcp-')) {
      throw fieldError(path, field, `is not the ID of a ${what} (4 to 32 lower-case letters, digits and "-", not starting with "gcp-"): give the ID, not the display name or the full resource name`);
    }
  }
  const email = props.serviceAccountEmail;
  if (email !== undefined && !EMAIL.test(email)) {
    // Not quoted: a value refused for its characters may be anything pasted, a secret included.
    throw fieldError(path, 'serviceAccountEmail', 'is not a service account\'s email (lower-case letters, digits, ".", "_" and "-", then "@" and a domain): give one such as "notebooks@my-project.iam.gserviceaccount.com", or leave serviceAccountEmail out');
  }
  const expirationSeconds = checkedExpirationSeconds(path, props.expirationSeconds, EXPIRATION);
  return { projectNumber: props.projectNumber, poolId: props.poolId, providerId: props.providerId, serviceAccountEmail: email, expirationSeconds };
}

/**
 * Refuses a ServiceAccount whose token's `sub` is longer than `google.subject` holds: STS would refuse
 * every exchange, and `principal` names no principal that can exist. Names are ASCII, so a character is a
 * byte; neither name is shown (either may be something pasted).
 */
function checkSubjectLength(path: string, namespace: string, serviceAccountName: string): void {
  const length = serviceAccountSubject(namespace, serviceAccountName).length;
  if (length > MAX_SUBJECT_BYTES) {
    const room = MAX_SUBJECT_BYTES - serviceAccountSubject('', '').length;
    throw fieldError(path, 'serviceAccountName', `makes the tokens' subject ("system:serviceaccount:NAMESPACE:NAME") ${length} bytes long, and Google's `
      + `google.subject holds at most ${MAX_SUBJECT_BYTES}, so STS refuses every exchange: give a service account whose name and namespace have at most ${room} characters together`);
  }
}

function checkProjectNumber(path: string, value: unknown): void {
  if (typeof value !== 'string' || !PROJECT_NUMBER.test(value)) {
    const hint = typeof value === 'string' && PROJECT_ID.test(value) ? ' (this looks like a project ID)' : '';
    throw fieldError(path, 'projectNumber', `is not a project number${hint}: give the project number "gcloud projects describe PROJECT_ID" shows, as a string`);
  }
}
