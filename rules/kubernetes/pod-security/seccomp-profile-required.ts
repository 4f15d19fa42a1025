import { defineKubernetesRule } from '../../engine/rule';
import { child } from '../../engine/yaml/nav';
import { podSecurityContextChange, securitySettings } from '../fixes';
import { describeContainer, forEachContainer, isPssWindowsPod, isSet, WORKLOAD_KINDS } from '../helpers';
import { hardenAll, offered } from './changes';

export default defineKubernetesRule({
  meta: {
    id: 'seccomp-profile-required',
    title: 'Seccomp profile not set',
    severity: 'warning',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'Without a seccomp profile, most runtimes run the container with no syscall filter at all. The restricted Pod Security Standard requires `seccompProfile.type` to be `RuntimeDefault` or `Localhost` for every container, set either on the container or once on the pod (containers inherit it). Wrong values are reported by `seccomp-unconfined`. Windows pods (`spec.os.name: windows`) are exempt.',
    remediation: 'Add `securityContext: {seccompProfile: {type: RuntimeDefault}}` to the pod spec, so every container inherits it.',
    references: {
      pss: { level: 'restricted', control: 'Seccomp (v1.19+)' },
      cis: ['5.6.2'],
      nsa: ['1.10'],
      checkov: ['CKV_K8S_31'],
      trivy: ['KSV030'],
      kubesec: ['SeccompAny'],
      kubeScore: ['container-seccomp-profile'],
      links: ['https://kubernetes.io/docs/tutorials/security/seccomp/'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container, pod) => {
      // A pod-level profile, valid or not, covers the container: a wrong one is seccomp-unconfined's finding.
      if (isPssWindowsPod(pod) || isSet(child(pod.securityContext, 'seccompProfile'))) return;
      if (isSet(child(container.securityContext, 'seccompProfile'))) return;
      context.report({
        at: container.anchor,
        message: `The ${describeContainer(container)} runs without a seccomp profile. Set securityContext.seccompProfile.type: RuntimeDefault on the pod or the container.`,
        // The pod-level profile covers every container at once; containers with their own keep it.
        suggestions: () => offered(podSecurityContextChange(context, pod, securitySettings('seccompProfile')), hardenAll(context, container, pod)),
      });
    });
  },
});
