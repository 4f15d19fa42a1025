import { defineKubernetesRule } from '../../engine/rule';
import { bool, child } from '../../engine/yaml/nav';
import { withPodSpec, WORKLOAD_KINDS } from '../helpers';
import { offered, podSpecChange } from './changes';

export default defineKubernetesRule({
  meta: {
    id: 'host-pid',
    title: 'Host PID namespace',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'With `hostPID: true` the pod shares the node\'s process ID namespace: it can see every process on the node, read their environment and signal or trace them. The Pod Security Standards forbid it at the baseline level (Host Namespaces).',
    remediation: 'Remove `hostPID: true` from the pod spec (or set `hostPID: false`). Workloads that truly need it (CNI or monitoring agents) belong in a namespace with the privileged level, with a suppression that says why.',
    references: {
      pss: { level: 'baseline', control: 'Host Namespaces' },
      cis: ['5.2.3'],
      nsa: ['1.4'],
      kubeLinter: ['host-pid'],
      checkov: ['CKV_K8S_17'],
      trivy: ['KSV010'],
      polaris: ['hostPIDSet'],
      kubesec: ['HostPID'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      const value = child(pod.ref, 'hostPID');
      if (bool(value) !== true) return;
      context.report({
        at: value!,
        message: `The pod shares the node's process ID namespace (hostPID: true): it can see every process on the node, read their environment and signal or trace them. Remove hostPID or set it to false.`,
        // A suggestion: agents that watch the node (CNI, monitoring) stop working without it.
        suggestions: () => offered(podSpecChange(context, pod, { hostPID: false })),
      });
    });
  },
});
