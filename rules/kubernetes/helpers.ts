/**
 * Helpers for families of Kubernetes rules, so that each rule file stays short and reads
 * like the control it implements.
 */
import { describeContainer, effectiveSecurity, WORKLOAD_KINDS, type ContainerView, type PodSpecView } from '../engine/kubernetes/object';
import type { KubernetesRuleContext } from '../engine/rule';
import type { NodeRef } from '../engine/yaml/nav';

export { WORKLOAD_KINDS, describeContainer, effectiveSecurity };
export type { ContainerView, PodSpecView };

/** Calls `visit` for every container, init container and ephemeral container of the object. */
export function forEachContainer(
  context: KubernetesRuleContext,
  visit: (container: ContainerView, pod: PodSpecView) => void,
): void {
  const pod = context.object.podSpec;
  if (!pod) return;
  for (const container of pod.containers) visit(container, pod);
}

/** Calls `visit` with the pod spec of a workload (Pod, Deployment, CronJob, ...). */
export function withPodSpec(context: KubernetesRuleContext, visit: (pod: PodSpecView) => void): void {
  if (context.object.podSpec) visit(context.object.podSpec);
}

/**
 * Where to point when a pod-level setting is missing: the pod spec's key
 * (`spec:` / `template:`), falling back to the object's kind.
 */
export function podAnchor(context: KubernetesRuleContext, pod: PodSpecView): NodeRef {
  return pod.ref.key ? pod.ref : context.object.kindRef;
}
