/**
 * One shape for every "this role grants a dangerous permission" rule: the rule lists the
 * requests that are dangerous, and this reports each rule item of a Role or ClusterRole that
 * grants one of them, on the resource that matched, with the verb as related location.
 */
import { defineKubernetesRule, type KubernetesRule } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { str } from '../../engine/yaml/nav';
import { ALL, firstGrant, isKubernetesDefault, policyRules, ROLE_KINDS, type PermissionQuery } from './permissions';

export interface DangerousPermission {
  /** Requests that are dangerous; the first one a rule item grants is reported. */
  queries: readonly PermissionQuery[];
  /** What the grant lets subjects do, completing "lets its subjects ...": "read Secrets". */
  what: string;
  /** Why it matters and what to write instead, appended to the message. */
  advice: string;
  /** Grants narrowed by `resourceNames` are reported too (default: they are not). */
  evenWhenNamed?: boolean;
  /**
   * Grants through a resource `*` are left to `rbac-wildcard` (default: they are reported):
   * for the lesser permissions, a second finding on the same `*` says nothing new.
   */
  notThroughWildcard?: boolean;
}

export function definePermissionRule(meta: RuleMeta, permission: DangerousPermission): KubernetesRule {
  return defineKubernetesRule({
    meta,
    kinds: ROLE_KINDS,
    check(context) {
      const { object } = context;
      if (isKubernetesDefault(object)) return;
      for (const rule of policyRules(object)) {
        const checked = permission.notThroughWildcard ? { ...rule, resources: rule.resources.filter((r) => r.value !== ALL) } : rule;
        const found = firstGrant(checked, permission.queries);
        if (!found || (found.grant.resourceNames && !permission.evenWhenNamed)) continue;
        const { grant, query } = found;
        const how = `verb "${str(grant.verb)}" on "${str(grant.resource)}"${query.group ? ` in group "${query.group}"` : ''}`;
        context.report({
          at: grant.resource,
          message: `The ${object.kind} "${object.name}" lets its subjects ${permission.what} (${how}). ${permission.advice}`,
          related: [{ at: grant.verb, message: `"${str(grant.verb)}" grants ${query.verb}` }],
        });
      }
    },
  });
}

/** Metadata shared by the RBAC permission rules. */
export function rbacMeta(meta: Omit<RuleMeta, 'category' | 'tier'> & { tier?: RuleMeta['tier'] }): RuleMeta {
  return { category: 'RBAC', tier: 'recommended', ...meta };
}

export const RBAC_DOCS = 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/';
