import type { Rule } from '../../engine/rule';
import bindingToAnonymousUser from './binding-to-anonymous-user';
import bindingToAuthenticatedGroup from './binding-to-authenticated-group';
import bindingToSystemMasters from './binding-to-system-masters';
import clusterAdminBinding from './cluster-admin-binding';
import rbacApproveCsr from './rbac-approve-csr';
import rbacAwsAuthConfigmap from './rbac-aws-auth-configmap';
import rbacCreateBindings from './rbac-create-bindings';
import rbacCreatePersistentVolumes from './rbac-create-persistent-volumes';
import rbacCreatePods from './rbac-create-pods';
import rbacCreateServiceAccountTokens from './rbac-create-service-account-tokens';
import rbacDeletePodLogs from './rbac-delete-pod-logs';
import rbacEscalateBindImpersonate from './rbac-escalate-bind-impersonate';
import rbacManageConfigmaps from './rbac-manage-configmaps';
import rbacManageNetworkObjects from './rbac-manage-network-objects';
import rbacNodesProxy from './rbac-nodes-proxy';
import rbacPodExecAttach from './rbac-pod-exec-attach';
import rbacSecretsAccess from './rbac-secrets-access';
import rbacServiceStatusWrite from './rbac-service-status-write';
import rbacWebhookConfiguration from './rbac-webhook-configuration';
import rbacWildcard from './rbac-wildcard';

/** RBAC: what roles grant and to whom bindings give them (registry: rules/index.ts). */
export const RBAC_RULES: readonly Rule[] = [
  rbacWildcard,
  clusterAdminBinding,
  rbacSecretsAccess,
  rbacCreatePods,
  rbacPodExecAttach,
  rbacNodesProxy,
  rbacEscalateBindImpersonate,
  rbacCreateBindings,
  rbacWebhookConfiguration,
  rbacApproveCsr,
  rbacCreatePersistentVolumes,
  rbacCreateServiceAccountTokens,
  rbacManageConfigmaps,
  rbacAwsAuthConfigmap,
  rbacManageNetworkObjects,
  rbacServiceStatusWrite,
  rbacDeletePodLogs,
  bindingToAnonymousUser,
  bindingToAuthenticatedGroup,
  bindingToSystemMasters,
];
