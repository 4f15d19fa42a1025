import { defineKubernetesRule } from '../../engine/rule';
import { child, isEmpty, stringItems } from '../../engine/yaml/nav';

export default defineKubernetesRule({
  meta: {
    id: 'service-external-ips',
    title: 'Service sets externalIPs',
    severity: 'warning',
    category: 'Network',
    tier: 'recommended',
    description:
      '`spec.externalIPs` makes every node route traffic for those addresses to the Service. Anyone who can create Services can claim an address used by something else and intercept its traffic (CVE-2020-8554, unfixed by design).',
    remediation:
      'Use a LoadBalancer Service or an Ingress/Gateway instead, and block `externalIPs` cluster-wide with the DenyServiceExternalIPs admission plugin or a policy.',
    references: {
      trivy: ['KSV108'],
      links: ['https://github.com/kubernetes/kubernetes/issues/97076', 'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips'],
    },
  },
  kinds: ['Service'],
  check(context) {
    const ips = child(child(context.object.root, 'spec'), 'externalIPs');
    if (isEmpty(ips)) return;
    const values = stringItems(ips);
    context.report({
      at: values[0]?.ref ?? ips!,
      message: `The Service "${context.object.name}" sets externalIPs (${values.map((v) => v.value).join(', ')}): nodes route traffic for those addresses to it, which can hijack another service's traffic (CVE-2020-8554). Use a LoadBalancer Service or an Ingress instead.`,
    });
  },
});
