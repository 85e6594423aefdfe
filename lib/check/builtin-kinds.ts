// How the API server validates the metadata of Kubernetes' own kinds that a platform stack writes, one row a kind, each
// citing its validator: the rule of its name, and whether its validation calls the core group's ValidateObjectMeta
// (kubernetes pkg/apis/core/validation/validation.go), which adds validateKubeFinalizerName to apimachinery's: a
// finalizer without "/" must be kubernetes, orphan or foregroundDeletion. A kind not listed keeps only the path segment
// rule every kind shares (metadata-value.ts); a kind of the core group not listed keeps the finalizer rule (every core
// validator but Event's calls ValidateObjectMeta).
//
// Sources (read with the search tool's file index; kubernetes/kubernetes is too large to fetch, and its stored versions
// carry no tag, so each is tied to release-1.32 by what it holds):
// - pkg/apis/core/validation/validation.go, stored version of 357,218 characters (id 36792487): it has
//   EnableVolumeAttributesClass (1.29+) and ValidateResourceClaimName in core; the name validators (ValidatePodName,
//   ValidateServiceName = NameIsDNS1035Label, ValidateLimitRangeName, ValidateResourceQuotaName, ValidateEndpointsName,
//   ValidatePersistentVolumeName, ValidateClassName, ValidatePriorityClassName) have not changed since 1.8, nor the
//   ValidateObjectMeta calls of ValidatePod (validatePodMetadataAndSpec), ValidateService, ValidatePersistentVolumeClaim,
//   ValidateEndpoints, ValidateLimitRange and ValidateResourceQuota (found in every stored version, from 1.0 on).
// - pkg/apis/apps/validation/validation.go at 2dd1588c490775be7cd90d0afc59c6dcef07032a: ValidateStatefulSetName is
//   NameIsDNSLabel (kubernetes PR 114172, merged for 1.27) and ValidateStatefulSetSpec does not yet validate
//   spec.serviceName (PR 130233, 1.33): a version between 1.27 and 1.32.
// - pkg/apis/batch/validation/validation.go, stored version with JobSuccessPolicy and the SuccessCriteriaMet condition
//   (1.31+; id 159273491): ValidateJob and ValidateCronJobCreate (the 52-character limit).
// - pkg/apis/rbac/validation/validation.go at 1dc8b4f20f8cd7581b3175390bcca93dbcd517e5 (ValidateRBACName =
//   path.IsValidPathSegmentName, `validation.ValidateObjectMeta` of k8s.io/kubernetes/pkg/apis/core/validation);
//   pkg/apis/networking/validation/validation.go at 1758d176899c3cef671eb4a3bb77df852280eb95;
//   pkg/apis/policy/validation/validation.go with UnhealthyPodEvictionPolicy (1.26+): ValidatePodDisruptionBudget
//   validates the spec alone; pkg/apis/autoscaling, storage and scheduling validation.go (several stored versions,
//   all alike). These calls have been the same in every stored version read, from before 1.20 to after 1.32.
// - CustomResourceDefinition: k8s.io/apiextensions-apiserver v0.32.9 (the tag of 1.32.9, fetched)
//   pkg/apis/apiextensions/validation/validation.go ValidateCustomResourceDefinition: apimachinery's
//   genericvalidation.ValidateObjectMeta, so no validateKubeFinalizerName.
// - APIService: k8s.io/kube-aggregator v0.32.9 (the tag of 1.32.9, fetched) pkg/apis/apiregistration/validation/validation.go
//   ValidateAPIService: apimachinery's validation.ValidateObjectMeta with a name function of its own,
//   path.IsValidPathSegmentName and then the name must be spec.version + "." + spec.group (kind-name.ts).
// - Each of the following, read in every stored version the file index gives for the call (from before 1.20 to after
//   1.32 unless said), alike in all: the import that names the ObjectMeta validator (`k8s.io/kubernetes/pkg/apis/core/validation`
//   or apimachinery's `k8s.io/apimachinery/pkg/api/validation`) and the name function it is given.
//   pkg/apis/core/validation/validation.go: ValidateNode (ValidateNodeName = NameIsDNSSubdomain), ValidatePersistentVolume
//   (at offset 85,402 of the version above), ValidateReplicationController.
//   pkg/apis/admissionregistration/validation/validation.go (a version with StrictCostEnforcementForVAP, 1.30+, id 931394775):
//   validateValidatingWebhookConfiguration, validateMutatingWebhookConfiguration, validateValidatingAdmissionPolicy and
//   validateValidatingAdmissionPolicyBinding all call genericvalidation.ValidateObjectMeta with NameIsDNSSubdomain.
//   pkg/apis/networking/validation/validation.go: ValidateIngressClass (ValidateIngressClassName = NameIsDNSSubdomain,
//   apivalidation = core), ValidateServiceCIDR (ValidateServiceCIDRName = NameIsDNSSubdomain; one stored version, id 322846700;
//   networking.k8s.io/v1beta1 in 1.32, served only with the MultiCIDRServiceAllocator gate).
//   pkg/apis/certificates/validation/validation.go validateCertificateSigningRequest: core ValidateObjectMeta with
//   ValidateCertificateRequestName, which returns nil ("We don't care what you call your certificate requests").
//   pkg/apis/coordination/validation/validation.go ValidateLease: apimachinery's validation.ValidateObjectMeta,
//   NameIsDNSSubdomain (a version with LeaseCandidateSpec.PreferredStrategies, 1.31 and 1.32 only, id 468804917).
//   pkg/apis/node/validation/validation.go ValidateRuntimeClass: apivalidation = k8s.io/apimachinery/pkg/api/validation.
//   pkg/apis/discovery/validation/validation.go ValidateEndpointSlice: core ValidateObjectMeta, ValidateEndpointSliceName =
//   NameIsDNSSubdomain. pkg/apis/flowcontrol/validation/validation.go ValidateFlowSchema and
//   ValidatePriorityLevelConfiguration: core ValidateObjectMeta, NameIsDNSSubdomain.
// - kubernetes/kubernetes is still too large to fetch (1.9 GB, as are its forks that hold 1.32); read with the file index,
//   each tied to 1.32 by a stored version on either side of it, the same in both:
//   pkg/apis/storage/validation/validation.go: ValidateCSINode (core ValidateObjectMeta, ValidateNodeName) and
//   ValidateVolumeAttachment (core ValidateObjectMeta, ValidateClassName), alike in gnufied/kubernetes at
//   bd0059a37e4dda0bc7b017127d94e575864ae622 (before 1.20) and in a version with MutableCSINodeAllocatableCount and
//   nodeAllocatableUpdatePeriodSeconds (1.33+, id 699239685); ValidateCSIDriver (core ValidateObjectMeta with
//   ValidateCSIDriverName = NameIsDNSSubdomain) alike in that 1.33+ version and in pacoxu/kubernetes at
//   5ba8e227bd12a3ab451296dcfeb52c053f39154c (before 1.25: no seLinuxMount), where a 1.19 or 1.20 version
//   (huffmanca/kubernetes at c38e0c3a9a5091282c4b9d556b4a0977ad749c95) checked core's ValidateCSIDriverName alone (63
//   characters, any case; kubernetes issue 96520 asked for ValidateObjectMeta).
//   pkg/apis/networking/validation/validation.go ValidateIPAddress (core ValidateObjectMeta): in the 1.29
//   version (LionelJouin/kubernetes at b8207be65bfbe4a8f7391ae5e712305bff9c572b, ServiceCIDR beside its own
//   validateCIDR) ValidateIPAddressName parses the name with `netip.ParseAddr` and refuses it unless `ip.String() ==
//   name` ("must be a canonical format IP address"); in the 1.33+ one (id 322846700, IsValidCIDRForLegacyField) it calls
//   `validation.IsValidIP`, which from k8s.io/apimachinery v0.33.0 (fetched, pkg/util/validation/ip.go) wants the same
//   (`value != ip.String()`: "must be in canonical form") and refuses more (an IPv4-mapped address); at v0.32.4
//   IsValidIP was still ParseIPSloppy, so 1.32 cannot have had that form, and kubernetes/enhancements
//   keps/sig-network/4858-ip-cidr-validation says ipaddr.metadata.name "already" had the strict semantics "as of 1.32".
//   The check refuses what both refuse: no address, or not as netip writes it back (go-netip.ts).
//   pkg/apis/core/validation/validation.go ValidatePodTemplate (version id 36792487 above, after ValidatePodBinding
//   near offset 237,000, and an older one, id 38217235723): ValidateObjectMeta with ValidatePodName.
// - Not listed: VolumeAttributesClass (only versions after 1.32 read), resource.k8s.io (v1beta1 in 1.32, off by
//   default; not read), MutatingAdmissionPolicy (v1alpha1 in 1.32).

/** A name validator, as the kind's ValidateNameFunc. */
export type NameValidator = 'dns-subdomain' | 'dns-label' | 'dns-1035-label' | 'path-segment' | 'ip-address';

/** How the API server validates one built-in kind's metadata. */
export interface BuiltinKind {
  readonly names: NameValidator;
  /** Whether its validation calls the core group's ValidateObjectMeta, and so validateKubeFinalizerName. */
  readonly kubeFinalizers: boolean;
  /** The longest name its validation takes on create, when shorter than its rule's. */
  readonly maxName?: { readonly length: number; readonly why: string };
  /** Whether its registry strategy leaves metadata.generation as sent, so a negative one reaches validation. */
  readonly keepsGeneration?: boolean;
  /** The validator that says so. */
  readonly source: string;
}

const subdomain = (source: string): BuiltinKind => ({ names: 'dns-subdomain', kubeFinalizers: true, source });
/** A DNS subdomain name, validated by apimachinery's ValidateObjectMeta alone: no validateKubeFinalizerName. */
const generic = (source: string): BuiltinKind => ({ names: 'dns-subdomain', kubeFinalizers: false, source });

/** The rows, by API group (`core` for v1) and kind. */
export const BUILTIN_KINDS: Readonly<Record<string, Readonly<Record<string, BuiltinKind>>>> = {
  'core': {
    // pkg/registry/core/{secret,configmap,serviceaccount,namespace}/strategy.go PrepareForCreate set no generation.
    Secret: { ...subdomain('ValidateSecret: ValidateSecretName = NameIsDNSSubdomain'), keepsGeneration: true },
    ConfigMap: { ...subdomain('ValidateConfigMap: ValidateConfigMapName = NameIsDNSSubdomain'), keepsGeneration: true },
    ServiceAccount: { ...subdomain('ValidateServiceAccount: ValidateServiceAccountName = NameIsDNSSubdomain'), keepsGeneration: true },
    Namespace: { names: 'dns-label', kubeFinalizers: true, keepsGeneration: true, source: 'ValidateNamespace: ValidateNamespaceName = NameIsDNSLabel' },
    Pod: subdomain('ValidatePodCreate, validatePodMetadataAndSpec: ValidatePodName = NameIsDNSSubdomain'),
    Service: { names: 'dns-1035-label', kubeFinalizers: true, source: 'ValidateService: ValidateServiceName = NameIsDNS1035Label' },
    PersistentVolumeClaim: subdomain('ValidatePersistentVolumeClaim: ValidatePersistentVolumeName = NameIsDNSSubdomain'),
    Endpoints: subdomain('ValidateEndpointsCreate, ValidateEndpoints: ValidateEndpointsName = NameIsDNSSubdomain'),
    LimitRange: subdomain('ValidateLimitRange: ValidateLimitRangeName = NameIsDNSSubdomain'),
    ResourceQuota: subdomain('ValidateResourceQuota: ValidateResourceQuotaName = NameIsDNSSubdomain'),
    // events.go ValidateEventCreate returns after legacyValidateEvent for a request of v1, before ValidateObjectMeta.
    Event: { names: 'path-segment', kubeFinalizers: false, source: 'ValidateEventCreate: legacyValidateEvent, no ValidateObjectMeta for v1' },
    Node: subdomain('ValidateNode: ValidateNodeName = NameIsDNSSubdomain'),
    PersistentVolume: subdomain('ValidatePersistentVolume: ValidatePersistentVolumeName = NameIsDNSSubdomain'),
    ReplicationController: subdomain('ValidateReplicationController: ValidateReplicationControllerName = NameIsDNSSubdomain'),
    PodTemplate: subdomain('ValidatePodTemplate: ValidatePodName = NameIsDNSSubdomain'),
  },
  'apps': {
    // ValidateStatefulSetSpec validates spec.serviceName only from 1.33 (kubernetes PR 130233): not judged against 1.32.
    Deployment: subdomain('ValidateDeployment: ValidateDeploymentName = NameIsDNSSubdomain'),
    ReplicaSet: subdomain('ValidateReplicaSet: ValidateReplicaSetName = NameIsDNSSubdomain'),
    DaemonSet: subdomain('ValidateDaemonSet: ValidateDaemonSetName = NameIsDNSSubdomain'),
    // Its pods' hostnames are the StatefulSet's name and an ordinal, which must be a DNS label.
    StatefulSet: { names: 'dns-label', kubeFinalizers: true, source: 'ValidateStatefulSet: ValidateStatefulSetName = NameIsDNSLabel' },
  },
  'batch': {
    // ValidateJob also refuses an Indexed Job whose last pod's hostname is no DNS label, and a name its pod template's
    // job-name labels cannot hold (kind-name.ts).
    Job: subdomain('ValidateJob: ValidateReplicationControllerName = NameIsDNSSubdomain'),
    CronJob: {
      ...subdomain('ValidateCronJobCreate: ValidateReplicationControllerName = NameIsDNSSubdomain, and len(name) > DNS1035LabelMaxLength-11 refused'),
      maxName: { length: 52, why: 'the cronjob controller names each Job after it with an 11-character suffix, and a Job name is at most 63' },
    },
  },
  'networking.k8s.io': {
    Ingress: subdomain('ValidateIngressCreate, validateIngress: ValidateIngressName = NameIsDNSSubdomain'),
    NetworkPolicy: subdomain('ValidateNetworkPolicy: ValidateNetworkPolicyName = NameIsDNSSubdomain'),
    IngressClass: subdomain('ValidateIngressClass: ValidateIngressClassName = NameIsDNSSubdomain'),
    ServiceCIDR: subdomain('ValidateServiceCIDR: ValidateServiceCIDRName = NameIsDNSSubdomain'),
    // networking.k8s.io/v1beta1 in 1.32 (served only with the MultiCIDRServiceAllocator gate), v1 from 1.33.
    IPAddress: { names: 'ip-address', kubeFinalizers: true, source: 'ValidateIPAddress: ValidateIPAddressName, the address in canonical form' },
  },
  'rbac.authorization.k8s.io': {
    // Names such as system:controller:foo: ValidateRBACName = path.IsValidPathSegmentName.
    Role: { names: 'path-segment', kubeFinalizers: true, source: 'ValidateRole: ValidateRBACName = IsValidPathSegmentName' },
    ClusterRole: { names: 'path-segment', kubeFinalizers: true, source: 'ValidateClusterRole: ValidateRBACName = IsValidPathSegmentName' },
    RoleBinding: { names: 'path-segment', kubeFinalizers: true, source: 'ValidateRoleBinding: ValidateRBACName = IsValidPathSegmentName' },
    ClusterRoleBinding: { names: 'path-segment', kubeFinalizers: true, source: 'ValidateClusterRoleBinding: ValidateRBACName = IsValidPathSegmentName' },
  },
  'policy': {
    PodDisruptionBudget: { names: 'path-segment', kubeFinalizers: false, source: 'ValidatePodDisruptionBudget: the spec alone, no ValidateObjectMeta' },
  },
  'autoscaling': {
    HorizontalPodAutoscaler: subdomain('ValidateHorizontalPodAutoscaler: ValidateHorizontalPodAutoscalerName = ValidateReplicationControllerName'),
  },
  'storage.k8s.io': {
    StorageClass: subdomain('ValidateStorageClass: ValidateClassName = NameIsDNSSubdomain'),
    CSIDriver: subdomain('ValidateCSIDriver: ValidateCSIDriverName = NameIsDNSSubdomain'),
    CSINode: subdomain('ValidateCSINode: ValidateNodeName = NameIsDNSSubdomain'),
    VolumeAttachment: subdomain('ValidateVolumeAttachment: ValidateClassName = NameIsDNSSubdomain'),
  },
  'scheduling.k8s.io': {
    // ValidatePriorityClass also reserves names starting with "system-" and values above 1000000000, and
    // ValidatePriorityClassUpdate keeps the value of the system classes, which always exist (kind-name.ts).
    PriorityClass: subdomain('ValidatePriorityClass: NameIsDNSSubdomain'),
  },
  'admissionregistration.k8s.io': {
    ValidatingWebhookConfiguration: generic('validateValidatingWebhookConfiguration: NameIsDNSSubdomain, genericvalidation.ValidateObjectMeta'),
    MutatingWebhookConfiguration: generic('validateMutatingWebhookConfiguration: NameIsDNSSubdomain, genericvalidation.ValidateObjectMeta'),
    ValidatingAdmissionPolicy: generic('validateValidatingAdmissionPolicy: NameIsDNSSubdomain, genericvalidation.ValidateObjectMeta'),
    ValidatingAdmissionPolicyBinding: generic('validateValidatingAdmissionPolicyBinding: NameIsDNSSubdomain, genericvalidation.ValidateObjectMeta'),
  },
  'certificates.k8s.io': {
    CertificateSigningRequest: { names: 'path-segment', kubeFinalizers: true, source: 'validateCertificateSigningRequest: ValidateCertificateRequestName returns nil' },
  },
  'coordination.k8s.io': {
    Lease: generic('ValidateLease: NameIsDNSSubdomain, apimachinery validation.ValidateObjectMeta'),
  },
  'node.k8s.io': {
    RuntimeClass: generic('ValidateRuntimeClass: NameIsDNSSubdomain, apimachinery validation.ValidateObjectMeta'),
  },
  'discovery.k8s.io': {
    EndpointSlice: subdomain('ValidateEndpointSlice: ValidateEndpointSliceName = NameIsDNSSubdomain'),
  },
  'flowcontrol.apiserver.k8s.io': {
    FlowSchema: subdomain('ValidateFlowSchema: ValidateFlowSchemaName = NameIsDNSSubdomain'),
    PriorityLevelConfiguration: subdomain('ValidatePriorityLevelConfiguration: ValidatePriorityLevelConfigurationName = NameIsDNSSubdomain'),
  },
  'apiregistration.k8s.io': {
    // The name must also be spec.version + "." + spec.group (kind-name.ts).
    APIService: { names: 'path-segment', kubeFinalizers: false, source: 'ValidateAPIService: IsValidPathSegmentName, then version.group; validation.ValidateObjectMeta' },
  },
  'apiextensions.k8s.io': {
    // The name must also be spec.names.plural + "." + spec.group (kind-name.ts).
    CustomResourceDefinition: generic('ValidateCustomResourceDefinition: NameIsDNSSubdomain, genericvalidation.ValidateObjectMeta'),
  },
};

/** The row of a kind of `group`, or `undefined` when the check does not know it. */
export function builtinKind(group: string, kind: string): BuiltinKind | undefined {
  const kinds = BUILTIN_KINDS[group];
  return kinds !== undefined && Object.prototype.hasOwnProperty.call(kinds, kind) ? kinds[kind] : undefined;
}
