import { defineWorkspaceRule } from '../../engine/rule';
import { WORKLOAD_KINDS } from '../helpers';
import { child, items } from '../../engine/yaml/nav';
import { candidates, describeSelector, isEmptySelector, isNetworkPolicy, isWorkload, keyOf, namespaceOf, operatorMayCreatePods, readLabelSelector, selects } from './workspace-index';

const DIRECTIONS = [
  { list: 'ingress', peers: 'from', effect: 'admits traffic from no pod' },
  { list: 'egress', peers: 'to', effect: 'allows traffic to no pod' },
] as const;

export default defineWorkspaceRule({
  meta: {
    id: 'network-policy-peer-selects-nothing',
    title: 'NetworkPolicy peer selects no workload',
    severity: 'warning',
    category: 'Network',
    // Strict: clients are often deployed from elsewhere (another chart, `kubectl run`, an
    // operator's custom resource in another folder), so a peer missing from the scan is weak evidence.
    tier: 'strict',
    description:
      'A `podSelector` in `ingress[].from` or `egress[].to` without a `namespaceSelector` selects pods of the policy\'s own namespace; when it matches the pod labels of no workload of that namespace among the scanned files, the rule allows nothing, and the traffic it was written for is blocked, usually because of a typo or labels that changed. Peers with a `namespaceSelector` (other namespaces) are not checked, and the check runs only when the scanned files contain at least one workload of that namespace.',
    remediation: 'Make the peer\'s `podSelector` match the pod template labels of the clients or servers it is meant for, or add the `namespaceSelector` of the namespace they run in.',
    references: {
      kubeLinter: ['dangling-networkpolicypeer-podselector'],
      links: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors'],
    },
  },
  reads: [...WORKLOAD_KINDS, 'NetworkPolicy'],
  check(context) {
    for (const target of context.objects) {
      const { object } = target;
      if (!isNetworkPolicy(object)) continue;
      const workloads = candidates(context.objects, object.namespace, isWorkload);
      if (workloads.length === 0 || operatorMayCreatePods(context.objects, target)) continue;
      const spec = child(object.root, 'spec');
      for (const direction of DIRECTIONS) {
        for (const rule of items(child(spec, direction.list))) {
          for (const peer of items(child(rule, direction.peers))) {
            const selectorRef = child(peer, 'podSelector');
            const selector = readLabelSelector(selectorRef);
            if (!selectorRef || child(peer, 'namespaceSelector') || isEmptySelector(selector)) continue;
            if (workloads.some((w) => selects(selector, w.object.podSpec!.labels))) continue;
            context.report(target, {
              at: keyOf(selectorRef),
              message: `The ${direction.list} peer podSelector of NetworkPolicy "${object.name}" (${describeSelector(selector)}) matches no workload of namespace "${namespaceOf(object)}": this peer ${direction.effect}. Match the labels of the pods it is meant for, or add a namespaceSelector if they run elsewhere.`,
            });
          }
        }
      }
    }
  },
});
