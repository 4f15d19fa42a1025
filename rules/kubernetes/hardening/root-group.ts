import { defineKubernetesRule } from '../../engine/rule';
import { bool, child, items, num } from '../../engine/yaml/nav';
import { describeContainers, effectiveSettingGroups, withPodSpec, WORKLOAD_KINDS } from '../helpers';

export default defineKubernetesRule({
  meta: {
    id: 'root-group',
    title: 'Runs with the root group',
    severity: 'warning',
    category: 'Hardening',
    tier: 'recommended',
    description:
      'GID 0 is the root group: files on the node and in volumes that are group-writable by root become writable by the container. It applies through `runAsGroup`, `fsGroup` (every volume is chowned to it) and `supplementalGroups`. Pods with `hostUsers: false` (IDs remapped) and Windows pods are skipped.',
    remediation: 'Use a non-zero group ID, ideally 10000 or higher, in `runAsGroup`, `fsGroup` and `supplementalGroups`.',
    references: {
      nsa: ['1.6'],
      kubeLinter: ['run-as-non-root'],
      trivy: ['KSV116'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      if (pod.isWindows || bool(child(pod.ref, 'hostUsers')) === false) return;
      for (const group of effectiveSettingGroups(pod, 'runAsGroup')) {
        if (!group.ref || num(group.ref) !== 0) continue;
        const who = describeContainers(group.containers);
        const subject = group.level === 'pod' ? `The pod-level runAsGroup: 0 puts the ${who}` : `The ${who} runs`;
        context.report({ at: group.ref, message: `${subject} in the root group. Set runAsGroup to a non-zero GID such as 10001.` });
      }
      const fsGroup = child(pod.securityContext, 'fsGroup');
      if (num(fsGroup) === 0) {
        context.report({ at: fsGroup!, message: 'fsGroup: 0 gives the root group ownership of every volume of the pod. Set fsGroup to a non-zero GID such as 10001.' });
      }
      for (const item of items(child(pod.securityContext, 'supplementalGroups'))) {
        if (num(item) !== 0) continue;
        context.report({ at: item, message: 'supplementalGroups lists 0, adding the root group to every container of the pod. Remove 0 from supplementalGroups.' });
      }
    });
  },
});
