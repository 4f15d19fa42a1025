import { defineWorkspaceRule, type WorkspaceObject } from '../../engine/rule';
import { WORKLOAD_KINDS } from '../helpers';
import { child } from '../../engine/yaml/nav';
import { folderOf, isNetworkPolicy, isWorkload, namespaceOf, podLabelsAnchor, readLabelSelector, selects } from './workspace-index';

export default defineWorkspaceRule({
  meta: {
    id: 'pod-not-selected-by-network-policy',
    title: 'Workload not selected by any NetworkPolicy of its namespace',
    severity: 'warning',
    category: 'Network',
    tier: 'recommended',
    description:
      'The namespace has NetworkPolicies, but none of their `podSelector`s (matchLabels and matchExpressions) selects this workload\'s pods, so they accept traffic from anywhere and reach anything. Namespaces with no NetworkPolicy at all are reported by `namespace-without-network-policy` instead.',
    remediation: 'Add a default-deny policy (`podSelector: {}`) to the namespace, or a policy whose podSelector matches the workload\'s pod labels.',
    references: {
      cis: ['5.3.2'],
      kubeLinter: ['non-isolated-pod'],
      checkov: ['CKV2_K8S_6'],
      polaris: ['missingNetworkPolicy'],
      kubeScore: ['pod-networkpolicy'],
      links: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#isolated-and-non-isolated-pods'],
    },
  },
  reads: [...WORKLOAD_KINDS, 'NetworkPolicy'],
  check(context) {
    const policies = context.objects.filter((o) => isNetworkPolicy(o.object));
    for (const target of context.objects) {
      const { object } = target;
      if (!isWorkload(object)) continue;
      const namespace = namespaceOf(object);
      const inNamespace = policies.filter((p) => sameScope(p, target));
      if (inNamespace.length === 0) continue;
      const labels = object.podSpec!.labels;
      if (inNamespace.some((p) => selects(readLabelSelector(child(child(p.object.root, 'spec'), 'podSelector')), labels))) continue;
      context.report(target, {
        at: podLabelsAnchor(object),
        message: `No NetworkPolicy of namespace "${namespace}" selects the pods of ${object.kind} "${object.name}": they accept traffic from anywhere. Add a default-deny policy (podSelector: {}) or one that selects their labels.`,
        related: inNamespace.map((p) => ({
          at: child(child(p.object.root, 'spec'), 'podSelector') ?? p.object.kindRef,
          message: `NetworkPolicy "${p.object.name}" selects other pods`,
          in: p,
        })),
      });
    }
  },
});

/**
 * Policies of the workload's namespace. Manifests without a namespace are applied with
 * `kubectl apply -n`: a policy without one only counts for workloads without one in the same
 * folder, so unrelated samples of one repository do not judge each other.
 */
function sameScope(policy: WorkspaceObject, workload: WorkspaceObject): boolean {
  const a = policy.object.namespace;
  const b = workload.object.namespace;
  if (a !== undefined || b !== undefined) return a === b;
  return folderOf(policy.file) === folderOf(workload.file);
}

