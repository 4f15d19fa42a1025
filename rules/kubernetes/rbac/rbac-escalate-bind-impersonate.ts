import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-escalate-bind-impersonate',
    title: 'Role can escalate, bind or impersonate',
    severity: 'warning',
    description:
      'The `escalate` verb lets a subject write roles with permissions it does not hold, `bind` lets it bind roles it does not hold, and `impersonate` lets it act as another user, group or ServiceAccount: each one is a path to cluster-admin.',
    remediation: 'Remove `escalate`, `bind` and `impersonate` (and `*` verbs on roles, bindings, users, groups and serviceaccounts) from every role that is not meant for cluster administrators.',
    references: {
      cis: ['5.1.8'],
      trivy: ['KSV043', 'KSV050'],
      checkov: ['CKV_K8S_157', 'CKV_K8S_158', 'CKV2_K8S_3'],
      links: [`${RBAC_DOCS}#escalate-verb`, 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation'],
    },
  }),
  {
    queries: [
      ...queries('rbac.authorization.k8s.io', ['roles', 'clusterroles'], ['escalate', 'bind']),
      ...queries('', ['users', 'groups', 'serviceaccounts'], ['impersonate']),
      ...queries('authentication.k8s.io', ['userextras/scopes', 'uids'], ['impersonate']),
    ],
    what: 'gain permissions they do not hold (escalate, bind or impersonate)',
    advice: 'Remove these verbs unless the role is for cluster administrators.',
    evenWhenNamed: true,
  },
);
