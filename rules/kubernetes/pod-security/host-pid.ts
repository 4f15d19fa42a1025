import { hostNamespaceRule } from './host-namespace';

export default hostNamespaceRule({
  field: 'hostPID',
  namespace: 'process ID',
  risk: 'it can see every process on the node, read their environment and signal or trace them',
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
});
