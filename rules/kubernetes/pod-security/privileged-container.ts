import { defineKubernetesRule } from '../../engine/rule';
import { bool, child } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, WORKLOAD_KINDS } from '../helpers';
import { containerSettingsChange, offered } from './changes';

export default defineKubernetesRule({
  meta: {
    id: 'privileged-container',
    title: 'Privileged container',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'A privileged container runs with every capability and with access to all host devices: a process that escapes it owns the node. The Pod Security Standards forbid it at the baseline level.',
    remediation: 'Remove `privileged: true`, or set `securityContext.privileged: false`. Grant only the specific capability the workload needs.',
    references: {
      pss: { level: 'baseline', control: 'Privileged Containers' },
      cis: ['5.2.2'],
      nsa: ['1.2'],
      kubeLinter: ['privileged-container'],
      checkov: ['CKV_K8S_16'],
      trivy: ['KSV017'],
      polaris: ['runAsPrivileged'],
      kubesec: ['Privileged'],
      kubeScore: ['container-security-context-privileged'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container) => {
      const privileged = child(container.securityContext, 'privileged');
      if (bool(privileged) !== true) return;
      context.report({
        at: privileged!,
        message: `The ${describeContainer(container)} is privileged: it can take over the node. Set privileged: false.`,
        // A suggestion: a workload that drives host devices stops working unprivileged.
        suggestions: () => offered(containerSettingsChange(context, container, 'privileged')),
      });
    });
  },
});
