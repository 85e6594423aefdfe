// The Secret a construct synthesises from a credential source, the existing Secret it uses instead, or the
// ExternalSecret that fills it from a secret store: resolved from the source and the Secret props, checked,
// and rendered. The access constructs and the consumer constructs (KServe, Pipelines, Trainer) share it.
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import {
  ExternalSecretSpec, ExternalSecretSpecSecretStoreRefKind, ExternalSecretSpecTargetCreationPolicy, ExternalSecretSpecTargetTemplateEngineVersion,
  KubeExternalSecret,
} from '../../imports/external-secrets.io';
import { secretContentHash } from './content-hash';
import { AccessError } from '../errors';
import { withoutUndefined } from '../json';
import { dnsSubdomainRule, isDnsSubdomain, quote, refusal, writtenNameProblem } from '../names';
import { goDurationNanoseconds } from '../sources/go-duration';
import { SecretStoreKind } from '../sources/secret-store';
import { StoreSecret, templateLiteral } from '../sources/store-secret';

/** What a construct's Secret holds, the existing Secret it uses instead, or the store ESO fills it from. */
export type SecretSource =
  | { readonly existing: string }
  | { readonly data: { [key: string]: string }; readonly type: string }
  | { readonly store: StoreSecret };

/** The props that shape a synthesised Secret. */
export interface SecretOptions {
  readonly secretName?: string;
  readonly immutable?: boolean;
  readonly hashSecretName?: boolean;
  readonly workspaceMountable?: boolean;
}

/** The Secret a construct refers to, and what it synthesises for it: nothing, a Secret, or an ExternalSecret. */
export interface ResolvedSecret {
  /** Name of the Secret the construct refers to. */
  readonly secretName: string;
  /** The Secret's `data`, base64-encoded; undefined when no Secret is synthesised. */
  readonly secretData?: { [key: string]: string };
  readonly secretType?: string;
  readonly immutable?: boolean;
  /** The spec of the ExternalSecret that writes the Secret; undefined for other sources. */
  readonly externalSecret?: ExternalSecretSpec;
  /** Labels of the synthesised Secret, or of the one the ExternalSecret writes. */
  readonly secretLabels?: { [key: string]: string };
  /** Annotations of the synthesised Secret, or of the one the ExternalSecret writes. */
  readonly secretAnnotations?: { [key: string]: string };
}

/**
 * The label Kubeflow Notebooks 2.0's workspaces backend requires on a Secret before it mounts it into a
 * workspace (kubeflow/notebooks `workspaces/backend/internal/helper/validation.go`, v2.0.0-beta.0).
 */
export const WORKSPACE_MOUNTABLE_LABEL = 'notebooks.kubeflow.org/can-mount';

/**
 * Resolves and checks the Secret of `secret` under the Secret props, `defaultName` naming it unless
 * `secretName` does; `fail` makes the construct's error for a prop. `annotations` go on the synthesised
 * Secret (or the one ESO writes). Runs before anything is added to the tree.
 */
export function resolveSecret(fail: (field: string, problem: string) => AccessError, props: SecretOptions, defaultName: string,
  secret: SecretSource, annotations?: { [key: string]: string }): ResolvedSecret {
  if ('existing' in secret) {
    if (props.secretName !== undefined) {
      throw fail('secretName', 'only applies to a synthesised Secret, but the source is an existing Secret: leave secretName out and name the Secret in fromExistingSecret');
    }
    for (const field of ['immutable', 'hashSecretName'] as const) {
      if (props[field] !== undefined) {
        throw fail(field, `only applies to a synthesised Secret, but the source is an existing Secret: leave ${field} out`);
      }
    }
    if (props.workspaceMountable !== undefined) {
      throw fail('workspaceMountable', `only applies to a synthesised Secret, but the source is an existing Secret: leave workspaceMountable out, and label that Secret ${WORKSPACE_MOUNTABLE_LABEL}: "true" yourself`);
    }
    return { secretName: secret.existing };
  }
  const secretLabels = props.workspaceMountable ? { [WORKSPACE_MOUNTABLE_LABEL]: 'true' } : undefined;

  if ('store' in secret) {
    if (props.hashSecretName) {
      throw fail('hashSecretName', 'does not apply to a secret store source: External Secrets Operator rewrites the Secret in place, under the same name, whenever the stored values change: leave hashSecretName out');
    }
    if (props.immutable && goDurationNanoseconds(secret.store.refreshInterval) !== 0n) {
      throw fail('immutable', `External Secrets Operator never rewrites an immutable Secret, so the source's refreshInterval ${quote(secret.store.refreshInterval)} would never reach it: set refreshInterval to "0s" on the source, to read the store once, or leave immutable out`);
    }
    const secretName = checkedSecretName(fail, props.secretName ?? defaultName, false);
    return {
      secretName,
      externalSecret: externalSecretSpec(secretName, secret.store, props.immutable, secretLabels, annotations),
      secretLabels,
      secretAnnotations: annotations,
    };
  }

  // Every source writes its data with encodeBase64 (padded standard base64), whose decoded size
  // byteLength computes from the length alone, without decoding the credentials once more.
  let size = 0;
  for (const key in secret.data) { size += Buffer.byteLength(secret.data[key], 'base64'); }
  if (size > MAX_SECRET_BYTES) {
    throw fail('secret', `would hold ${size} bytes, more than the ${MAX_SECRET_BYTES} (1 MiB) the API server accepts in a Secret: give the credentials only, or create the Secret another way and use fromExistingSecret`);
  }

  const baseName = checkedSecretName(fail, props.secretName ?? defaultName, props.hashSecretName);
  const secretName = props.hashSecretName
    ? `${baseName}-${secretContentHash(secret.type, secret.data)}`
    : baseName;
  return {
    secretName,
    secretData: secret.data,
    secretType: secret.type,
    immutable: props.immutable,
    secretLabels,
    secretAnnotations: annotations,
  };
}

/** The manifest of the synthesised Secret in `namespace`; undefined when there is none. */
export function secretManifest(namespace: string, resolved: ResolvedSecret): any {
  if (resolved.secretData === undefined) { return undefined; }
  const metadata: any = { name: resolved.secretName, namespace };
  if (resolved.secretLabels !== undefined) { metadata.labels = resolved.secretLabels; }
  if (resolved.secretAnnotations !== undefined) { metadata.annotations = resolved.secretAnnotations; }
  // A plain object for a plain ApiObject: its data is JSON already, which KubeSecret would only copy once more.
  const secret: any = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata,
    type: resolved.secretType ?? 'Opaque',
    data: resolved.secretData,
  };
  if (resolved.immutable) { secret.immutable = true; }
  return secret;
}

/**
 * Adds what `resolved` synthesises under `scope`: the Secret (child `Secret`) or the ExternalSecret (child
 * `ExternalSecret`), in `namespace`; `id` prefixes the children's ids for a construct that makes several.
 */
export function addSecret(scope: Construct, namespace: string, resolved: ResolvedSecret, id = ''): AddedSecret {
  const manifest = secretManifest(namespace, resolved);
  const secret = manifest === undefined ? undefined : new ApiObject(scope, `${id}Secret`, manifest);
  // A plain ApiObject too: the spec is written as KubeExternalSecret would write it, field for field,
  // without the fields the spec leaves unset, which cdk8s would drop.
  const externalSecret = resolved.externalSecret === undefined ? undefined : new ApiObject(scope, `${id}ExternalSecret`, {
    apiVersion: KubeExternalSecret.GVK.apiVersion,
    kind: KubeExternalSecret.GVK.kind,
    metadata: { name: resolved.secretName, namespace },
    spec: withoutUndefined(resolved.externalSecret),
  });
  return { secret, externalSecret };
}

/** What addSecret added: the Secret, or the ExternalSecret, or neither. */
export interface AddedSecret {
  readonly secret?: ApiObject;
  readonly externalSecret?: ApiObject;
}

function checkedSecretName(fail: (field: string, problem: string) => AccessError, name: string, hashed: boolean | undefined): string {
  if (!isDnsSubdomain(name) || (hashed && name.length > 253 - 11)) {
    throw fail('secretName', `${refusal(name, dnsSubdomainRule(hashed ? 242 : 253, hashed ? ' with hashSecretName, which adds 11' : ''), 'a Secret name')}: use a valid name`);
  }
  const written = writtenNameProblem(name);
  if (written !== undefined) { throw fail('secretName', written); }
  return name;
}

const STORE_KINDS: Record<SecretStoreKind, ExternalSecretSpecSecretStoreRefKind> = {
  [SecretStoreKind.SECRET_STORE]: ExternalSecretSpecSecretStoreRefKind.SECRET_STORE,
  [SecretStoreKind.CLUSTER_SECRET_STORE]: ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE,
};

/**
 * The ExternalSecret that writes the Secret `secretName`: owned by it (`creationPolicy: Owner`), so
 * that deleting the ExternalSecret deletes the Secret, and with the template engine spelt out because
 * the templates are written for v2. Labels and annotations of the Secret go in the template's metadata,
 * the only ones ESO writes once there is a template; their values are templates too, so they are
 * written as literals.
 */
function externalSecretSpec(secretName: string, store: StoreSecret, immutable: boolean | undefined,
  labels: { [key: string]: string } | undefined, annotations: { [key: string]: string } | undefined): ExternalSecretSpec {
  const metadata = labels === undefined && annotations === undefined ? undefined
    : { labels: literals(labels), annotations: literals(annotations) };
  const hasTemplate = store.template !== undefined || store.type !== undefined || metadata !== undefined;
  return {
    refreshInterval: store.refreshInterval,
    secretStoreRef: { name: store.store.name, kind: STORE_KINDS[store.store.kind] },
    target: {
      name: secretName,
      creationPolicy: ExternalSecretSpecTargetCreationPolicy.OWNER,
      immutable: immutable ? true : undefined,
      template: hasTemplate
        ? { type: store.type, engineVersion: ExternalSecretSpecTargetTemplateEngineVersion.V2, metadata, data: store.template && { ...store.template } }
        : undefined,
    },
    data: store.inputs.map(({ secretKey, remote }) => ({ secretKey, remoteRef: { ...remote } })),
  };
}

function literals(map: { [key: string]: string } | undefined): { [key: string]: string } | undefined {
  if (map === undefined) { return undefined; }
  const out: { [key: string]: string } = {};
  for (const key in map) { out[key] = templateLiteral(map[key]); }
  return out;
}

/** The most data a Secret holds: the API server rejects a larger one (corev1.MaxSecretSize). */
const MAX_SECRET_BYTES = 1024 * 1024;
