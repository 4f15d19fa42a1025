import { defineSubjectRule } from './subject-rule';

export default defineSubjectRule(
  {
    id: 'binding-to-anonymous-user',
    title: 'Binding to anonymous or unauthenticated users',
    severity: 'error',
    category: 'RBAC',
    tier: 'recommended',
    description:
      'Subjects `system:anonymous` and `system:unauthenticated` are every request without credentials: anyone who can reach the API server gets the bound role. The defaults Kubernetes ships (label `kubernetes.io/bootstrapping: rbac-defaults`, such as `system:public-info-viewer`) are not reported.',
    remediation: 'Remove the subject; bind the role to the ServiceAccounts, users or groups that need it.',
    references: {
      kubesec: ['BindingsToSystemAnonymous'],
      trivy: ['KSV122'],
      links: ['https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests'],
    },
  },
  new Set(['system:anonymous', 'system:unauthenticated']),
  () => 'anyone who can reach the API server gets it, without credentials. Bind named ServiceAccounts, users or groups instead.',
);
