import { defineKubernetesRule } from '../../engine/rule';
import type { KubernetesRuleContext, ProposedChange } from '../../engine/rule';
import { isEmpty } from '../../engine/yaml/nav';
import { containerSecurityContextChange, podSecurityContextChange, POD_SECURITY_CONTEXT, securitySettings, type SecuritySetting } from '../fixes';
import { describeContainer, effectiveSecurity, forEachContainer, isSet, podAnchor, withPodSpec, WORKLOAD_KINDS, type ContainerView, type PodSpecView } from '../helpers';
import { offered } from '../pod-security/changes';

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
        // Linux settings: the API forbids seccompProfile in a Windows pod.
        suggestions: () => pod.isWindows ? [] : offered(podSecurityContextChange(context, pod, POD_SECURITY_CONTEXT)),
      });
    });
    forEachContainer(context, (container, pod) => {
      if (!isEmpty(container.securityContext)) return;
      context.report({
        at: container.securityContext ?? container.anchor,
        message: `The ${describeContainer(container)} has no securityContext. Add one with at least allowPrivilegeEscalation: false, readOnlyRootFilesystem: true and capabilities: {drop: [ALL]}.`,
        suggestions: () => hardenedContainerChanges(context, container, pod),
      });
    });
  },
});

/**
 * The restricted block plus a read-only root filesystem, as the message asks; runAsNonRoot and
 * the seccomp profile only when the pod does not set them already (a pod's Localhost profile is
 * its choice to keep). A suggestion: each setting can stop a container that relies on it.
 * Windows pods get nothing: the API forbids these Linux settings there.
 */
function hardenedContainerChanges(context: KubernetesRuleContext, container: ContainerView, pod: PodSpecView): ProposedChange[] {
  if (pod.isWindows) return [];
  const names: SecuritySetting[] = ['allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'capabilities'];
  if (!isSet(effectiveSecurity(pod, container, 'runAsNonRoot')?.ref)) names.push('runAsNonRoot');
  if (!isSet(effectiveSecurity(pod, container, 'seccompProfile')?.ref)) names.push('seccompProfile');
  return offered(containerSecurityContextChange(context, container, securitySettings(...names)));
}
