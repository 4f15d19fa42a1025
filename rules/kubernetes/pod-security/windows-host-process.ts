import type { KubernetesRuleContext } from '../../engine/rule';
import { defineKubernetesRule } from '../../engine/rule';
import { at, bool, type NodeRef } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, withPodSpec, WORKLOAD_KINDS } from '../helpers';

export default defineKubernetesRule({
  meta: {
    id: 'windows-host-process',
    title: 'Windows HostProcess container',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'A Windows HostProcess container runs directly on the node, with the node\'s network and file system and the privileges of a host account: the Windows counterpart of a privileged container. The baseline Pod Security Standard forbids `windowsOptions.hostProcess: true` at pod and container level.',
    remediation: 'Remove `windowsOptions.hostProcess: true`. Node agents that need it belong in a namespace with the privileged level.',
    references: {
      pss: { level: 'baseline', control: 'HostProcess' },
      cis: ['5.2.10'],
      trivy: ['KSV103'],
      polaris: ['hostProcess'],
      links: ['https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => checkHostProcess(context, at(pod.securityContext, 'windowsOptions', 'hostProcess'), 'The pod'));
    forEachContainer(context, (container) => {
      const value = at(container.securityContext, 'windowsOptions', 'hostProcess');
      checkHostProcess(context, value, `The ${describeContainer(container)}`);
    });
  },
});

function checkHostProcess(context: KubernetesRuleContext, value: NodeRef | undefined, who: string): void {
  if (bool(value) !== true) return;
  context.report({
    at: value!,
    message: `${who} runs as a Windows HostProcess container (hostProcess: true), with the node's privileges. Remove hostProcess or set it to false.`,
  });
}
