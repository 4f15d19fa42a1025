import { defineWorkspaceRule } from '../../engine/rule';
import { WORKLOAD_KINDS } from '../helpers';
import { deniesByDefault, describeNamespace, policiesByNamespace, reportTarget } from './default-deny';
import { defaultDenySuggestion } from './namespace-without-default-deny';

/** Only namespaces whose ingress is denied by default: otherwise `namespace-without-default-deny` reports them. */
export default defineWorkspaceRule({
  meta: {
    id: 'namespace-without-default-deny-egress',
    title: 'Namespace denies ingress by default but not egress',
    severity: 'info',
    category: 'Network',
    tier: 'strict',
    description:
      'The namespace has a default-deny policy for ingress, but none that restricts egress for every pod: a compromised pod can still reach any address, the cloud metadata endpoint, other namespaces\' services and the internet. Denying egress by default means allowing DNS and each dependency explicitly, which is why this is reported only in the strict profile.',
    remediation:
      'Add `Egress` to the `policyTypes` of the default-deny policy (or add the default-deny policy below), then allow DNS (port 53 to kube-dns) and the destinations each workload needs.',
    references: {
      nsa: ['Network separation and hardening'],
      links: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-egress-traffic'],
    },
  },
  reads: [...WORKLOAD_KINDS, 'NetworkPolicy', 'Namespace'],
  check(context) {
    for (const group of policiesByNamespace(context.objects)) {
      const ingressDeny = group.policies.filter((p) => deniesByDefault(p.object, 'Ingress'));
      if (ingressDeny.length === 0 || group.policies.some((p) => deniesByDefault(p.object, 'Egress'))) continue;
      const { target, at } = reportTarget(group);
      context.report(target, {
        at,
        message: `${describeNamespace(group)} denies ingress by default but not egress: its pods can connect to any address, the cloud metadata endpoint included. Add Egress to the default-deny policy's policyTypes and allow DNS and each dependency explicitly.`,
        related: ingressDeny.map((p) => ({ at: p.object.kindRef, message: `NetworkPolicy "${p.object.name}" denies ingress only`, in: p })),
        suggestions: () => defaultDenySuggestion(group, target),
      });
    }
  },
});
