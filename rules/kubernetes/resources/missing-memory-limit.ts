import { missingRequirementRule } from './requirements';

export default missingRequirementRule(
  {
    id: 'missing-memory-limit',
    title: 'No memory limit',
    severity: 'warning',
    category: 'Resources',
    tier: 'recommended',
    description:
      'Without a memory limit a leaking or compromised container can take all the memory of its node, making the kernel kill other pods or node daemons. A pod-level `resources.limits.memory` counts.',
    remediation: 'Add `resources.limits.memory` to every container (for example `256Mi`), a little above its peak usage.',
    references: {
      kubeLinter: ['unset-memory-requirements'],
      checkov: ['CKV_K8S_13'],
      trivy: ['KSV018'],
      polaris: ['memoryLimitsMissing'],
      kubesec: ['LimitsMemory'],
      kubeScore: ['container-resources'],
    },
  },
  { requirement: 'limits', resource: 'memory', consequence: "it can exhaust the node's memory", example: '256Mi' },
);
