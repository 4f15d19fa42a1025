import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-manage-configmaps',
    title: 'Role can create, change or delete ConfigMaps',
    severity: 'info',
    tier: 'strict',
    description:
      'Whoever can write ConfigMaps changes the configuration the workloads of that scope read: feature flags, proxy and DNS settings (`coredns`, `kube-proxy` in `kube-system`), scripts mounted into containers, and on EKS the `aws-auth` map of IAM identities to Kubernetes groups. Operators and older leader-election code need the permission, which is why it is reported only in the strict profile; grants narrowed with `resourceNames` are not reported (`rbac-aws-auth-configmap` covers the one that matters most).',
    remediation:
      'Grant `update`/`patch` on the ConfigMaps the account manages by name (`resourceNames`), use Leases (`coordination.k8s.io`) for leader election, and keep `create`/`delete` to deployment pipelines.',
    references: {
      trivy: ['KSV049'],
      links: [RBAC_DOCS, 'https://kubernetes.io/docs/concepts/architecture/leases/#leader-election'],
    },
  }),
  {
    queries: queries('', ['configmaps'], ['create', 'update', 'patch', 'delete', 'deletecollection']),
    what: 'create, change or delete every ConfigMap in its scope',
    advice: 'Name the ConfigMaps it manages with resourceNames, or use Leases for leader election.',
    notThroughWildcard: true,
  },
);
