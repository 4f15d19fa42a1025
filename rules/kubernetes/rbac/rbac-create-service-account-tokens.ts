import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-create-service-account-tokens',
    title: 'Role can create service account tokens',
    severity: 'warning',
    description:
      'Creating `serviceaccounts/token` issues tokens for any ServiceAccount in scope, so the holder acts with every permission those accounts have.',
    remediation: 'Remove `create` on `serviceaccounts/token`, or limit it with `resourceNames` to the one account a component really issues tokens for.',
    references: {
      cis: ['5.1.13'],
      links: [`${RBAC_DOCS}#token-request`],
    },
  }),
  {
    queries: queries('', ['serviceaccounts/token'], ['create']),
    what: 'issue tokens for any ServiceAccount in scope',
    advice: 'They can then act as those accounts: remove it, or limit it to one account with resourceNames.',
    evenWhenNamed: false,
  },
);
