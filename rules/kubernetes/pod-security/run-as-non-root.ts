import { defineKubernetesRule } from '../../engine/rule';
import { atLeast } from '../../engine/version';
import { bool, child } from '../../engine/yaml/nav';
import { podSecurityContextChange, securitySettings } from '../fixes';
import { describeContainer, isSet, usesUserNamespace, withPodSpec, WORKLOAD_KINDS } from '../helpers';
import { containerSettingsChange, hardenAll, offered } from './changes';

export default defineKubernetesRule({
  meta: {
    id: 'run-as-non-root',
    title: 'Not forced to run as non-root',
    severity: 'warning',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'Many images run as root by default; `runAsNonRoot: true` makes the kubelet refuse to start a container whose user is UID 0. The restricted Pod Security Standard requires it on the pod (inherited by every container that does not set it) or on each container, and forbids `runAsNonRoot: false` anywhere, even when the containers override it. From Kubernetes 1.35, pods with `hostUsers: false` are exempt: root in a user namespace is not root on the node.',
    remediation: 'Set `securityContext.runAsNonRoot: true` on the pod spec (and a non-zero `runAsUser` if the image has no numeric non-root USER).',
    references: {
      pss: { level: 'restricted', control: 'Running as Non-root' },
      cis: ['5.2.7'],
      nsa: ['1.0'],
      kubeLinter: ['run-as-non-root'],
      checkov: ['CKV_K8S_23'],
      trivy: ['KSV012'],
      polaris: ['runAsRootAllowed'],
      kubesec: ['RunAsNonRoot'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      if (atLeast(context.options.kubernetesVersion, 35) && usesUserNamespace(pod)) return;
      const podValue = child(pod.securityContext, 'runAsNonRoot');
      const podSetting = isSet(podValue) ? bool(podValue) : undefined;
      if (podSetting === false) {
        context.report({
          at: podValue!,
          message: 'The pod sets runAsNonRoot: false, so its containers may run as root. Set runAsNonRoot: true.',
          suggestions: () => offered(podSecurityContextChange(context, pod, securitySettings('runAsNonRoot'))),
        });
      }
      const lacking = pod.containers.filter((c) => !isSet(child(c.securityContext, 'runAsNonRoot')));
      // With several containers lacking it, one pod-level setting covers them all.
      const podLevel = () =>
        podSetting === undefined && lacking.length > 1 ? podSecurityContextChange(context, pod, securitySettings('runAsNonRoot')) : undefined;
      for (const container of pod.containers) {
        const containerLevel = () => containerSettingsChange(context, container, 'runAsNonRoot');
        const own = child(container.securityContext, 'runAsNonRoot');
        if (isSet(own)) {
          if (bool(own) === false) {
            context.report({
              at: own,
              message: `The ${describeContainer(container)} sets runAsNonRoot: false and may run as root. Set runAsNonRoot: true.`,
              suggestions: () => offered(containerLevel(), hardenAll(context, container, pod)),
            });
          }
        } else if (podSetting === undefined) {
          // With a pod-level false the pod finding already covers the inheriting container.
          context.report({
            at: container.anchor,
            message: `The ${describeContainer(container)} may run as root: neither it nor the pod sets runAsNonRoot. Set securityContext.runAsNonRoot: true on the pod or the container.`,
            suggestions: () => offered(containerLevel(), podLevel(), hardenAll(context, container, pod)),
          });
        }
      }
    });
  },
});
