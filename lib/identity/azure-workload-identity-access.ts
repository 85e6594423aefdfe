import { Construct } from 'constructs';
import { fieldError } from '../errors';
import { quote } from '../names';
import { CloudIdentityAccess, CloudIdentityOptions, IdentityKind, identitySpec, openIdentity } from './cloud-identity-access';
import { checkedExpirationSeconds, PROJECTED_DEFAULT_MODE, projectedTokenVolume } from './projected-token';
import { checkedIssuer } from './trust-subject';
import { AZURE_CREDENTIAL_MARKER } from '../access/markers';

// The names of Azure Workload Identity's webhook up to v1.5.1 (pkg/webhook/consts.go): its volume, its
// mount and its audience.
const VOLUME_NAME = 'azure-identity-token';
const TOKEN_DIRECTORY = '/var/run/secrets/azure/tokens';
const TOKEN_FILE = 'azure-identity-token';
/** The one audience Microsoft Entra ID accepts in a federated credential's token. */
const AUDIENCE = 'api://AzureADTokenExchange';
/** The longest issuer Microsoft Entra takes in a federated identity credential. */
const MAX_ISSUER_LENGTH = 600;
const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com/';
/** The bounds the Azure webhook puts on `service-account-token-expiration`. */
const EXPIRATION = { defaultSeconds: 3600, min: 3600, max: 86400, why: 'the range Azure Workload Identity accepts' };

/** `https://`, a DNS name in ASCII, an optional port, and a path of printable ASCII. */
const AUTHORITY_HOST = /^https:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?(\/[^\s?#\x00-\x20\x7f-\uffff]*)?$/i;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Props of AzureWorkloadIdentityAccess.
 */
export interface AzureWorkloadIdentityAccessProps extends CloudIdentityOptions {
  /** The application (client) ID of the managed identity or app registration (`AZURE_CLIENT_ID`), a GUID. */
  readonly clientId: string;

  /** The Microsoft Entra tenant ID (`AZURE_TENANT_ID`), a GUID. */
  readonly tenantId: string;

  /**
   * The Microsoft Entra authority (`AZURE_AUTHORITY_HOST`): `https://login.microsoftonline.us/` for
   * Azure Government, `https://login.chinacloudapi.cn/` for Azure operated by 21Vianet. The scheme in
   * lower case: `@azure/identity` refuses `HTTPS://`.
   * @default 'https://login.microsoftonline.com/'
   */
  readonly authorityHost?: string;

  /**
   * Lifetime of the projected token in seconds, from 3600 to 86400 (Azure Workload Identity's range);
   * the kubelet renews it, and the Azure SDKs read the file again.
   * @default 3600
   */
  readonly expirationSeconds?: number;
}

/**
 * A federated identity credential of a Microsoft Entra application or user-assigned managed identity:
 * the tokens it accepts.
 */
export interface AzureFederatedCredential {
  /** The cluster's OIDC issuer URL. */
  readonly issuer: string;
  /** `system:serviceaccount:NS:SA`. */
  readonly subject: string;
  /** `['api://AzureADTokenExchange']`. */
  readonly audiences: string[];
}

/**
 * A Microsoft Entra workload identity for notebook pods, with no secret: a PodDefault and no Secret. It
 * projects the pod's own ServiceAccount token for `api://AzureADTokenExchange` (volume
 * `azure-identity-token`, mounted read-only at `/var/run/secrets/azure/tokens`) and sets
 * `AZURE_CLIENT_ID`, `AZURE_TENANT_ID`, `AZURE_FEDERATED_TOKEN_FILE` and `AZURE_AUTHORITY_HOST`, which
 * `DefaultAzureCredential` and `WorkloadIdentityCredential` read. It sets no
 * `azure.workload.identity/use` label, so Azure's own webhook leaves the pod alone. The identity needs
 * a federated credential for the pods' ServiceAccount (`federatedCredential`).
 *
 * @example
 * const identity = new AzureWorkloadIdentityAccess(chart, 'azure-identity', {
 *   clientId: '00000000-0000-0000-0000-000000000001',
 *   tenantId: '00000000-0000-0000-0000-000000000002',
 * });
 * identity.federatedCredential('https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000002/00000000-0000-0000-0000-000000000003/');
 */
export class AzureWorkloadIdentityAccess extends CloudIdentityAccess {
  /** The application (client) ID. */
  public readonly clientId: string;
  /** The tenant ID. */
  public readonly tenantId: string;

  public constructor(scope: Construct, id: string, props: AzureWorkloadIdentityAccessProps) {
    const { names, own } = openIdentity(scope, id, props, KIND, path => azureOwn(path, props));
    super(scope, id, identitySpec(names, {
      env: [
        { name: 'AZURE_CLIENT_ID', value: own.clientId },
        { name: 'AZURE_TENANT_ID', value: own.tenantId },
        { name: 'AZURE_FEDERATED_TOKEN_FILE', value: `${TOKEN_DIRECTORY}/${TOKEN_FILE}` },
        { name: 'AZURE_AUTHORITY_HOST', value: own.authorityHost },
      ],
      marker: AZURE_CREDENTIAL_MARKER,
      // The volume as the Azure webhook's (v1.5.1) lands in the pod, defaultMode included, so the two merge
      // where that webhook runs first for a pod labelled by someone else.
      volumes: [projectedTokenVolume(VOLUME_NAME, TOKEN_FILE, AUDIENCE, own.expirationSeconds, PROJECTED_DEFAULT_MODE)],
      volumeMounts: [{ name: VOLUME_NAME, mountPath: TOKEN_DIRECTORY, readOnly: true }],
    }));
    this.clientId = own.clientId;
    this.tenantId = own.tenantId;
  }

  /**
   * The federated identity credential the identity needs, for a cluster whose OIDC issuer is `issuer`:
   * what `az identity federated-credential create --issuer --subject --audiences` takes.
   * @param issuer the cluster's OIDC issuer URL, exactly as its tokens name it (`az aks show --query oidcIssuerProfile.issuerUrl`), at most 600 characters (Microsoft Entra's limit)
   */
  public federatedCredential(issuer: string): AzureFederatedCredential {
    const example = 'https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000002/00000000-0000-0000-0000-000000000003/';
    checkedIssuer(this.node.path, 'issuer', issuer, false, example);
    // Microsoft Entra, "Important considerations and restrictions for federated identity credentials": the issuer
    // "has a character limit of 600 characters". It names no rule on a port (IAM does), so one is taken as it is.
    if (issuer.length > MAX_ISSUER_LENGTH) {
      throw fieldError(this.node.path, 'issuer', `is ${issuer.length} characters long, more than the ${MAX_ISSUER_LENGTH} Microsoft Entra takes in the issuer of a `
        + `federated identity credential: give the issuer exactly as the cluster's tokens name it (their "iss" claim), such as ${quote(example)}`);
    }
    return { issuer, subject: this.trustSubject, audiences: [AUDIENCE] };
  }
}

const KIND: IdentityKind = {
  construct: 'AzureWorkloadIdentityAccess',
  defaultDescription: 'Use a Microsoft Entra workload identity',
  shape: { strings: ['clientId', 'tenantId', 'authorityHost'] },
  wildcard: 'but a federated credential matches one subject exactly: give the account\'s own name, and create one AzureWorkloadIdentityAccess (and one federated credential) per account',
};

interface AzureOwn {
  readonly clientId: string;
  readonly tenantId: string;
  readonly authorityHost: string;
  readonly expirationSeconds: number;
}

function azureOwn(path: string, props: AzureWorkloadIdentityAccessProps): AzureOwn {
  for (const field of ['clientId', 'tenantId'] as const) {
    const value = props[field];
    if (typeof value !== 'string' || !GUID.test(value)) {
      const what = field === 'clientId' ? 'the application (client) ID of the managed identity or app registration' : 'the Microsoft Entra tenant ID';
      throw fieldError(path, field, `is not a GUID (8-4-4-4-12 hexadecimal digits): give ${what}, such as "00000000-0000-0000-0000-000000000000"`);
    }
  }
  const authorityHost = props.authorityHost ?? DEFAULT_AUTHORITY_HOST;
  // Not quoted when refused: a URL pasted with user:password@ in it holds a secret.
  if (typeof authorityHost === 'string' && AUTHORITY_HOST.test(authorityHost) && !authorityHost.startsWith('https://')) {
    // @azure/identity 4.13.0 src/client/identityClient.ts, IdentityClient's constructor: `baseUri.startsWith("https:")`,
    // case-sensitive, else "The authorityHost address must use the 'https' protocol." (tested).
    throw fieldError(path, 'authorityHost', `has its scheme in upper case, and @azure/identity takes only "https://" in lower case (it throws "The authorityHost address must use the 'https' protocol."): write the scheme "https://", or leave authorityHost out for ${quote(DEFAULT_AUTHORITY_HOST)}`);
  }
  if (typeof authorityHost !== 'string' || !AUTHORITY_HOST.test(authorityHost)) {
    throw fieldError(path, 'authorityHost', `is not an https URL of a host (a DNS name of ASCII letters, digits, "-" and ".", an optional port and path, no user, query or whitespace): give the Microsoft Entra authority, such as "https://login.microsoftonline.us/", or leave authorityHost out for ${quote(DEFAULT_AUTHORITY_HOST)}`);
  }
  const expirationSeconds = checkedExpirationSeconds(path, props.expirationSeconds, EXPIRATION);
  return { clientId: props.clientId, tenantId: props.tenantId, authorityHost, expirationSeconds };
}
