import { defineKubernetesRule } from '../../engine/rule';
import { child, entries, isEmpty } from '../../engine/yaml/nav';
import { firstPresent } from '../helpers';

/** Compute quotas and the short aliases Kubernetes accepts for them. */
const COMPUTE_QUOTAS: Array<{ key: string; aliases: string[] }> = [
  { key: 'requests.cpu', aliases: ['requests.cpu', 'cpu'] },
  { key: 'requests.memory', aliases: ['requests.memory', 'memory'] },
  { key: 'limits.cpu', aliases: ['limits.cpu'] },
  { key: 'limits.memory', aliases: ['limits.memory'] },
];

export default defineKubernetesRule({
  meta: {
    id: 'incomplete-resource-quota',
    title: 'Incomplete ResourceQuota',
    severity: 'info',
    category: 'Resources',
    tier: 'recommended',
    description:
      'A ResourceQuota that caps some compute resources but not all of `requests.cpu`, `requests.memory`, `limits.cpu` and `limits.memory` leaves the namespace free to exhaust the others. Quotas that only count objects (`pods`, `count/...`) are left alone, since teams often keep those separate; a quota with no `hard` entries at all is reported.',
    remediation: 'Set `requests.cpu`, `requests.memory`, `limits.cpu` and `limits.memory` in `spec.hard`.',
    references: {
      nsa: ['4.0'],
      trivy: ['KSV040'],
      links: ['https://kubernetes.io/docs/concepts/policy/resource-quotas/'],
    },
  },
  kinds: ['ResourceQuota'],
  check(context) {
    const { object } = context;
    const spec = child(object.root, 'spec');
    const hard = child(spec, 'hard');
    const all = COMPUTE_QUOTAS.map((q) => q.key).join(', ');
    if (isEmpty(hard)) {
      context.report({
        at: firstPresent(hard, spec, object.kindRef),
        message: `The ResourceQuota "${object.name}" sets no hard limits. Add spec.hard with ${all}.`,
      });
      return;
    }
    const keys = new Set(entries(hard).map(([key]) => key));
    const missing = COMPUTE_QUOTAS.filter((q) => !q.aliases.some((alias) => keys.has(alias))).map((q) => q.key);
    if (missing.length === 0 || missing.length === COMPUTE_QUOTAS.length) return;
    context.report({
      at: hard!,
      message: `The ResourceQuota "${object.name}" does not cap ${missing.join(', ')}. Add ${missing.join(', ')} to spec.hard.`,
    });
  },
});
