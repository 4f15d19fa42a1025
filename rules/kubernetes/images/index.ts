import type { KubernetesRule } from '../../engine/rule';

/** The images rules, one per file (registry: rules/index.ts). */
export const IMAGE_RULES: readonly KubernetesRule[] = [];
