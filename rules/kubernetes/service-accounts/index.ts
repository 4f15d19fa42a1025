import type { KubernetesRule } from '../../engine/rule';
import automountServiceAccountToken from './automount-service-account-token';
import bindingToDefaultServiceAccount from './binding-to-default-service-account';
import defaultServiceAccount from './default-service-account';
import defaultServiceAccountAutomount from './default-service-account-automount';
import deprecatedServiceAccountField from './deprecated-service-account-field';

/** The service-accounts rules, one per file (registry: rules/index.ts). */
export const SERVICE_ACCOUNT_RULES: readonly KubernetesRule[] = [
  automountServiceAccountToken,
  defaultServiceAccount,
  defaultServiceAccountAutomount,
  bindingToDefaultServiceAccount,
  deprecatedServiceAccountField,
];
