import type { KubernetesRule } from '../../engine/rule';

/** The hardening rules, one per file (registry: rules/index.ts). */
export const HARDENING_RULES: readonly KubernetesRule[] = [];
