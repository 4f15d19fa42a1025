import { defineKubernetesRule } from '../../engine/rule';
import { ALL, isKubernetesDefault, policyRules, ROLE_KINDS, type PolicyRuleView } from './permissions';
import { RBAC_DOCS } from './permission-rule';

const LISTS = ['apiGroups', 'resources', 'verbs'] as const;

export default defineKubernetesRule({
  meta: {
    id: 'rbac-wildcard',
    title: 'Wildcard in a role rule',
    severity: 'warning',
    category: 'RBAC',
    tier: 'recommended',
    description:
      'A `*` in `apiGroups`, `resources` or `verbs` grants everything of that kind, including resources and verbs added later by new Kubernetes versions and CRDs (`escalate`, `impersonate`, Secrets, webhooks). The ClusterRoles Kubernetes ships (label `kubernetes.io/bootstrapping: rbac-defaults`, such as `cluster-admin`) are not reported.',
    remediation: 'List the API groups, resources and verbs the subject needs explicitly.',
    references: {
      cis: ['5.1.3'],
      kubeLinter: ['wildcard-in-rules'],
      checkov: ['CKV_K8S_49'],
      trivy: ['KSV044', 'KSV045', 'KSV046', 'KSV112'],
      links: [`${RBAC_DOCS}#least-privilege`],
    },
  },
  kinds: ROLE_KINDS,
  check(context) {
    const { object } = context;
    if (isKubernetesDefault(object)) return;
    for (const rule of policyRules(object)) {
      const wildcards = LISTS.flatMap((list) => wildcardOf(rule, list));
      if (wildcards.length === 0) continue;
      const [first, ...others] = wildcards;
      const lists = wildcards.map((w) => w.list).join(', ');
      context.report({
        at: first.ref,
        message: `The ${object.kind} "${object.name}" uses "*" in ${lists}: it grants everything there, including what later versions and CRDs add. List the ${lists} the subjects need instead.`,
        related: others.map((w) => ({ at: w.ref, message: `"*" in ${w.list}` })),
      });
    }
  },
});

function wildcardOf(rule: PolicyRuleView, list: (typeof LISTS)[number]) {
  const item = rule[list].find((i) => i.value === ALL);
  return item ? [{ list, ref: item.ref }] : [];
}
