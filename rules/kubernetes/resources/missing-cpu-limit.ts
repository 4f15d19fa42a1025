import { missingRequirementRule } from './requirements';

export default missingRequirementRule(
  {
    id: 'missing-cpu-limit',
    title: 'No CPU limit',
    severity: 'warning',
    category: 'Resources',
    tier: 'strict',
    description:
      'Without a CPU limit a container can use every idle core of its node, so a runaway or compromised process (a crypto miner, a busy loop) degrades its neighbours. In the strict profile only: many teams leave CPU limits out on purpose, because throttling hurts latency and CPU requests already guarantee each pod its share. A pod-level `resources.limits.cpu` counts.',
    remediation: 'Add `resources.limits.cpu` to every container (for example `500m`), or turn this rule off if you rely on CPU requests alone.',
    references: {
      checkov: ['CKV_K8S_11'],
      trivy: ['KSV011'],
      polaris: ['cpuLimitsMissing'],
      kubesec: ['LimitsCPU'],
      kubeScore: ['container-resources'],
    },
  },
  { requirement: 'limits', resource: 'cpu', consequence: 'it can use every core of the node', example: '500m' },
);
