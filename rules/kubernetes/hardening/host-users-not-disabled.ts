import { defineKubernetesRule } from '../../engine/rule';
import { bool, child } from '../../engine/yaml/nav';
import { atLeast } from '../../engine/version';
import { podAnchor, withPodSpec, WORKLOAD_KINDS } from '../helpers';

/** User namespaces for pods are on by default from Kubernetes 1.33 (beta, then GA). */
const USER_NAMESPACES_MINOR = 33;

export default defineKubernetesRule({
  meta: {
    id: 'host-users-not-disabled',
    title: 'No user namespace',
    severity: 'info',
    category: 'Hardening',
    tier: 'strict',
    description:
      'Without `hostUsers: false` a pod shares the node\'s user namespace: UID 0 in a container is UID 0 on the node, so a container escape starts as root. With a user namespace the pod\'s IDs are mapped to unprivileged IDs on the node. Checked from Kubernetes 1.33, where user namespaces are enabled by default; Windows pods are skipped.',
    remediation:
      'Set `spec.hostUsers: false` in the pod spec. The node needs Linux 6.3+ and a runtime that supports user namespaces (containerd 2.0+, CRI-O 1.25+); the pod cannot also use hostNetwork, hostPID or hostIPC.',
    references: {
      kubesec: ['HostUsers'],
      links: ['https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    if (!atLeast(context.options.kubernetesVersion, USER_NAMESPACES_MINOR)) return;
    withPodSpec(context, (pod) => {
      if (pod.isWindows) return;
      const hostUsers = child(pod.ref, 'hostUsers');
      if (bool(hostUsers) === false) return;
      context.report({
        at: hostUsers ?? podAnchor(context, pod),
        message: 'The pod shares the node\'s user namespace, so root in a container is root on the node. Set hostUsers: false in the pod spec.',
      });
    });
  },
});
