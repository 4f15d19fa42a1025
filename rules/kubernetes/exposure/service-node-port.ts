import { defineKubernetesRule } from '../../engine/rule';
import { at, child, str } from '../../engine/yaml/nav';

export default defineKubernetesRule({
  meta: {
    id: 'service-node-port',
    title: 'Service of type NodePort',
    severity: 'info',
    category: 'Network',
    tier: 'strict',
    description:
      'A NodePort Service opens its port on every node of the cluster, on every node address, usually outside any load balancer, firewall rule or TLS termination meant for it.',
    remediation: 'Use `type: ClusterIP` behind an Ingress or Gateway, or a LoadBalancer with `loadBalancerSourceRanges`.',
    references: {
      kubeLinter: ['exposed-services'],
      kubeScore: ['service-type'],
      links: ['https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport'],
    },
  },
  kinds: ['Service'],
  check(context) {
    const type = at(context.object.root, 'spec', 'type');
    if (str(type) !== 'NodePort') return;
    const ports = child(child(context.object.root, 'spec'), 'ports');
    context.report({
      at: type!,
      message: `The Service "${context.object.name}" is of type NodePort: its ports are open on every node of the cluster. Use type ClusterIP behind an Ingress or Gateway instead.`,
      related: ports ? [{ at: ports, message: 'these ports are opened on every node' }] : undefined,
    });
  },
});
