import type { KubernetesRule } from '../../engine/rule';

/** The namespaces rules, one per file (registry: rules/index.ts). */
export const NAMESPACE_RULES: readonly KubernetesRule[] = [];
