import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-create-persistent-volumes',
    title: 'Role can create PersistentVolumes',
    severity: 'warning',
    description:
      'A PersistentVolume can be a `hostPath` volume: creating one and claiming it gives a pod access to the node\'s file system even where Pod Security Admission forbids hostPath volumes in pods.',
    remediation: 'Let workloads request storage through PersistentVolumeClaims and StorageClasses; keep PersistentVolume creation to administrators and storage provisioners.',
    references: {
      cis: ['5.1.9'],
      links: [`${RBAC_DOCS}#persistent-volume-creation`],
    },
  }),
  {
    queries: queries('', ['persistentvolumes'], ['create']),
    what: 'create PersistentVolumes',
    advice: 'A hostPath PersistentVolume reaches the node\'s file system: let workloads use PersistentVolumeClaims instead.',
  },
);
