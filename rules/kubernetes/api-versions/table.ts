/**
 * Deprecated and removed API versions, from the Kubernetes deprecated API migration guide.
 * `change` says how to move: `same` (the schema did not change: replacing apiVersion is a safe
 * fix), `semantics` (same fields, different meaning somewhere: offered as a suggestion only),
 * `schema` (fields moved or became required: no automatic change), `none` (no replacement).
 */
export type Migration = 'same' | 'semantics' | 'schema' | 'none';

export interface ApiChange {
  apiVersion: string;
  kinds: readonly string[];
  deprecatedIn: number;
  /** Minor version that stops serving it; undefined when no removal is scheduled. */
  removedIn?: number;
  replacement?: string;
  change: Migration;
  /** Said after the replacement: what to watch for. */
  note?: string;
}

const APPS = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'];
const WEBHOOKS = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];
const RBAC = ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
const FLOW = ['FlowSchema', 'PriorityLevelConfiguration'];

export const API_CHANGES: readonly ApiChange[] = [
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], deprecatedIn: 9, removedIn: 16, replacement: 'apps/v1', change: 'schema', note: 'spec.selector is required and several defaults changed' },
  { apiVersion: 'apps/v1beta1', kinds: APPS, deprecatedIn: 9, removedIn: 16, replacement: 'apps/v1', change: 'schema', note: 'spec.selector is required and several defaults changed' },
  { apiVersion: 'apps/v1beta2', kinds: APPS, deprecatedIn: 9, removedIn: 16, replacement: 'apps/v1', change: 'schema', note: 'spec.selector is required and several defaults changed' },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], deprecatedIn: 9, removedIn: 16, replacement: 'networking.k8s.io/v1', change: 'same' },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: 10, removedIn: 16, change: 'none', note: 'PodSecurityPolicy is gone since 1.25: label the namespace for Pod Security Admission (pod-security.kubernetes.io/enforce) instead' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], deprecatedIn: 14, removedIn: 22, replacement: 'networking.k8s.io/v1', change: 'schema', note: 'backends become service.name/service.port and every path needs a pathType' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress'], deprecatedIn: 19, removedIn: 22, replacement: 'networking.k8s.io/v1', change: 'schema', note: 'backends become service.name/service.port and every path needs a pathType' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['IngressClass'], deprecatedIn: 19, removedIn: 22, replacement: 'networking.k8s.io/v1', change: 'same' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: WEBHOOKS, deprecatedIn: 16, removedIn: 22, replacement: 'admissionregistration.k8s.io/v1', change: 'schema', note: 'sideEffects and admissionReviewVersions are required and failurePolicy defaults to Fail' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], deprecatedIn: 16, removedIn: 22, replacement: 'apiextensions.k8s.io/v1', change: 'schema', note: 'each version needs a structural schema under spec.versions[*].schema' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], deprecatedIn: 19, removedIn: 22, replacement: 'apiregistration.k8s.io/v1', change: 'same' },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], deprecatedIn: 19, removedIn: 22, replacement: 'authentication.k8s.io/v1', change: 'same' },
  { apiVersion: 'authorization.k8s.io/v1beta1', kinds: ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview', 'SelfSubjectRulesReview'], deprecatedIn: 19, removedIn: 22, replacement: 'authorization.k8s.io/v1', change: 'schema', note: 'spec.group became spec.groups' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], deprecatedIn: 19, removedIn: 22, replacement: 'certificates.k8s.io/v1', change: 'schema', note: 'spec.signerName is required' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], deprecatedIn: 19, removedIn: 22, replacement: 'coordination.k8s.io/v1', change: 'same' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: RBAC, deprecatedIn: 17, removedIn: 22, replacement: 'rbac.authorization.k8s.io/v1', change: 'same' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kinds: RBAC, deprecatedIn: 17, removedIn: 22, replacement: 'rbac.authorization.k8s.io/v1', change: 'schema', note: 'subjects use apiGroup instead of apiVersion' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], deprecatedIn: 14, removedIn: 22, replacement: 'scheduling.k8s.io/v1', change: 'same' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], deprecatedIn: 19, removedIn: 22, replacement: 'storage.k8s.io/v1', change: 'same' },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecatedIn: 21, removedIn: 25, replacement: 'batch/v1', change: 'same' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], deprecatedIn: 21, removedIn: 25, replacement: 'discovery.k8s.io/v1', change: 'schema', note: 'endpoints[*].topology became nodeName and zone' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecatedIn: 22, removedIn: 25, replacement: 'events.k8s.io/v1', change: 'schema', note: 'deprecatedCount and related fields were renamed' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: 22, removedIn: 25, replacement: 'autoscaling/v2', change: 'schema', note: 'metric targets moved under target (type, averageUtilization, averageValue)' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecatedIn: 21, removedIn: 25, replacement: 'policy/v1', change: 'semantics', note: 'an empty spec.selector now selects every pod of the namespace instead of none' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: 21, removedIn: 25, change: 'none', note: 'PodSecurityPolicy is gone: label the namespace for Pod Security Admission (pod-security.kubernetes.io/enforce) instead' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], deprecatedIn: 20, removedIn: 25, replacement: 'node.k8s.io/v1', change: 'same' },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: 23, removedIn: 26, replacement: 'autoscaling/v2', change: 'same' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: FLOW, deprecatedIn: 23, removedIn: 26, replacement: 'flowcontrol.apiserver.k8s.io/v1', change: 'schema', note: 'assuredConcurrencyShares became nominalConcurrencyShares' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecatedIn: 24, removedIn: 27, replacement: 'storage.k8s.io/v1', change: 'same' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: FLOW, deprecatedIn: 26, removedIn: 29, replacement: 'flowcontrol.apiserver.k8s.io/v1', change: 'schema', note: 'assuredConcurrencyShares became nominalConcurrencyShares' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: FLOW, deprecatedIn: 29, removedIn: 32, replacement: 'flowcontrol.apiserver.k8s.io/v1', change: 'semantics', note: 'nominalConcurrencyShares: 0 now means zero shares instead of the default' },
  { apiVersion: 'v1', kinds: ['ComponentStatus'], deprecatedIn: 19, change: 'none', note: 'query the components\' health endpoints instead' },
  { apiVersion: 'v1', kinds: ['Endpoints'], deprecatedIn: 33, replacement: 'discovery.k8s.io/v1 EndpointSlice', change: 'schema', note: 'EndpointSlices are shaped differently' },
];

export function apiChangeOf(apiVersion: string, kind: string): ApiChange | undefined {
  return API_CHANGES.find((c) => c.apiVersion === apiVersion && c.kinds.includes(kind));
}
