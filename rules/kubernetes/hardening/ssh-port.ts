import { defineKubernetesRule } from '../../engine/rule';
import { child, items, num, str } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, WORKLOAD_KINDS } from '../helpers';

export default defineKubernetesRule({
  meta: {
    id: 'ssh-port',
    title: 'SSH port exposed',
    severity: 'warning',
    category: 'Host access',
    tier: 'recommended',
    description:
      'A container that declares TCP port 22 is most likely running an SSH server: another way in that bypasses Kubernetes authentication, audit logging and RBAC, usually with long-lived keys or passwords.',
    remediation: 'Remove the SSH server and port 22; use `kubectl exec` or `kubectl debug`, which go through the API server\'s authentication, authorization and audit.',
    references: {
      kubeLinter: ['ssh-port'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container) => {
      for (const port of items(child(container.ref, 'ports'))) {
        const containerPort = child(port, 'containerPort');
        const protocol = (str(child(port, 'protocol')) ?? 'TCP').toUpperCase();
        if (num(containerPort) !== 22 || protocol !== 'TCP') continue;
        context.report({
          at: containerPort!,
          message: `The ${describeContainer(container)} exposes SSH on port 22. Remove the SSH server and use kubectl exec or kubectl debug instead.`,
        });
      }
    });
  },
});
