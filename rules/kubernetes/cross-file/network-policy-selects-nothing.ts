import { defineWorkspaceRule } from '../../engine/rule';
import { WORKLOAD_KINDS } from '../helpers';
import { child } from '../../engine/yaml/nav';
import { candidates, operatorMayCreatePods, describeSelector, isEmptySelector, isNetworkPolicy, isWorkload, keyOf, namespaceOf, readLabelSelector, selects } from './workspace-index';

export default defineWorkspaceRule({
  meta: {
    id: 'network-policy-selects-nothing',
    title: 'NetworkPolicy selects no workload',
    severity: 'warning',
    category: 'Network',
    tier: 'recommended',
    description:
      'The policy\'s `podSelector` matches the pod labels of no workload of its namespace among the scanned files: it protects nothing, usually because of a typo or labels that changed. Only reported when the scanned files contain at least one workload of that namespace.',
    remediation: 'Make `spec.podSelector` match the labels of the pods the policy is meant for, or remove the policy.',
    references: {
      kubeLinter: ['dangling-networkpolicy'],
      kubeScore: ['networkpolicy-targets-pod'],
      links: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
    },
  },
  reads: [...WORKLOAD_KINDS, 'NetworkPolicy'],
  check(context) {
    for (const target of context.objects) {
      const { object } = target;
      if (!isNetworkPolicy(object)) continue;
      const selectorRef = child(child(object.root, 'spec'), 'podSelector');
      const selector = readLabelSelector(selectorRef);
      const workloads = candidates(context.objects, object.namespace, isWorkload);
      if (!selectorRef || isEmptySelector(selector) || workloads.length === 0) continue;
      if (operatorMayCreatePods(context.objects, target)) continue;
      if (workloads.some((w) => selects(selector, w.object.podSpec!.labels))) continue;
      context.report(target, {
        at: keyOf(selectorRef),
        message: `The podSelector of NetworkPolicy "${object.name}" (${describeSelector(selector)}) matches no workload of namespace "${namespaceOf(object)}": the policy protects nothing. Match the labels of the pods it is meant for.`,
      });
    }
  },
});
