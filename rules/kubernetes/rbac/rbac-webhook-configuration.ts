import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-webhook-configuration',
    title: 'Role can change admission webhooks or policies',
    severity: 'warning',
    description:
      'Whoever controls mutating or validating webhook configurations (or admission policies) can read or rewrite every object sent to the API server, or switch off the checks that protect the cluster.',
    remediation: 'Keep write access to `mutatingwebhookconfigurations`, `validatingwebhookconfigurations` and admission policies to cluster administrators; operators that own one webhook can be limited with `resourceNames`.',
    references: {
      cis: ['5.1.12'],
      trivy: ['KSV114'],
      checkov: ['CKV_K8S_155'],
      links: [`${RBAC_DOCS}#control-admission-webhooks`],
    },
  }),
  {
    queries: queries(
      'admissionregistration.k8s.io',
      ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations', 'validatingadmissionpolicies', 'validatingadmissionpolicybindings', 'mutatingadmissionpolicies', 'mutatingadmissionpolicybindings'],
      ['create', 'update', 'patch', 'delete'],
    ),
    what: 'change admission webhooks or policies',
    advice: 'This lets them read or rewrite every object sent to the API server: keep it to cluster administrators, or limit it to one webhook with resourceNames.',
  },
);
