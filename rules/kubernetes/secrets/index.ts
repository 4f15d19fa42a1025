import type { KubernetesRule } from '../../engine/rule';

/** The secrets rules, one per file (registry: rules/index.ts). */
export const SECRET_RULES: readonly KubernetesRule[] = [];
