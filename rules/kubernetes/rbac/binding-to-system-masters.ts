import { defineSubjectRule } from './subject-rule';

export default defineSubjectRule(
  {
    id: 'binding-to-system-masters',
    title: 'Binding to the system:masters group',
    severity: 'warning',
    category: 'RBAC',
    tier: 'recommended',
    description:
      'Members of `system:masters` bypass RBAC entirely: a binding to it adds nothing and suggests that certificates for that group are being handed out, which cannot be revoked without rotating the cluster CA.',
    remediation: 'Remove the subject; give administrators their own group bound to `cluster-admin` (revocable), and never issue `system:masters` certificates for daily use.',
    references: {
      cis: ['5.1.7'],
      trivy: ['KSV123'],
      links: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege'],
    },
  },
  new Set(['system:masters']),
  () => 'that group bypasses RBAC, so the binding adds nothing and its certificates cannot be revoked. Remove the subject and bind a group of your own instead.',
);
