import { defineKubernetesRule } from '../../engine/rule';
import { child, isEmpty } from '../../engine/yaml/nav';
import { withPodSpec, WORKLOAD_KINDS } from '../helpers';

export default defineKubernetesRule({
  meta: {
    id: 'host-aliases',
    title: 'hostAliases overrides name resolution',
    severity: 'info',
    category: 'Host access',
    tier: 'recommended',
    description:
      '`hostAliases` writes entries into the pod\'s `/etc/hosts`, bypassing cluster DNS. Hard-coded addresses go stale silently, and the entries can redirect traffic meant for a trusted name to another address.',
    remediation: 'Remove `hostAliases`; resolve names through DNS, for example with a Service of type ExternalName or a headless Service with Endpoints.',
    references: {
      trivy: ['KSV007'],
      kubesec: ['HostAliases'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      const aliases = child(pod.ref, 'hostAliases');
      if (isEmpty(aliases)) return;
      context.report({
        at: aliases!,
        message: 'hostAliases writes fixed entries into the pod\'s /etc/hosts, bypassing DNS. Remove hostAliases and resolve the names through DNS (an ExternalName Service, for example).',
      });
    });
  },
});
