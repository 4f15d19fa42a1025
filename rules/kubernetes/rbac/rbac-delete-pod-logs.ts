import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-delete-pod-logs',
    title: 'Role can delete pod logs',
    severity: 'info',
    tier: 'strict',
    description:
      'A grant of `delete` on `pods/log` asks for the power to erase what a container logged, which is how an intruder hides their tracks. The API server serves only `get` on `pods/log` today, so the grant does nothing yet; it usually comes from a copied or over-wide role and is worth removing before an API or an aggregated API server honours it.',
    remediation: 'Grant `get` on `pods/log` to the accounts that read logs, and nothing else on it.',
    references: {
      trivy: ['KSV042'],
      links: [RBAC_DOCS],
    },
  }),
  {
    queries: queries('', ['pods/log'], ['delete', 'deletecollection']),
    what: 'delete container logs',
    advice: 'Keep pods/log to "get".',
    evenWhenNamed: true,
    notThroughWildcard: true,
  },
);
