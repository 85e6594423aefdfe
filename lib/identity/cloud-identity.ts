import { Construct } from 'constructs';
import { brand } from '../brand';
import { copyOfProps, filled, namespaceOf } from '../access/props-guard';
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
    // A copy with the props a class instance keeps on its prototype, which a spread leaves out (as StorageAccess's).
    const given = copyOfProps(props);
    return new CloudIdentity('aws', given, (scope, namespace) =>
      new AwsWebIdentityAccess(scope, 'aws-web-identity', filled(given, p => ({ ...p, namespace: p.namespace ?? namespace }))));
  }

  /**
   * A Microsoft Entra workload identity (an `AzureWorkloadIdentityAccess`, child id
   * `azure-workload-identity`).
   * @param props AzureWorkloadIdentityAccess props
   */
  public static azureWorkloadIdentity(props: AzureWorkloadIdentityAccessProps): CloudIdentity {
    const given = copyOfProps(props);
    return new CloudIdentity('azure', given, (scope, namespace) =>
      new AzureWorkloadIdentityAccess(scope, 'azure-workload-identity', filled(given, p => ({ ...p, namespace: p.namespace ?? namespace }))));
  }

  /**
   * Google Cloud Workload Identity Federation (a `GcpWorkloadIdentityAccess`, child id
   * `gcp-workload-identity`).
   * @param props GcpWorkloadIdentityAccess props
   */
  public static gcpWorkloadIdentity(props: GcpWorkloadIdentityAccessProps): CloudIdentity {
    const given = copyOfProps(props);
    return new CloudIdentity('gcp', given, (scope, namespace) =>
      new GcpWorkloadIdentityAccess(scope, 'gcp-workload-identity', filled(given, p => ({ ...p, namespace: p.namespace ?? namespace }))));
  }

  /** The cloud: `aws`, `azure` or `gcp`. @internal */
  public readonly _cloud: string;
  /** The namespace the props give, when they give one as a string. @internal */
  public readonly _namespace?: string;

  private constructor(cloud: string, props: unknown, private readonly create: (scope: Construct, namespace: string | undefined) => CloudIdentityAccess) {
    this._cloud = cloud;
    this._namespace = namespaceOf(props);
    brand(this, 'CloudIdentity');
  }

  /** Creates the identity construct in `scope`. @internal */
  public _create(scope: Construct, namespace: string | undefined): CloudIdentityAccess {
    return this.create(scope, namespace);
  }
}
