import { defineKubernetesRule } from '../../engine/rule';
import { child } from '../../engine/yaml/nav';
import { WORKLOAD_KINDS } from '../helpers';

const CONTROL_PLANE_COMPONENTS = new Set([
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kube-proxy',
  'cloud-controller-manager',
]);

export default defineKubernetesRule({
  meta: {
    id: 'kube-system-workload',
    title: 'Workload in kube-system',
    severity: 'warning',
    category: 'Namespaces',
    tier: 'recommended',
    description:
      '`kube-system` holds the control plane and the cluster add-ons, and many of its service accounts are highly privileged. An application deployed there is exempt from most namespace policies, can be granted system rights by accident, and a compromise lands next to the cluster\'s most sensitive credentials. Control-plane and add-on workloads are exempt: labels `tier: control-plane`, `component` naming a control-plane component, or `addonmanager.kubernetes.io/mode`.',
    remediation: 'Deploy the workload in its own namespace.',
    references: {
      nsa: ['1.12'],
      trivy: ['KSV037'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    const { object } = context;
    if (object.namespace !== 'kube-system') return;
    const labels = { ...object.labels, ...object.podSpec?.labels };
    const isSystem =
      labels.tier === 'control-plane' ||
      CONTROL_PLANE_COMPONENTS.has(labels.component ?? '') ||
      labels['addonmanager.kubernetes.io/mode'] !== undefined;
    if (isSystem) return;
    context.report({
      at: child(object.metadata, 'namespace')!,
      message: `The ${object.kind} "${object.name}" runs in kube-system, next to the control plane and its privileged accounts. Deploy it in its own namespace.`,
    });
  },
});
