/**
 * One shape for the rules about who a binding names: each reports the subjects of a
 * RoleBinding or ClusterRoleBinding whose name is one of a few special users or groups.
 */
import { defineKubernetesRule, type KubernetesRule } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { BINDING_KINDS, isKubernetesDefault, roleRefOf, subjectsOf } from './permissions';

export function defineSubjectRule(meta: RuleMeta, names: ReadonlySet<string>, explain: (name: string) => string): KubernetesRule {
  return defineKubernetesRule({
    meta,
    kinds: BINDING_KINDS,
    check(context) {
      const { object } = context;
      if (isKubernetesDefault(object)) return;
      const role = roleRefOf(object);
      for (const subject of subjectsOf(object)) {
        if (!subject.name || !subject.nameRef || !names.has(subject.name)) continue;
        if (subject.kind !== 'User' && subject.kind !== 'Group') continue;
        context.report({
          at: subject.nameRef,
          message: `The ${object.kind} "${object.name}" grants ${role.kind ?? 'its role'} "${role.name ?? '?'}" to "${subject.name}": ${explain(subject.name)}`,
        });
      }
    },
  });
}
