import { missingRequirementRule } from './requirements';

export default missingRequirementRule(
  {
    id: 'missing-cpu-request',
    title: 'No CPU request',
    severity: 'warning',
    category: 'Resources',
    tier: 'recommended',
    description:
      'Without a CPU request the scheduler reserves no CPU for the container: it can be packed onto a busy node and starved by its neighbours, and a noisy pod is harder to contain. A CPU limit alone counts, since Kubernetes copies it into the request, and so does a pod-level `resources.requests.cpu`.',
    remediation: 'Add `resources.requests.cpu` to every container, sized from observed usage (for example `100m`).',
    references: {
      kubeLinter: ['unset-cpu-requirements'],
      checkov: ['CKV_K8S_10'],
      trivy: ['KSV015'],
      polaris: ['cpuRequestsMissing'],
      kubesec: ['RequestsCPU'],
      kubeScore: ['container-resources'],
    },
  },
  { requirement: 'requests', resource: 'cpu', consequence: 'the scheduler reserves no CPU for it', example: '100m' },
);
