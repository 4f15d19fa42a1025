import { defineKubernetesRule } from '../../engine/rule';
import { bool, child } from '../../engine/yaml/nav';
import { withPodSpec, WORKLOAD_KINDS } from '../helpers';

export default defineKubernetesRule({
  meta: {
    id: 'share-process-namespace',
    title: 'Containers share a process namespace',
    severity: 'warning',
    category: 'Host access',
    tier: 'recommended',
    description:
      'With `shareProcessNamespace: true` every container of the pod sees the others\' processes and can signal them, read their environment (secrets included) and reach their filesystems through `/proc/<pid>/root`. A compromised sidecar then compromises the whole pod.',
    remediation:
      'Remove `shareProcessNamespace` or set it to `false`. To debug a running pod, attach an ephemeral container with `kubectl debug --target=<container>` instead.',
    references: {
      nsa: ['1.3'],
      links: ['https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      const shared = child(pod.ref, 'shareProcessNamespace');
      if (bool(shared) !== true) return;
      context.report({
        at: shared!,
        message: 'The pod\'s containers share one process namespace, so each can read the others\' environment and files. Set shareProcessNamespace: false.',
      });
    });
  },
});
