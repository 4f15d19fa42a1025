import rule from '../../../../rules/kubernetes/rbac/rbac-service-status-write';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'reading the status, or writing Services themselves',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: r}
        rules:
          - apiGroups: [""]
            resources: [services/status]
            verbs: [get]
          - apiGroups: [""]
            resources: [services]
            verbs: [patch]
      `,
    },
  ],
  invalid: [
    {
      name: 'patch of services/status, even for one named Service, and */status',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: lb}
        rules:
          - apiGroups: [""]
            resources: [services/status]
            resourceNames: [web]
            verbs: [update, patch]
          - apiGroups: [""]
            resources: ["*/status"]
            verbs: [patch]
      `,
      errors: [
        {
          range: [5, 16, 5, 31],
          path: 'rules[0].resources[0]',
          message:
            'The ClusterRole "lb" lets its subjects set the load-balancer IPs of Services (verb "update" on "services/status"). This lets them intercept traffic to any IP (CVE-2020-8554): keep it to load-balancer controllers.',
        },
        {
          range: [9, 16, 9, 26],
          message:
            'The ClusterRole "lb" lets its subjects set the load-balancer IPs of Services (verb "patch" on "*/status"). This lets them intercept traffic to any IP (CVE-2020-8554): keep it to load-balancer controllers.',
        },
      ],
    },
  ],
});
