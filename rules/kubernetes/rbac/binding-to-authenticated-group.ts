import { defineSubjectRule } from './subject-rule';

export default defineSubjectRule(
  {
    id: 'binding-to-authenticated-group',
    title: 'Binding to every authenticated user',
    severity: 'warning',
    category: 'RBAC',
    tier: 'recommended',
    description:
      'The group `system:authenticated` holds every user and every ServiceAccount of the cluster (and, on some managed clusters, any account of the cloud provider). The defaults Kubernetes ships (label `kubernetes.io/bootstrapping: rbac-defaults`, such as `system:basic-user`) are not reported.',
    remediation: 'Bind the role to the groups, users or ServiceAccounts that need it instead.',
    references: {
      trivy: ['KSV01011'],
      links: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings'],
    },
  },
  new Set(['system:authenticated']),
  () => 'every user and every ServiceAccount of the cluster gets it. Bind the groups, users or ServiceAccounts that need it instead.',
);
