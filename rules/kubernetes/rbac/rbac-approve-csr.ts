import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-approve-csr',
    title: 'Role can approve certificate signing requests',
    severity: 'warning',
    description:
      'Updating `certificatesigningrequests/approval` (together with `approve` on a signer) lets a subject issue client certificates, for example for the `system:masters` group, and so log in as anyone.',
    remediation: 'Keep CSR approval to the controller manager and cluster administrators; an operator that approves its own CSRs should be limited to its signer with `resourceNames`.',
    references: {
      cis: ['5.1.11'],
      checkov: ['CKV_K8S_156'],
      links: [`${RBAC_DOCS}#csrs-and-certificate-issuing`],
    },
  }),
  {
    queries: [
      ...queries('certificates.k8s.io', ['certificatesigningrequests/approval'], ['update', 'patch']),
      ...queries('certificates.k8s.io', ['signers'], ['approve']),
    ],
    what: 'approve certificate signing requests',
    advice: 'Approved certificates can authenticate as any user or group: keep approval to cluster administrators.',
  },
);
