import { defineWorkspaceRule } from '../../engine/rule';
import { WORKLOAD_KINDS } from '../helpers';
import { child, str } from '../../engine/yaml/nav';
import { candidates, operatorMayCreatePods, describeSelector, isEmptySelector, isService, isWorkload, keyOf, mapSelector, namespaceOf, selects } from './workspace-index';

export default defineWorkspaceRule({
  meta: {
    id: 'service-selects-nothing',
    title: 'Service selects no workload',
    severity: 'warning',
    category: 'Network',
    tier: 'recommended',
    description:
      'The Service\'s `spec.selector` matches the pod labels of no workload of its namespace among the scanned files, so it has no endpoints and its clients get connection errors. Services without a selector (manual Endpoints) and ExternalName Services are not checked, and the check runs only when the scanned files contain at least one workload of that namespace.',
    remediation: 'Make `spec.selector` equal to (a subset of) the pod template labels of the workload it serves.',
    references: {
      kubeLinter: ['dangling-service'],
      kubeScore: ['service-targets-pod'],
      links: ['https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service'],
    },
  },
  reads: [...WORKLOAD_KINDS, 'Service'],
  check(context) {
    for (const target of context.objects) {
      const { object } = target;
      if (!isService(object)) continue;
      const spec = child(object.root, 'spec');
      const selectorRef = child(spec, 'selector');
      const selector = mapSelector(selectorRef);
      const workloads = candidates(context.objects, object.namespace, isWorkload);
      if (!selectorRef || isEmptySelector(selector) || str(child(spec, 'type')) === 'ExternalName' || workloads.length === 0) continue;
      if (operatorMayCreatePods(context.objects, target)) continue;
      if (workloads.some((w) => selects(selector, w.object.podSpec!.labels))) continue;
      context.report(target, {
        at: keyOf(selectorRef),
        message: `The selector of Service "${object.name}" (${describeSelector(selector)}) matches no workload of namespace "${namespaceOf(object)}": it has no endpoints. Use the pod template labels of the workload it serves.`,
      });
    }
  },
});
