import rule from '../../../../rules/kubernetes/service-accounts/default-service-account-automount';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'default with automount disabled; other accounts',
      code: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: default, namespace: team}
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: web}
      `,
    },
  ],
  invalid: [
    {
      name: 'unset and true',
      code: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: default
          namespace: team
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: default}
        automountServiceAccountToken: true
      `,
      errors: [
        {
          range: [3, 8, 3, 15],
          path: 'metadata.name',
          message:
            'The default ServiceAccount of namespace "team" gives its token to every pod that names no account. Set automountServiceAccountToken: false.',
        },
        {
          range: [9, 30, 9, 34],
          documentIndex: 1,
          path: 'automountServiceAccountToken',
          message: 'The default ServiceAccount gives its token to every pod that names no account. Set automountServiceAccountToken: false.',
        },
      ],
    },
  ],
});
