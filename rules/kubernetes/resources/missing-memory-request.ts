import { missingRequirementRule } from './requirements';

export default missingRequirementRule(
  {
    id: 'missing-memory-request',
    title: 'No memory request',
    severity: 'warning',
    category: 'Resources',
    tier: 'recommended',
    description:
      'Without a memory request the scheduler reserves no memory for the container, and under memory pressure the kubelet evicts it among the first. A memory limit alone counts, since Kubernetes copies it into the request, and so does a pod-level `resources.requests.memory`.',
    remediation: 'Add `resources.requests.memory` to every container, sized from observed usage (for example `128Mi`).',
    references: {
      checkov: ['CKV_K8S_12'],
      trivy: ['KSV016'],
      polaris: ['memoryRequestsMissing'],
      kubesec: ['RequestsMemory'],
      kubeScore: ['container-resources'],
    },
  },
  { requirement: 'requests', resource: 'memory', consequence: 'the scheduler reserves no memory for it', example: '128Mi' },
);
