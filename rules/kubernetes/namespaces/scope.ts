/**
 * Which kinds live in a namespace. Custom resources can be either, so the rule that reports a
 * missing namespace only trusts a list of well-known namespaced kinds, while the rule that
 * reports an explicit `default` namespace trusts the manifest and only skips known
 * cluster-scoped kinds.
 */
import { WORKLOAD_KINDS } from '../helpers';

export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'StorageClass',
  'VolumeAttachment',
  'CSIDriver',
  'CSINode',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'GatewayClass',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'APIService',
  'CertificateSigningRequest',
  'ClusterTrustBundle',
  'PodSecurityPolicy',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'ComponentStatus',
  'DeviceClass',
  'VolumeAttributesClass',
  'IPAddress',
  'ServiceCIDR',
  'SecurityContextConstraints',
  'ClusterIssuer',
]);

export const KNOWN_NAMESPACED_KINDS: ReadonlySet<string> = new Set([
  ...WORKLOAD_KINDS,
  'Service',
  'Endpoints',
  'EndpointSlice',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'Role',
  'RoleBinding',
  'Ingress',
  'NetworkPolicy',
  'PersistentVolumeClaim',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'LimitRange',
  'ResourceQuota',
  'Lease',
  'ControllerRevision',
]);
