import { defineKubernetesRule } from '../../engine/rule';
import { at, child, isEmpty, str } from '../../engine/yaml/nav';

/** Annotations that make a cloud load balancer internal (reachable from the private network only). */
const INTERNAL_ANNOTATIONS: Record<string, (value: string) => boolean> = {
  'service.beta.kubernetes.io/aws-load-balancer-internal': (v) => v !== 'false' && v !== '',
  'service.beta.kubernetes.io/aws-load-balancer-scheme': (v) => v === 'internal',
  'service.beta.kubernetes.io/azure-load-balancer-internal': (v) => v === 'true',
  'networking.gke.io/load-balancer-type': (v) => v.toLowerCase() === 'internal',
  'cloud.google.com/load-balancer-type': (v) => v.toLowerCase() === 'internal',
  'service.beta.kubernetes.io/oci-load-balancer-internal': (v) => v === 'true',
  'service.beta.kubernetes.io/openstack-internal-load-balancer': (v) => v === 'true',
  'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type': (v) => v === 'private',
};
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

export default defineKubernetesRule({
  meta: {
    id: 'load-balancer-without-source-ranges',
    title: 'LoadBalancer Service open to the internet',
    severity: 'warning',
    category: 'Network',
    tier: 'recommended',
    description:
      'A Service of type LoadBalancer without `spec.loadBalancerSourceRanges` (or the equivalent annotation) accepts connections from any address. Load balancers marked internal with the cloud provider\'s annotation are not reported.',
    remediation:
      'Set `spec.loadBalancerSourceRanges` to the client networks, make the load balancer internal, or put the Service behind an Ingress or Gateway.',
    references: {
      kubeLinter: ['exposed-services'],
      links: ['https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/'],
    },
  },
  kinds: ['Service'],
  check(context) {
    const { object } = context;
    const spec = child(object.root, 'spec');
    const type = child(spec, 'type');
    if (str(type) !== 'LoadBalancer') return;
    if (!isEmpty(child(spec, 'loadBalancerSourceRanges')) || object.annotations[SOURCE_RANGES_ANNOTATION]?.trim()) return;
    if (Object.entries(INTERNAL_ANNOTATIONS).some(([key, internal]) => object.annotations[key] !== undefined && internal(object.annotations[key]))) return;
    if (str(at(spec, 'loadBalancerClass'))?.includes('internal')) return;
    context.report({
      at: type!,
      message: `The LoadBalancer Service "${object.name}" has no loadBalancerSourceRanges: it accepts connections from any address. Set spec.loadBalancerSourceRanges to the client networks, or make the load balancer internal.`,
    });
  },
});
