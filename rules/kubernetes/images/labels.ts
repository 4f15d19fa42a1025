/** Label values with their nodes, from the object's and the pod template's metadata. */
import type { KubernetesRuleContext } from '../../engine/rule';
import { at, str, type NodeRef } from '../../engine/yaml/nav';

/** The first label `key` whose value passes `matches`, on the object, else on its pod template, else under `extra` maps. */
export function findLabel(
  context: KubernetesRuleContext,
  key: string,
  matches: (value: string) => boolean,
  extra: Array<NodeRef | undefined> = [],
): NodeRef | undefined {
  const { object } = context;
  const maps = [at(object.metadata, 'labels'), at(object.podSpec?.metadata, 'labels'), ...extra];
  for (const labels of maps) {
    const ref = at(labels, key);
    const value = str(ref);
    if (ref && value !== undefined && matches(value)) return ref;
  }
  return undefined;
}
