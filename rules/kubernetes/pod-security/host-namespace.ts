/**
 * The Host Namespaces control of the Pod Security Standards, one rule per field
 * (hostNetwork, hostPID, hostIPC): the three rules differ only in their metadata and wording.
 */
import { defineKubernetesRule, type KubernetesRule } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { bool, child } from '../../engine/yaml/nav';
import { withPodSpec, WORKLOAD_KINDS } from '../helpers';
import { offered, podSpecChange } from './changes';

export interface HostNamespaceRule {
  field: 'hostNetwork' | 'hostPID' | 'hostIPC';
  meta: RuleMeta;
  /** What sharing the namespace lets the pod do, e.g. "it can see every process on the node". */
  risk: string;
  /** "network", "process ID" or "IPC". */
  namespace: string;
}

export function hostNamespaceRule({ field, meta, risk, namespace }: HostNamespaceRule): KubernetesRule {
  return defineKubernetesRule({
    meta,
    kinds: WORKLOAD_KINDS,
    check(context) {
      withPodSpec(context, (pod) => {
        const value = child(pod.ref, field);
        if (bool(value) !== true) return;
        context.report({
          at: value!,
          message: `The pod shares the node's ${namespace} namespace (${field}: true): ${risk}. Remove ${field} or set it to false.`,
          // A suggestion: agents that watch the node (CNI, monitoring) stop working without it.
          suggestions: () => offered(podSpecChange(context, pod, { [field]: false })),
        });
      });
    },
  });
}
