import { defineKubernetesRule } from '../../engine/rule';
import { bool, child } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, isPssWindowsPod, isSet, WORKLOAD_KINDS } from '../helpers';
import { containerSettingsChange, hardenAll, offered } from './changes';

export default defineKubernetesRule({
  meta: {
    id: 'allow-privilege-escalation',
    title: 'Privilege escalation allowed',
    severity: 'warning',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'Unless `allowPrivilegeEscalation` is `false`, a process in the container can gain more privileges than its parent (setuid binaries, file capabilities), because the `no_new_privs` flag is not set. The restricted Pod Security Standard requires every container, init container and ephemeral container to set it to `false` explicitly; leaving it out is not enough. Windows pods (`spec.os.name: windows`) are exempt.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on each container.',
    references: {
      pss: { level: 'restricted', control: 'Privilege Escalation (v1.8+)' },
      cis: ['5.2.6'],
      nsa: ['1.7'],
      kubeLinter: ['privilege-escalation-container'],
      checkov: ['CKV_K8S_20'],
      trivy: ['KSV001'],
      polaris: ['privilegeEscalationAllowed'],
      kubesec: ['AllowPrivilegeEscalation'],
      links: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container, pod) => {
      if (isPssWindowsPod(pod)) return;
      const value = child(container.securityContext, 'allowPrivilegeEscalation');
      if (bool(value) === false) return;
      // The API rejects allowPrivilegeEscalation: false on a privileged container: both go together.
      const privileged = bool(child(container.securityContext, 'privileged')) === true;
      const specific = () =>
        privileged
          ? containerSettingsChange(context, container, 'allowPrivilegeEscalation', 'privileged')
          : containerSettingsChange(context, container, 'allowPrivilegeEscalation');
      context.report({
        at: isSet(value) ? value : container.anchor,
        message: isSet(value)
          ? `The ${describeContainer(container)} allows privilege escalation. Set allowPrivilegeEscalation: false.`
          : `The ${describeContainer(container)} does not forbid privilege escalation. Set securityContext.allowPrivilegeEscalation: false.`,
        suggestions: () => offered(specific(), hardenAll(context, container, pod)),
      });
    });
  },
});
