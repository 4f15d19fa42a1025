import { defineKubernetesRule } from '../../engine/rule';
import { bool, child, items, str } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, WORKLOAD_KINDS } from '../helpers';
import { hostPathVolumes } from './host-paths';

export default defineKubernetesRule({
  meta: {
    id: 'writable-host-mount',
    title: 'Writable hostPath mount',
    severity: 'warning',
    category: 'Host access',
    tier: 'recommended',
    description:
      'A container that mounts a hostPath volume without `readOnly: true` can change files on the node: plant binaries or configuration that the node or other pods later run, or fill the node\'s disk.',
    remediation: 'Add `readOnly: true` to the volumeMount, or replace the hostPath volume by an emptyDir or a PersistentVolumeClaim.',
    references: {
      kubeLinter: ['writable-host-mount'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    const pod = context.object.podSpec;
    if (!pod) return;
    const hostPaths = new Map(hostPathVolumes(pod).map((volume) => [volume.name, volume]));
    if (hostPaths.size === 0) return;
    forEachContainer(context, (container) => {
      for (const mount of items(child(container.ref, 'volumeMounts'))) {
        const nameRef = child(mount, 'name');
        const volume = hostPaths.get(str(nameRef) ?? '');
        const readOnly = child(mount, 'readOnly');
        if (!volume || bool(readOnly) === true) continue;
        const mountPath = str(child(mount, 'mountPath'));
        context.report({
          at: readOnly ?? nameRef!,
          message: `The ${describeContainer(container)} mounts the node's ${volume.path} (volume "${volume.name}")${mountPath ? ` at ${mountPath}` : ''} writable. Add readOnly: true to the volumeMount.`,
        });
      }
    });
  },
});
