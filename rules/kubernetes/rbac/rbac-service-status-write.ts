import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-service-status-write',
    title: 'Role can change the status of Services',
    severity: 'warning',
    description:
      'Writing `services/status` sets `status.loadBalancer.ingress` of any Service: kube-proxy then routes traffic that pods send to that IP (any IP, another Service\'s or an external one) to the Service\'s pods, which lets the holder intercept it (CVE-2020-8554, unfixed by design). Only the cloud controller manager and load-balancer controllers need it.',
    remediation: 'Remove `update` and `patch` on `services/status` unless the account is a load-balancer controller.',
    references: {
      checkov: ['CKV2_K8S_4'],
      links: [RBAC_DOCS, 'https://github.com/kubernetes/kubernetes/issues/97076'],
    },
  }),
  {
    queries: queries('', ['services/status'], ['update', 'patch']),
    what: 'set the load-balancer IPs of Services',
    advice: 'This lets them intercept traffic to any IP (CVE-2020-8554): keep it to load-balancer controllers.',
    evenWhenNamed: true,
  },
);
