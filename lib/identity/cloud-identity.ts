import { Construct } from 'constructs';
import { brand } from '../brand';
import { isPlainObject } from '../json';
import { AwsWebIdentityAccess, AwsWebIdentityAccessProps } from './aws-web-identity-access';
import { AzureWorkloadIdentityAccess, AzureWorkloadIdentityAccessProps } from './azure-workload-identity-access';
import { CloudIdentityAccess } from './cloud-identity-access';
import { GcpWorkloadIdentityAccess, GcpWorkloadIdentityAccessProps } from './gcp-workload-identity-access';

/**
 * The keyless cloud identity a notebook gets: one of the identity constructs, with its props.
 */
export class CloudIdentity {
  /**
   * An AWS IAM role, assumed with the pod's web identity token (an `AwsWebIdentityAccess`, child id
   * `aws-web-identity`).
   * @param props AwsWebIdentityAccess props
   */
  public static awsWebIdentity(props: AwsWebIdentityAccessProps): CloudIdentity {
    return new CloudIdentity('aws', props, (scope, namespace) =>
      new AwsWebIdentityAccess(scope, 'aws-web-identity', withNamespace(props, namespace)));
  }

  /**
   * A Microsoft Entra workload identity (an `AzureWorkloadIdentityAccess`, child id
   * `azure-workload-identity`).
   * @param props AzureWorkloadIdentityAccess props
   */
  public static azureWorkloadIdentity(props: AzureWorkloadIdentityAccessProps): CloudIdentity {
    return new CloudIdentity('azure', props, (scope, namespace) =>
      new AzureWorkloadIdentityAccess(scope, 'azure-workload-identity', withNamespace(props, namespace)));
  }

  /**
   * Google Cloud Workload Identity Federation (a `GcpWorkloadIdentityAccess`, child id
   * `gcp-workload-identity`).
   * @param props GcpWorkloadIdentityAccess props
   */
  public static gcpWorkloadIdentity(props: GcpWorkloadIdentityAccessProps): CloudIdentity {
    return new CloudIdentity('gcp', props, (scope, namespace) =>
      new GcpWorkloadIdentityAccess(scope, 'gcp-workload-identity', withNamespace(props, namespace)));
  }

  /** The cloud: `aws`, `azure` or `gcp`. @internal */
  public readonly _cloud: string;
  /** The namespace the props give, when they give one as a string. @internal */
  public readonly _namespace?: string;

  private constructor(cloud: string, props: unknown, private readonly create: (scope: Construct, namespace: string | undefined) => CloudIdentityAccess) {
    this._cloud = cloud;
    const namespace = isPlainObject(props) ? props.namespace : undefined;
    this._namespace = typeof namespace === 'string' ? namespace : undefined;
    brand(this, 'CloudIdentity');
  }

  /** Creates the identity construct in `scope`. @internal */
  public _create(scope: Construct, namespace: string | undefined): CloudIdentityAccess {
    return this.create(scope, namespace);
  }
}

/**
 * `props` with the NotebookAccess's namespace where they give none. Props that are no object (from
 * JavaScript) go to the construct as they are, which refuses them in words.
 */
function withNamespace<T extends { readonly namespace?: string }>(props: T, namespace: string | undefined): T {
  return isPlainObject(props) ? { ...props, namespace: props.namespace ?? namespace } : props;
}
