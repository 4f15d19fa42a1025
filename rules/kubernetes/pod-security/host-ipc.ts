import { defineKubernetesRule } from '../../engine/rule';
import { bool, child } from '../../engine/yaml/nav';
import { withPodSpec, WORKLOAD_KINDS } from '../helpers';
import { offered, podSpecChange } from './changes';

export default defineKubernetesRule({
  meta: {
    id: 'host-ipc',
    title: 'Host IPC namespace',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'With `hostIPC: true` the pod shares the node\'s IPC namespace: it can read and write the shared memory of every process on the node. The Pod Security Standards forbid it at the baseline level (Host Namespaces).',
    remediation: 'Remove `hostIPC: true` from the pod spec (or set `hostIPC: false`). Workloads that truly need it (CNI or monitoring agents) belong in a namespace with the privileged level, with a suppression that says why.',
    references: {
      pss: { level: 'baseline', control: 'Host Namespaces' },
      cis: ['5.2.4'],
      nsa: ['1.3'],
      kubeLinter: ['host-ipc'],
      checkov: ['CKV_K8S_18'],
      trivy: ['KSV008'],
      polaris: ['hostIPCSet'],
      kubesec: ['HostIPC'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      const value = child(pod.ref, 'hostIPC');
      if (bool(value) !== true) return;
      context.report({
        at: value!,
        message: `The pod shares the node's IPC namespace (hostIPC: true): it can read and write the shared memory of every process on the node. Remove hostIPC or set it to false.`,
        // A suggestion: agents that watch the node (CNI, monitoring) stop working without it.
        suggestions: () => offered(podSpecChange(context, pod, { hostIPC: false })),
      });
    });
  },
});
