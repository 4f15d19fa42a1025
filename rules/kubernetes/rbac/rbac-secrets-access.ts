import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-secrets-access',
    title: 'Role can read or change Secrets',
    severity: 'warning',
    description:
      'A Role or ClusterRole that allows `get`, `list`, `watch` or write verbs on `secrets` hands out every credential stored in them: service account tokens, registry passwords, TLS keys. `list` and `watch` return the values too, not just the names. Grants narrowed with `resourceNames` to `get`/`update` named Secrets are not reported.',
    remediation:
      'Grant access to the Secrets a workload needs by name (`resourceNames`, verb `get`), or mount them as volumes and drop the RBAC grant.',
    references: {
      cis: ['5.1.2'],
      kubeLinter: ['access-to-secrets'],
      trivy: ['KSV041', 'KSV113'],
      checkov: ['CKV2_K8S_5'],
      links: [`${RBAC_DOCS}#secrets`],
    },
  }),
  {
    queries: queries('', ['secrets'], ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']),
    what: 'read or change every Secret in its scope',
    advice: 'Limit the rule to the Secrets needed with resourceNames and verb "get", or mount them instead.',
  },
);
