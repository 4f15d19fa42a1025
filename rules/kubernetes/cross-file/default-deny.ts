/**
 * What the default-deny rules share: the NetworkPolicies of each namespace and whether one of
 * them isolates every pod of the namespace in a direction.
 *
 * A policy denies a direction by default when it selects every pod (`podSelector: {}`, or no
 * podSelector, which the API server reads the same way), its effective `policyTypes` include
 * the direction, and none of its rules for that direction allows everything (an empty rule).
 * Narrow allow rules (DNS egress, traffic from the same namespace) are exceptions to the
 * default, not the absence of one: the pods stay isolated from everything else.
 */
import type { K8sObject } from '../../engine/kubernetes/object';
import type { WorkspaceObject } from '../../engine/rule';
import { child, isEmpty, isMapRef, items, stringItems, type NodeRef } from '../../engine/yaml/nav';
import { describeSelector, folderOf, isEmptySelector, isNetworkPolicy, keyOf, readLabelSelector } from './workspace-index';

export type Direction = 'Ingress' | 'Egress';

export interface NamespacePolicies {
  /** Undefined for policies without `metadata.namespace` (one group per folder: see pod-not-selected-by-network-policy). */
  namespace: string | undefined;
  policies: WorkspaceObject[];
  /** The Namespace manifest, when the scanned files declare it. */
  namespaceObject?: WorkspaceObject;
}

/** The NetworkPolicies grouped by namespace, in the order they were found. */
export function policiesByNamespace(objects: readonly WorkspaceObject[]): NamespacePolicies[] {
  const groups = new Map<string, NamespacePolicies>();
  for (const o of objects) {
    if (!isNetworkPolicy(o.object)) continue;
    const namespace = o.object.namespace;
    const key = namespace !== undefined ? `namespace:${namespace}` : `folder:${folderOf(o.file)}`;
    const group = groups.get(key);
    if (group) group.policies.push(o);
    else groups.set(key, { namespace, policies: [o] });
  }
  for (const group of groups.values()) {
    if (group.namespace !== undefined) group.namespaceObject = objects.find((o) => isNamespace(o.object) && o.object.name === group.namespace);
  }
  return [...groups.values()];
}

function isNamespace(object: K8sObject): boolean {
  return object.kind === 'Namespace' && object.apiVersion === 'v1';
}

/** `policyTypes`, or what the API server assumes without it: Ingress, plus Egress when there are egress rules. */
export function policyTypesOf(policy: K8sObject): Direction[] {
  const spec = child(policy.root, 'spec');
  const listed = stringItems(child(spec, 'policyTypes')).map((t) => t.value);
  if (listed.length > 0) return listed.filter((t): t is Direction => t === 'Ingress' || t === 'Egress');
  return items(child(spec, 'egress')).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function selectsEveryPod(policy: K8sObject): boolean {
  const selector = child(child(policy.root, 'spec'), 'podSelector');
  return !selector || isEmptySelector(readLabelSelector(selector));
}

function allowsEverything(policy: K8sObject, direction: Direction): boolean {
  const [list, peers] = direction === 'Ingress' ? ['ingress', 'from'] : ['egress', 'to'];
  return items(child(child(policy.root, 'spec'), list)).some((rule) => isEmpty(rule) || (isMapRef(rule) && isEmpty(child(rule, peers)) && isEmpty(child(rule, 'ports'))));
}

export function deniesByDefault(policy: K8sObject, direction: Direction): boolean {
  return selectsEveryPod(policy) && policyTypesOf(policy).includes(direction) && !allowsEverything(policy, direction);
}

/** Why a policy is not a default deny for `direction`, pointed at the part that says so. */
export function whyNotDefaultDeny(policy: WorkspaceObject, direction: Direction): { at: NodeRef; message: string; in: WorkspaceObject } {
  const { object } = policy;
  const spec = child(object.root, 'spec');
  const selector = child(spec, 'podSelector');
  const name = `NetworkPolicy "${object.name}"`;
  const noun = direction.toLowerCase();
  if (selector && !selectsEveryPod(object)) return { at: keyOf(selector), message: `${name} selects only pods with ${describeSelector(readLabelSelector(selector))}`, in: policy };
  if (!policyTypesOf(object).includes(direction)) {
    const types = child(spec, 'policyTypes');
    return { at: types ? keyOf(types) : (selector ? keyOf(selector) : object.kindRef), message: `${name} does not restrict ${noun}`, in: policy };
  }
  return { at: child(spec, noun) ? keyOf(child(spec, noun)!) : object.kindRef, message: `${name} allows all ${noun}`, in: policy };
}

/** Where to report a namespace: its Namespace manifest's name, else the first policy's namespace (or kind). */
export function reportTarget(group: NamespacePolicies): { target: WorkspaceObject; at: NodeRef } {
  if (group.namespaceObject) {
    const { object } = group.namespaceObject;
    return { target: group.namespaceObject, at: child(object.metadata, 'name') ?? object.kindRef };
  }
  const first = group.policies[0];
  return { target: first, at: child(first.object.metadata, 'namespace') ?? first.object.kindRef };
}

/** "Namespace "shop"", or what to call the namespace of policies that set none. */
export function describeNamespace(group: NamespacePolicies): string {
  return group.namespace !== undefined ? `Namespace "${group.namespace}"` : 'The namespace these NetworkPolicies are applied to (they set none)';
}

/** A name for the new policy that no policy of the namespace uses yet. */
export function freeName(group: NamespacePolicies, wanted: string): string {
  const taken = new Set(group.policies.map((p) => p.object.name));
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted}-${i}`)) return `${wanted}-${i}`;
}
