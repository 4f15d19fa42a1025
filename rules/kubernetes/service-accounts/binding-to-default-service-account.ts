import { defineKubernetesRule } from '../../engine/rule';
import { child, items, str } from '../../engine/yaml/nav';

export default defineKubernetesRule({
  meta: {
    id: 'binding-to-default-service-account',
    title: 'Role bound to a default service account',
    severity: 'warning',
    category: 'Service accounts',
    tier: 'recommended',
    description:
      'A RoleBinding or ClusterRoleBinding whose subject is the `default` ServiceAccount grants its rights to every pod of that namespace that names no service account, including ones deployed later for other purposes.',
    remediation: 'Create a dedicated ServiceAccount for the workload that needs the role, bind the role to it, and set `serviceAccountName` in that workload.',
    references: {
      cis: ['5.1.5'],
      checkov: ['CKV_K8S_42'],
    },
  },
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  check(context) {
    const { object } = context;
    for (const subject of items(child(object.root, 'subjects'))) {
      const nameRef = child(subject, 'name');
      if (str(child(subject, 'kind')) !== 'ServiceAccount' || str(nameRef) !== 'default') continue;
      // A namespaced binding's subject without a namespace is in the binding's namespace.
      const namespace = str(child(subject, 'namespace')) ?? object.namespace;
      context.report({
        at: nameRef!,
        message: `The ${object.kind} "${object.name}" grants its role to the default ServiceAccount${namespace ? ` of namespace "${namespace}"` : ''}, so every pod there without its own account gets it. Bind a dedicated ServiceAccount instead.`,
      });
    }
  },
});
