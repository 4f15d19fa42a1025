import { defineKubernetesRule } from '../../engine/rule';
import { child, items, num } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, WORKLOAD_KINDS } from '../helpers';
import { offered, removeChange } from './changes';

export default defineKubernetesRule({
  meta: {
    id: 'host-ports',
    title: 'Host port',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'A `hostPort` binds the container port on the node\'s own network interfaces: it bypasses NetworkPolicies and Services, exposes the workload outside the cluster and limits where the pod can be scheduled. The baseline Pod Security Standard forbids any non-zero hostPort.',
    remediation: 'Remove `hostPort` from the port (keep `containerPort`) and expose the workload through a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress.',
    references: {
      pss: { level: 'baseline', control: 'Host Ports' },
      cis: ['5.2.12'],
      checkov: ['CKV_K8S_26'],
      trivy: ['KSV024'],
      polaris: ['hostPortSet'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container) => {
      for (const port of items(child(container.ref, 'ports'))) {
        const hostPort = child(port, 'hostPort');
        const value = num(hostPort);
        if (value === undefined || value === 0) continue;
        context.report({
          at: hostPort!,
          message: `The ${describeContainer(container)} binds port ${value} on the node (hostPort). Remove hostPort and expose the port through a Service.`,
          // A suggestion: clients that reach the node's port lose it. A port without containerPort
          // would be invalid once hostPort is gone, so none is offered there.
          suggestions: () =>
            child(port, 'containerPort')
              ? offered(removeChange(context, port, 'hostPort', `Remove hostPort: ${value} from the ports of the ${describeContainer(container)}`))
              : [],
        });
      }
    });
  },
});
