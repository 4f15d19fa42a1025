import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-nodes-proxy',
    title: 'Role can use nodes/proxy',
    severity: 'warning',
    description:
      '`nodes/proxy` reaches the kubelet API of every node through the API server: it can run commands in any pod of the node, bypassing audit logging and admission control.',
    remediation: 'Remove `nodes/proxy`; monitoring agents need `nodes/metrics` or `nodes/stats` instead.',
    references: {
      cis: ['5.1.10'],
      trivy: ['KSV047'],
      checkov: ['CKV2_K8S_2'],
      links: [`${RBAC_DOCS}#access-to-proxy-subresource-of-nodes`],
    },
  }),
  {
    queries: queries('', ['nodes/proxy'], ['get', 'create', 'update', 'patch', 'delete']),
    what: 'reach the kubelet API of nodes',
    advice: 'It allows running commands in any pod of a node without audit: use nodes/metrics or nodes/stats for monitoring instead.',
    evenWhenNamed: true,
  },
);
