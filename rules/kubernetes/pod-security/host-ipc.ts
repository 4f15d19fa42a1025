import { hostNamespaceRule } from './host-namespace';

export default hostNamespaceRule({
  field: 'hostIPC',
  namespace: 'IPC',
  risk: 'it can read and write the shared memory of every process on the node',
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
});
