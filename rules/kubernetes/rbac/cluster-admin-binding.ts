import { defineKubernetesRule } from '../../engine/rule';
import { child } from '../../engine/yaml/nav';
import { BINDING_KINDS, isKubernetesDefault, roleRefOf } from './permissions';

/** Default ClusterRoles that are too broad to grant cluster-wide. */
const CLUSTER_WIDE_TOO_BROAD = new Set(['admin', 'edit']);

export default defineKubernetesRule({
  meta: {
    id: 'cluster-admin-binding',
    title: 'Binding to cluster-admin, or to admin/edit cluster-wide',
    severity: 'warning',
    category: 'RBAC',
    tier: 'recommended',
    description:
      'Binding `cluster-admin` gives full control; binding the `admin` or `edit` ClusterRoles through a ClusterRoleBinding gives write access (Secrets, workloads) to every namespace, `kube-system` included. The default bindings Kubernetes ships (label `kubernetes.io/bootstrapping: rbac-defaults`) are not reported.',
    remediation:
      'Bind a Role (or `admin`/`edit` through a RoleBinding) in the namespaces the subject manages, with only the permissions it needs.',
    references: {
      cis: ['5.1.1'],
      kubeLinter: ['cluster-admin-role-binding'],
      trivy: ['KSV111'],
      polaris: ['clusterrolebindingClusterAdmin', 'rolebindingClusterAdminClusterRole'],
      links: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles'],
    },
  },
  kinds: BINDING_KINDS,
  check(context) {
    const { object } = context;
    if (isKubernetesDefault(object)) return;
    const role = roleRefOf(object);
    if (role.kind !== 'ClusterRole' || !role.nameRef || !role.name) return;
    const at = role.nameRef ?? child(object.root, 'roleRef') ?? object.kindRef;
    if (role.name === 'cluster-admin') {
      const scope = object.kind === 'ClusterRoleBinding' ? 'the whole cluster' : `namespace "${object.namespace ?? 'default'}"`;
      context.report({
        at,
        message: `The ${object.kind} "${object.name}" grants cluster-admin: full control of ${scope}. Bind a Role with only the permissions its subjects need instead.`,
      });
    } else if (object.kind === 'ClusterRoleBinding' && CLUSTER_WIDE_TOO_BROAD.has(role.name)) {
      context.report({
        at,
        message: `The ClusterRoleBinding "${object.name}" grants "${role.name}" in every namespace, kube-system included. Use RoleBindings in the namespaces its subjects manage instead.`,
      });
    }
  },
});
