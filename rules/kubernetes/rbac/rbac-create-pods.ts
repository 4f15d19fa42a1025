import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-create-pods',
    title: 'Role can create pods or workload controllers',
    severity: 'warning',
    description:
      'Whoever can create a pod, or create or change a controller that creates pods (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob), can run it as any ServiceAccount of the namespace and mount any Secret or ConfigMap there: the permission is worth every other permission of the namespace.',
    remediation:
      'Keep workload creation to deployment pipelines and operators that need it; bind such roles to dedicated accounts only, in the namespaces they manage.',
    references: {
      cis: ['5.1.4'],
      kubeLinter: ['access-to-create-pods'],
      trivy: ['KSV048'],
      links: [`${RBAC_DOCS}#workload-creation`],
    },
  }),
  {
    queries: [
      ...queries('', ['pods'], ['create']),
      ...queries('', ['replicationcontrollers'], ['create', 'update', 'patch']),
      ...queries('apps', ['deployments', 'statefulsets', 'daemonsets', 'replicasets'], ['create', 'update', 'patch']),
      ...queries('batch', ['jobs', 'cronjobs'], ['create', 'update', 'patch']),
    ],
    what: 'create pods or change what a controller runs',
    advice: 'This lets them run pods as any ServiceAccount of the namespace and read its Secrets: grant it only to the accounts that deploy workloads.',
  },
);
