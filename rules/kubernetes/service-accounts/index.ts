import type { KubernetesRule } from '../../engine/rule';

/** The service-accounts rules, one per file (registry: rules/index.ts). */
export const SERVICE_ACCOUNT_RULES: readonly KubernetesRule[] = [];
