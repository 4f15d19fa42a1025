import type { Rule } from '../../engine/rule';
import ingressBackendMissingService from './ingress-backend-missing-service';
import missingServiceAccount from './missing-service-account';
import networkPolicySelectsNothing from './network-policy-selects-nothing';
import podNotSelectedByNetworkPolicy from './pod-not-selected-by-network-policy';
import serviceAccountDangerousPermissions from './service-account-dangerous-permissions';
import serviceSelectsNothing from './service-selects-nothing';

/** Workspace rules that look across objects and files (registry: rules/index.ts). */
export const CROSS_FILE_RULES: readonly Rule[] = [
  podNotSelectedByNetworkPolicy,
  networkPolicySelectsNothing,
  serviceSelectsNothing,
  ingressBackendMissingService,
  missingServiceAccount,
  serviceAccountDangerousPermissions,
];
