import { defineKubernetesRule } from '../../engine/rule';
import { child, items, str } from '../../engine/yaml/nav';
import { isSet, withPodSpec, WORKLOAD_KINDS } from '../helpers';

/** Volume sources the restricted level allows (`image` included, as Pod Security Admission does). */
const ALLOWED_SOURCES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

/** Sources the restricted level forbids, except hostPath, which `host-path-volumes` reports. */
const FORBIDDEN_SOURCES = [
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
];

export default defineKubernetesRule({
  meta: {
    id: 'restricted-volume-types',
    title: 'Volume type not allowed by the restricted level',
    severity: 'warning',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'In-tree volume plugins such as `nfs`, `gitRepo`, `iscsi`, `rbd` or `flexVolume` are mounted by the kubelet with node privileges and have a history of escapes (`gitRepo` runs git on the node). The restricted Pod Security Standard allows only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes. hostPath is reported by `host-path-volumes`.',
    remediation:
      'Use a `persistentVolumeClaim` (backed by a CSI driver for the same storage), a `csi` volume, or an `emptyDir` filled by an init container instead of the in-tree volume type.',
    references: {
      pss: { level: 'restricted', control: 'Volume Types' },
      trivy: ['KSV028'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      for (const volume of items(child(pod.ref, 'volumes'))) {
        // A volume with an allowed source passes, whatever else it lists (PSA's order).
        if (ALLOWED_SOURCES.some((source) => isSet(child(volume, source)))) continue;
        const forbidden = FORBIDDEN_SOURCES.find((source) => isSet(child(volume, source)));
        if (!forbidden) continue;
        const name = str(child(volume, 'name')) ?? '';
        context.report({
          at: child(volume, forbidden)!,
          message: `The volume "${name}" is of type ${forbidden}, which the restricted Pod Security Standard forbids. Use a persistentVolumeClaim or a csi volume instead.`,
        });
      }
    });
  },
});
