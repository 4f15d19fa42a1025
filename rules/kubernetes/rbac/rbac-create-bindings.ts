import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-create-bindings',
    title: 'Role can create or change role bindings',
    severity: 'warning',
    description:
      'Creating or patching RoleBindings and ClusterRoleBindings hands roles to any subject, including accounts the holder controls; together with `bind` (or for roles it already holds) it is a direct path to more privileges.',
    remediation: 'Keep binding management to cluster administrators and the operators that need it, and narrow it with `resourceNames` where possible.',
    references: {
      trivy: ['KSV051', 'KSV052', 'KSV055'],
      checkov: ['CKV2_K8S_1'],
      links: [`${RBAC_DOCS}#bind-verb`],
    },
  }),
  {
    queries: queries('rbac.authorization.k8s.io', ['rolebindings', 'clusterrolebindings'], ['create', 'update', 'patch']),
    what: 'create or change role bindings',
    advice: 'This lets them give roles to any account: keep it to cluster administrators.',
  },
);
