import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KubePodDefault } from '../../imports/kubeflow.org';
import { resolveNames } from './pod-default-access';
import { fieldError } from '../errors';
import { PodDefaultValidation } from '../check/pod-default-validation';
import { checkedAudience, checkedExpirationSeconds, kubernetesBounds, projectedTokenVolume } from '../identity/projected-token';
import { openConstruct } from './props-guard';

/** Where `kfp.Client()` reads the token when no path is given and `KF_PIPELINES_SA_TOKEN_PATH` is unset. */
const TOKEN_DIRECTORY = '/var/run/secrets/kubeflow/pipelines';
const TOKEN_FILE = 'token';
const VOLUME_NAME = 'volume-kf-pipeline-token';
/** The `TOKEN_REVIEW_AUDIENCE` default of the `ml-pipeline` Deployment. */
const DEFAULT_AUDIENCE = 'pipelines.kubeflow.org';
const EXPIRATION = kubernetesBounds(7200);

/**
 * Props of PipelinesApiAccess. There is no Secret: the token is the notebook's own service account
 * token, projected by the kubelet.
 */
export interface PipelinesApiAccessProps {
  /**
   * Namespace (the Kubeflow profile) of the PodDefault.
   * @default - the enclosing Chart's namespace
   */
  readonly namespace?: string;

  /**
   * Name of the PodDefault, and the key of its one selector label (`<name>: "true"`). The Kubeflow
   * docs name it `access-ml-pipeline`.
   * @default - the construct id in kebab case
   */
  readonly name?: string;

  /**
   * The PodDefault's `desc`, shown in the notebook spawner.
   * @default 'Allow access to Kubeflow Pipelines'
   */
  readonly description?: string;

  /**
   * Lifetime of the projected token in seconds; the kubelet renews it before it expires, and
   * `kfp.Client()` reads the file again on every refresh. At least 600, Kubernetes' minimum.
   * @default 7200
   */
  readonly expirationSeconds?: number;

  /**
   * Audience of the projected token: the `TOKEN_REVIEW_AUDIENCE` of the `ml-pipeline` Deployment.
   * Change it only on installs that changed that variable.
   * @default 'pipelines.kubeflow.org'
   */
  readonly audience?: string;
}

/**
 * Access to the Kubeflow Pipelines API from notebooks: the Kubeflow docs' `access-ml-pipeline`
 * PodDefault, which projects a service account token for the Pipelines audience to
 * `/var/run/secrets/kubeflow/pipelines/token`, where `kfp.Client()` finds it. No Secret.
 *
 * It never sets `KF_PIPELINES_ENDPOINT`: with a host set and no credentials, `kfp.Client()` returns
 * before it attaches the token.
 *
 * @example
 * new PipelinesApiAccess(chart, 'access-ml-pipeline');
 */
export class PipelinesApiAccess extends KubePodDefault {
  /** Namespace of the PodDefault. */
  public readonly namespace: string;
  /** The labels a Notebook carries to select this PodDefault: `{ <name>: "true" }`, frozen. */
  public readonly selectorLabels: { [key: string]: string };

  public constructor(scope: Construct, id: string, props: PipelinesApiAccessProps = {}) {
    const spec = pipelinesSpec(scope, id, props);
    // Frozen, since it is the selector the PodDefault renders: a caller who reads it cannot change that.
    const selectorLabels = Object.freeze({ [spec.name]: 'true' });
    super(scope, id, {
      metadata: { name: spec.name, namespace: spec.namespace },
      spec: {
        selector: { matchLabels: selectorLabels },
        desc: spec.description,
        env: [{ name: 'KF_PIPELINES_SA_TOKEN_PATH', value: `${TOKEN_DIRECTORY}/${TOKEN_FILE}` }],
        volumes: [projectedTokenVolume(VOLUME_NAME, TOKEN_FILE, spec.audience, spec.expirationSeconds)],
        volumeMounts: [{ mountPath: TOKEN_DIRECTORY, name: VOLUME_NAME, readOnly: true }],
      },
    });
    this.namespace = spec.namespace;
    this.selectorLabels = selectorLabels;
    PodDefaultValidation.attachTo(this);
  }

  /** The PodDefault: this construct itself. */
  public get podDefault(): KubePodDefault {
    return this;
  }
}

// Rendered as cdk8s's ApiObject renders it, as PodDefaultAccess is: the spec is plain JSON.
PipelinesApiAccess.prototype.toJson = ApiObject.prototype.toJson;

interface PipelinesSpec {
  readonly namespace: string;
  readonly name: string;
  readonly description: string;
  readonly expirationSeconds: number;
  readonly audience: string;
}

function pipelinesSpec(scope: Construct, id: string, props: PipelinesApiAccessProps): PipelinesSpec {
  const path = openConstruct(scope, id, props, { strings: ['namespace', 'name', 'description'] }, true);
  // JavaScript callers can pass the Secret props of the other constructs; say why they do nothing here.
  for (const field of ['secretName', 'immutable', 'hashSecretName', 'workspaceMountable', 'volumeName', 'mountPath']) {
    if ((props as { [key: string]: unknown })[field] !== undefined) {
      throw fieldError(path, field, `does not apply: PipelinesApiAccess has no Secret and mounts the token where kfp.Client() looks for it; leave ${field} out`);
    }
  }
  const expirationSeconds = checkedExpirationSeconds(path, props.expirationSeconds, EXPIRATION);
  const audience = checkedAudience(path, props.audience, DEFAULT_AUDIENCE, 'the TOKEN_REVIEW_AUDIENCE of the ml-pipeline Deployment');
  const { namespace, name, description } = resolveNames(scope, id,
    { namespace: props.namespace, name: props.name, description: props.description }, 'Allow access to Kubeflow Pipelines');
  return { namespace, name, description, expirationSeconds, audience };
}
