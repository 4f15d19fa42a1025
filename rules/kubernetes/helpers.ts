/**
 * Helpers for families of Kubernetes rules, so that each rule file stays short and reads
 * like the control it implements.
 */
import { describeContainer, effectiveSecurity, WORKLOAD_KINDS, type ContainerView, type PodSpecView } from '../engine/kubernetes/object';
import type { KubernetesRuleContext } from '../engine/rule';
import { at, bool, child, scalar, str, type NodeRef } from '../engine/yaml/nav';

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

/** The first reference that exists: where to point when the value itself is missing. */
export function firstPresent(...refs: Array<NodeRef | undefined>): NodeRef {
  const found = refs.find((ref): ref is NodeRef => ref !== undefined);
  if (!found) throw new Error('firstPresent needs at least one reference');
  return found;
}

/** `CAP_SYS_ADMIN`, `sys_admin` and ` SYS_ADMIN ` all name SYS_ADMIN, as the runtimes accept. */
export function normalizeCapability(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}

/**
 * Containers grouped by where a pod-or-container security setting comes from: one group per
 * container-level value, one group for every container inheriting the pod-level value, and one
 * group per container with no value at all. Rules report each group once, so a pod-level value
 * shared by three containers gives one finding on that value, not three on the same node.
 */
export interface EffectiveSettingGroup {
  /** The value node, undefined when neither the container nor the pod sets it. */
  ref?: NodeRef;
  level?: 'container' | 'pod';
  containers: ContainerView[];
}

export function effectiveSettingGroups(pod: PodSpecView, field: string): EffectiveSettingGroup[] {
  const groups: EffectiveSettingGroup[] = [];
  let inherited: EffectiveSettingGroup | undefined;
  for (const container of pod.containers) {
    const effective = effectiveSecurity(pod, container, field);
    if (effective?.level === 'pod') {
      if (!inherited) groups.push((inherited = { ref: effective.ref, level: 'pod', containers: [] }));
      inherited.containers.push(container);
    } else {
      groups.push({ ref: effective?.ref, level: effective?.level, containers: [container] });
    }
  }
  return groups;
}

/** `container "a"` or `containers "a" and "b"`, for messages about a group of containers. */
export function describeContainers(containers: readonly ContainerView[]): string {
  if (containers.length === 1) return describeContainer(containers[0]);
  const names = containers.map((c) => `"${c.name}"`);
  return `containers ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/*
 * Pod Security Standards helpers. They read fields the way Pod Security Admission does after
 * the API server decoded the object: a key whose value is null is the same as no key (a nil
 * pointer), while `{}` is a set value whose fields are empty strings.
 */

/** Is the value set, i.e. present and not null / `~` / empty after the colon? */
export function isSet(ref: NodeRef | undefined): ref is NodeRef {
  return ref !== undefined && scalar(ref) !== null;
}

/** PSA exempts some restricted checks for `spec.os.name: windows` (exact spelling, as PSA compares). */
export function isPssWindowsPod(pod: PodSpecView): boolean {
  return str(at(pod.ref, 'os', 'name')) === 'windows';
}

/** `hostUsers: false`: the pod runs in its own user namespace, which relaxes some controls (>= 1.35). */
export function usesUserNamespace(pod: PodSpecView): boolean {
  return bool(child(pod.ref, 'hostUsers')) === false;
}
