import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

const WRITES = ['create', 'update', 'patch', 'delete', 'deletecollection'];

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-manage-network-objects',
    title: 'Role can change Services, Endpoints, Ingresses or NetworkPolicies',
    severity: 'warning',
    description:
      'Writing Endpoints or EndpointSlices redirects a Service\'s traffic to any address (CVE-2021-25740), creating Services of type LoadBalancer or NodePort exposes pods outside the cluster, deleting or widening NetworkPolicies removes isolation, and Ingress annotations can run configuration snippets inside the ingress controller (CVE-2021-25742). Ingress controllers, service meshes and operators need some of this; workloads rarely do.',
    remediation:
      'Keep write access to networking objects to deployment pipelines and the controllers that own them; in particular drop `endpoints` and `endpointslices` writes, which Kubernetes removed from the default `edit` role in 1.22.',
    references: {
      trivy: ['KSV056'],
      links: [RBAC_DOCS, 'https://github.com/kubernetes/kubernetes/issues/103675'],
    },
  }),
  {
    queries: [
      ...queries('', ['endpoints', 'services'], WRITES),
      ...queries('discovery.k8s.io', ['endpointslices'], WRITES),
      ...queries('networking.k8s.io', ['networkpolicies', 'ingresses'], WRITES),
    ],
    what: 'change how traffic is routed or filtered',
    advice: 'Keep these writes to the pipelines and controllers that own the objects.',
    notThroughWildcard: true,
  },
);
