import { defineKubernetesRule } from '../../engine/rule';
import { isEmpty } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, podAnchor, withPodSpec, WORKLOAD_KINDS } from '../helpers';

export default defineKubernetesRule({
  meta: {
    id: 'missing-security-context',
    title: 'No securityContext',
    severity: 'info',
    category: 'Hardening',
    tier: 'strict',
    description:
      'A pod or container without a `securityContext` (or with an empty one) runs with every default the image and runtime choose: root user, writable root filesystem, default capabilities. The specific rules say which setting matters; this one points out that none was even considered.',
    remediation:
      'Add a pod-level `securityContext` (for example `runAsNonRoot: true` and `seccompProfile: {type: RuntimeDefault}`) and a container-level one (`allowPrivilegeEscalation: false`, `readOnlyRootFilesystem: true`, `capabilities: {drop: [ALL]}`).',
    references: {
      cis: ['5.6.3'],
      checkov: ['CKV_K8S_29', 'CKV_K8S_30'],
      trivy: ['KSV118'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      if (!isEmpty(pod.securityContext)) return;
      context.report({
        at: pod.securityContext ?? podAnchor(context, pod),
        message:
          'The pod has no securityContext, so it runs with the runtime defaults. Add spec.securityContext with at least runAsNonRoot: true and seccompProfile: {type: RuntimeDefault}.',
      });
    });
    forEachContainer(context, (container) => {
      if (!isEmpty(container.securityContext)) return;
      context.report({
        at: container.securityContext ?? container.anchor,
        message: `The ${describeContainer(container)} has no securityContext. Add one with at least allowPrivilegeEscalation: false, readOnlyRootFilesystem: true and capabilities: {drop: [ALL]}.`,
      });
    });
  },
});
