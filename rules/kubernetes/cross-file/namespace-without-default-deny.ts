import { defineWorkspaceRule, type ProposedChange, type WorkspaceObject } from '../../engine/rule';
import { WORKLOAD_KINDS } from '../helpers';
import { appendDefaultDenyPolicy } from '../network/namespace-without-network-policy';
import { deniesByDefault, describeNamespace, freeName, policiesByNamespace, reportTarget, whyNotDefaultDeny, type NamespacePolicies } from './default-deny';

/**
 * Namespaces with NetworkPolicies but no default deny for ingress. Namespaces without any
 * policy are left to `namespace-without-network-policy` (which reports their workloads), and
 * a missing egress default alone to `namespace-without-default-deny-egress`, so one situation
 * gives one finding.
 */
export default defineWorkspaceRule({
  meta: {
    id: 'namespace-without-default-deny',
    title: 'Namespace has NetworkPolicies but no default deny',
    severity: 'warning',
    category: 'Network',
    // Strict: when every workload is selected by a policy (pod-not-selected-by-network-policy
    // checks that), the namespace is isolated today and a default deny only guards future pods.
    tier: 'strict',
    description:
      'A NetworkPolicy only isolates the pods it selects. Without a policy that selects every pod of the namespace (`podSelector: {}`) and restricts ingress, any pod no policy selects, including every workload added later, accepts connections from the whole cluster. Namespaces with no NetworkPolicy at all are reported on their workloads by `namespace-without-network-policy`, and workloads no policy selects today by `pod-not-selected-by-network-policy`; a policy that selects every pod counts as a default deny even when it allows a few peers (DNS, the same namespace), but not when it has an empty rule that allows everything.',
    remediation:
      'Add a default-deny NetworkPolicy to the namespace (`podSelector: {}`, `policyTypes: [Ingress, Egress]`, no rules) and keep one policy per workload that allows what it needs.',
    references: {
      cis: ['5.3.2'],
      nsa: ['Network separation and hardening'],
      links: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies'],
    },
  },
  reads: [...WORKLOAD_KINDS, 'NetworkPolicy', 'Namespace'],
  check(context) {
    for (const group of policiesByNamespace(context.objects)) {
      if (group.policies.some((p) => deniesByDefault(p.object, 'Ingress'))) continue;
      const egressDenied = group.policies.some((p) => deniesByDefault(p.object, 'Egress'));
      const { target, at } = reportTarget(group);
      const what = egressDenied ? 'none that denies ingress by default' : 'none that denies traffic by default';
      context.report(target, {
        at,
        message: `${describeNamespace(group)} has NetworkPolicies but ${what}: pods that no policy selects, including workloads added later, accept connections from anywhere. Add a default-deny policy (podSelector: {} with policyTypes Ingress and Egress).`,
        related: group.policies.map((p) => whyNotDefaultDeny(p, 'Ingress')),
        suggestions: () => defaultDenySuggestion(group, target),
      });
    }
  },
});

/** The default-deny policy as a new document after the reported object. */
export function defaultDenySuggestion(group: NamespacePolicies, target: WorkspaceObject): ProposedChange[] {
  if (target.text === undefined) return [];
  const name = freeName(group, 'default-deny');
  const edits = appendDefaultDenyPolicy(target.text, group.namespace, name);
  const where = group.namespace !== undefined ? ` for namespace "${group.namespace}"` : '';
  return edits ? [{ title: `Add the default-deny NetworkPolicy "${name}"${where} (blocks ingress and egress that no other policy allows)`, edits }] : [];
}
