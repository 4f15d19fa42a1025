import type { KubernetesRule } from '../../engine/rule';

/** The resources rules, one per file (registry: rules/index.ts). */
export const RESOURCE_RULES: readonly KubernetesRule[] = [];
