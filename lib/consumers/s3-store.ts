// An S3Configuration as the consumers besides notebooks read it: the store's settings (endpoint, region,
// addressing style) and its two keys, as values or as values a secret store keeps. Every consumer derives
// what it writes from here, never from how a notebook access lays out its Secret, so that one source
// gives every consumer the same store.
import { fieldError, readField } from '../errors';
import { S3_VARIABLES, S3Configuration, S3SignatureVersion } from '../sources/s3-configuration';
import { StoreInput, StoreReference } from '../sources/store-secret';

/** The store's endpoint in the forms the consumers take it. */
export interface S3Endpoint {
  /**
   * The URL as given, without a trailing `/` and with its scheme in lower case: `http://minio-service.kubeflow:9000`.
   * OpenDAL (Trainer's initializers) keeps an endpoint that starts with "http", case-sensitively, and prepends
   * "https://" to any other (apache/opendal core/src/services/s3/backend.rs, S3Builder::build_endpoint).
   */
  readonly url: string;
  /** Host and optional port, without the scheme: `minio-service.kubeflow:9000`. */
  readonly hostPort: string;
  /** Whether the scheme is https. */
  readonly https: boolean;
}

/** The settings of an S3 store that are not secrets. */
export interface S3StoreSettings {
  /** Undefined for AWS S3 itself. */
  readonly endpoint?: S3Endpoint;
  readonly region?: string;
  readonly forcePathStyle?: boolean;
}

/** The two keys of an S3 store: their values, or where a secret store keeps them (inputs named `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`). */
export type S3Keys =
  | { readonly kind: 'content'; readonly accessKeyId: string; readonly secretAccessKey: string }
  | { readonly kind: 'store'; readonly reference: StoreReference; readonly inputs: readonly StoreInput[] };

/** An S3 store as a consumer reads it, or the existing Secret the configuration names. */
export type ResolvedS3Store =
  | { readonly kind: 'existing'; readonly secretName: string }
  | { readonly kind: 'keys'; readonly settings: S3StoreSettings; readonly keys: S3Keys };

/**
 * Reads `configuration` (prop `field` of the construct at `path`) for `consumer`, which names the reader
 * in messages (`KServe's storage initializer`). Refuses what no consumer of this file can use: a session
 * token (each passes long-lived keys only, so temporary keys would fail once they lack their token) and
 * the legacy signature (each signs with Signature Version 4).
 */
export function resolveS3Store(path: string, field: string, configuration: S3Configuration, consumer: string): ResolvedS3Store {
  const resolved = readField(path, field, () => configuration._resolve());
  if (resolved.kind === 'existing') { return resolved; }
  const fail = (problem: string, valueField?: string) => fieldError(path, field, problem, valueField);
  const variables = resolved.variables;
  const session = resolved.kind === 'store'
    ? resolved.inputs.some(input => input.secretKey === S3_VARIABLES.sessionToken)
    : variables[S3_VARIABLES.sessionToken] !== undefined;
  if (session) {
    throw fail(`has a session token, which never reaches ${consumer} (only the access key and secret key do, and temporary keys fail without their token): give long-lived keys`, 'sessionToken');
  }
  if (variables[S3_VARIABLES.signatureVersion] === S3SignatureVersion.S3) {
    throw fail(`asks for the legacy "s3" signature, which ${consumer} cannot use (Signature Version 4 only): leave signatureVersion out, or give S3SignatureVersion.S3V4`, 'signatureVersion');
  }
  if (resolved.kind === 'references') {
    throw fail(`reads its keys from another Secret through secretKeyRef, which ${consumer} cannot follow: give the keys themselves`);
  }
  const endpointUrl = variables[S3_VARIABLES.endpoint];
  const pathStyle = variables[S3_VARIABLES.forcePathStyle];
  const settings: S3StoreSettings = {
    endpoint: endpointUrl === undefined ? undefined : endpointForms(endpointUrl),
    region: variables[S3_VARIABLES.region],
    forcePathStyle: pathStyle === undefined ? undefined : pathStyle === 'true',
  };
  const keys: S3Keys = resolved.kind === 'store'
    ? { kind: 'store', reference: resolved.reference, inputs: resolved.inputs }
    : { kind: 'content', accessKeyId: variables[S3_VARIABLES.accessKeyId], secretAccessKey: variables[S3_VARIABLES.secretAccessKey] };
  return { kind: 'keys', settings, keys };
}

/** A checked endpoint (`http(s)://host[:port][/]`, either scheme in any case) in its three forms. */
function endpointForms(endpoint: string): S3Endpoint {
  const given = endpoint.replace(/\/$/, '');
  const scheme = /^([a-z]+):\/\//i.exec(given)![1].toLowerCase();
  const hostPort = given.slice(scheme.length + 3);
  return { url: `${scheme}://${hostPort}`, hostPort, https: scheme === 'https' };
}
