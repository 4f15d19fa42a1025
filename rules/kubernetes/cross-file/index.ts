import type { Rule } from '../../engine/rule';
import ingressBackendMissingService from './ingress-backend-missing-service';
import missingServiceAccount from './missing-service-account';
import namespaceWithoutDefaultDeny from './namespace-without-default-deny';
import namespaceWithoutDefaultDenyEgress from './namespace-without-default-deny-egress';
import networkPolicyPeerSelectsNothing from './network-policy-peer-selects-nothing';
import networkPolicySelectsNothing from './network-policy-selects-nothing';
import podNotSelectedByNetworkPolicy from './pod-not-selected-by-network-policy';
import serviceAccountDangerousPermissions from './service-account-dangerous-permissions';
import serviceSelectsNothing from './service-selects-nothing';
import serviceTargetPortNotFound from './service-target-port-not-found';
import statefulsetServiceName from './statefulset-service-name';

/** Workspace rules that look across objects and files (registry: rules/index.ts). */
export const CROSS_FILE_RULES: readonly Rule[] = [
  podNotSelectedByNetworkPolicy,
  networkPolicySelectsNothing,
  networkPolicyPeerSelectsNothing,
  namespaceWithoutDefaultDeny,
  namespaceWithoutDefaultDenyEgress,
  serviceSelectsNothing,
  serviceTargetPortNotFound,
  statefulsetServiceName,
  ingressBackendMissingService,
  missingServiceAccount,
  serviceAccountDangerousPermissions,
];
