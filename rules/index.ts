/**
 * The registry: the only list of rules. Docs, profiles, the config schema and the CLI's
 * `rules` listing are all generated from it. Each area keeps its own list in its index.ts.
 */
import { BUILTIN_META } from './engine/builtin';
import type { Rule } from './engine/rule';
import type { RuleMeta } from './engine/types';
import { DOCKERFILE_RULES } from './dockerfile';
import { HARDENING_RULES } from './kubernetes/hardening';
import { IMAGE_RULES } from './kubernetes/images';
import { NAMESPACE_RULES } from './kubernetes/namespaces';
import { NETWORK_RULES } from './kubernetes/network';
import { POD_SECURITY_RULES } from './kubernetes/pod-security';
import { RESOURCE_RULES } from './kubernetes/resources';
import { SECRET_RULES } from './kubernetes/secrets';
import { SERVICE_ACCOUNT_RULES } from './kubernetes/service-accounts';
import { ADMISSION_RULES } from './kubernetes/admission';
import { API_VERSION_RULES } from './kubernetes/api-versions';
import { CROSS_FILE_RULES } from './kubernetes/cross-file';
import { EXPOSURE_RULES } from './kubernetes/exposure';
import { RBAC_RULES } from './kubernetes/rbac';

export const RULES: readonly Rule[] = [
  ...POD_SECURITY_RULES,
  ...HARDENING_RULES,
  ...RESOURCE_RULES,
  ...IMAGE_RULES,
  ...SECRET_RULES,
  ...SERVICE_ACCOUNT_RULES,
  ...NAMESPACE_RULES,
  ...NETWORK_RULES,
  ...RBAC_RULES,
  ...EXPOSURE_RULES,
  ...ADMISSION_RULES,
  ...API_VERSION_RULES,
  ...CROSS_FILE_RULES,
  ...DOCKERFILE_RULES,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.meta.id));

/** Metadata of every rule and of the engine's own findings (parse errors, skipped files). */
export const ALL_META: readonly RuleMeta[] = [...RULES.map((r) => r.meta), ...BUILTIN_META];

export function findMeta(id: string): RuleMeta | undefined {
  return ALL_META.find((m) => m.id === id);
}
