import { defineKubernetesRule } from '../../engine/rule';
import { at, stringItems } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, isPssWindowsPod, WORKLOAD_KINDS } from '../helpers';
import { BASELINE_CAPABILITIES } from './added-capabilities';
import { hardenAll, offered, removeAddedCapabilityChange } from './changes';

export default defineKubernetesRule({
  meta: {
    id: 'added-capabilities-restricted',
    title: 'Capability other than NET_BIND_SERVICE added',
    severity: 'warning',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'The restricted Pod Security Standard allows a container to add back only `NET_BIND_SERVICE` (to listen on ports below 1024). Default capabilities such as `CHOWN`, `SETUID` or `DAC_OVERRIDE` still widen what a compromised process can do. Capabilities that the baseline level already forbids are reported by `added-capabilities`. Windows pods (`spec.os.name: windows`) are exempt.',
    remediation: 'Remove the capability from `securityContext.capabilities.add`; keep `drop: ["ALL"]` and add only `NET_BIND_SERVICE` if the process binds a low port.',
    references: {
      pss: { level: 'restricted', control: 'Capabilities (v1.22+)' },
      cis: ['5.2.9'],
      trivy: ['KSV106'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container, pod) => {
      if (isPssWindowsPod(pod)) return;
      for (const capability of stringItems(at(container.securityContext, 'capabilities', 'add'))) {
        // Capabilities outside the baseline set are the baseline rule's finding.
        if (capability.value === 'NET_BIND_SERVICE' || !BASELINE_CAPABILITIES.has(capability.value)) continue;
        context.report({
          at: capability.ref,
          message: `The ${describeContainer(container)} adds the capability ${capability.value}; the restricted Pod Security Standard allows only NET_BIND_SERVICE. Remove it from capabilities.add.`,
          // Suggestions: the workload may need the capability.
          suggestions: () => offered(removeAddedCapabilityChange(context, container, capability), hardenAll(context, container, pod)),
        });
      }
    });
  },
});
