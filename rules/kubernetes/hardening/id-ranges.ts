/**
 * Shared logic of the low-user-id and low-group-id rules: the effective runAsUser or
 * runAsGroup of every container must be at least 10000, the conventional floor above the
 * IDs that node users and system accounts get.
 */
import { bool, child, num } from '../../engine/yaml/nav';
import type { KubernetesRuleContext } from '../../engine/rule';
import { describeContainers, effectiveSettingGroups, withPodSpec } from '../helpers';

export const MINIMUM_ID = 10000;

export function checkIdFloor(context: KubernetesRuleContext, field: 'runAsUser' | 'runAsGroup', kind: 'UID' | 'GID'): void {
  withPodSpec(context, (pod) => {
    // Windows has no numeric IDs; in a user namespace (hostUsers: false) IDs are remapped on the node.
    if (pod.isWindows || bool(child(pod.ref, 'hostUsers')) === false) return;
    for (const group of effectiveSettingGroups(pod, field)) {
      const who = describeContainers(group.containers);
      const fix = `Set securityContext.${field} to ${MINIMUM_ID} or higher.`;
      if (!group.ref) {
        context.report({
          at: group.containers[0].anchor,
          message: `The ${who} does not set ${field}, so it runs with the image's ${kind}, which may match one on the node. ${fix}`,
        });
        continue;
      }
      const id = num(group.ref);
      // 0 is reported by the root rules; non-numbers are schema errors, not ours to judge.
      if (id === undefined || id === 0 || id >= MINIMUM_ID) continue;
      const where = group.level === 'pod' ? `The pod-level ${field} ${id}, used by the ${who},` : `The ${who} runs with ${kind} ${id}, which`;
      context.report({ at: group.ref, message: `${where} is below ${MINIMUM_ID} and may match a ${kind} on the node. ${fix}` });
    }
  });
}
