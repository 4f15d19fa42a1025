import { defineKubernetesRule } from '../../engine/rule';
import { child, items, str } from '../../engine/yaml/nav';
import { isSet, withPodSpec, WORKLOAD_KINDS } from '../helpers';

export default defineKubernetesRule({
  meta: {
    id: 'host-path-volumes',
    title: 'hostPath volume',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'A `hostPath` volume mounts a file or directory of the node into the pod. Even read-only, paths such as `/`, `/etc`, `/var/run/containerd.sock` or `/proc` hand the node to whoever controls the container. The baseline Pod Security Standard forbids every hostPath volume.',
    remediation:
      'Replace the `hostPath` volume with `emptyDir`, a `configMap`/`secret`, a `persistentVolumeClaim` or a CSI volume. Node agents that need the host filesystem belong in a namespace with the privileged level.',
    references: {
      pss: { level: 'baseline', control: 'HostPath Volumes' },
      cis: ['5.2.11'],
      trivy: ['KSV023'],
      polaris: ['hostPathSet'],
      links: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      for (const volume of items(child(pod.ref, 'volumes'))) {
        const hostPath = child(volume, 'hostPath');
        if (!isSet(hostPath)) continue;
        const path = str(child(hostPath, 'path'));
        const name = str(child(volume, 'name')) ?? '';
        context.report({
          at: hostPath,
          message: `The volume "${name}" mounts the node's filesystem${path === undefined ? '' : ` at ${path}`} (hostPath). Use emptyDir, a configMap, a secret or a persistentVolumeClaim instead.`,
        });
      }
    });
  },
});
