import { hostNamespaceRule } from './host-namespace';

export default hostNamespaceRule({
  field: 'hostNetwork',
  namespace: 'network',
  risk: "it can see all of the node's network traffic and reach services bound to the node's localhost",
  meta: {
    id: 'host-network',
    title: 'Host network namespace',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'With `hostNetwork: true` the pod shares the node\'s network namespace: it can see all of the node\'s network traffic and reach services bound to the node\'s localhost. The Pod Security Standards forbid it at the baseline level (Host Namespaces).',
    remediation: 'Remove `hostNetwork: true` from the pod spec (or set `hostNetwork: false`). Workloads that truly need it (CNI or monitoring agents) belong in a namespace with the privileged level, with a suppression that says why.',
    references: {
      pss: { level: 'baseline', control: 'Host Namespaces' },
      cis: ['5.2.5'],
      nsa: ['1.5'],
      kubeLinter: ['host-network'],
      checkov: ['CKV_K8S_19'],
      trivy: ['KSV009'],
      polaris: ['hostNetworkSet'],
      kubesec: ['HostNetwork'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    },
  },
});
