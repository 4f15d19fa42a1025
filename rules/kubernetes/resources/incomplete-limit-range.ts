import { defineKubernetesRule } from '../../engine/rule';
import { at, child, isEmpty, items, str } from '../../engine/yaml/nav';
import { firstPresent } from '../helpers';

/** What each type of LimitRange item must set to protect the namespace; min is optional. */
const REQUIRED_FIELDS: Record<string, string[]> = {
  Container: ['default', 'defaultRequest', 'max'],
  Pod: ['max'],
  PersistentVolumeClaim: ['max'],
};

export default defineKubernetesRule({
  meta: {
    id: 'incomplete-limit-range',
    title: 'Incomplete LimitRange',
    severity: 'info',
    category: 'Resources',
    tier: 'recommended',
    description:
      'A LimitRange gives containers that declare nothing a default request and limit, and caps what any container or pod may ask for. An item of type `Container` needs `default`, `defaultRequest` and `max` to do both; `Pod` and `PersistentVolumeClaim` items need `max` (they cannot have defaults). Every item needs a `type`.',
    remediation:
      'Give each `spec.limits` item a `type`, and for `type: Container` set `default`, `defaultRequest` and `max` (CPU and memory).',
    references: {
      nsa: ['4.1'],
      trivy: ['KSV039'],
      links: ['https://kubernetes.io/docs/concepts/policy/limit-range/'],
    },
  },
  kinds: ['LimitRange'],
  check(context) {
    const { object } = context;
    const spec = child(object.root, 'spec');
    const limits = child(spec, 'limits');
    if (isEmpty(limits)) {
      context.report({
        at: firstPresent(limits, spec, object.kindRef),
        message: `The LimitRange "${object.name}" sets no limits. Add spec.limits with an item of type Container that sets default, defaultRequest and max.`,
      });
      return;
    }
    for (const item of items(limits)) {
      const typeRef = child(item, 'type');
      const type = str(typeRef);
      if (!type) {
        context.report({ at: item, message: `A limit of the LimitRange "${object.name}" has no type. Add type: Container (or Pod, PersistentVolumeClaim).` });
        continue;
      }
      const missing = (REQUIRED_FIELDS[type] ?? []).filter((field) => isEmpty(at(item, field)));
      if (missing.length === 0) continue;
      context.report({
        at: typeRef!,
        message: `The ${type} limit of the LimitRange "${object.name}" sets no ${missing.join(', ')}. Add ${missing.join(', ')} for cpu and memory.`,
      });
    }
  },
});
