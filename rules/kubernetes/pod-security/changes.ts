/**
 * The quick fixes the workload rules share, on top of the builders in ../fixes. Every one is a
 * suggestion, never a `fix`: each takes something away that a workload may rely on (a host
 * namespace, root, a capability, a writable filesystem), so a person must pick it.
 */
import { describeContainer, type ContainerView, type PodSpecView } from '../../engine/kubernetes/object';
import type { KubernetesRuleContext, ProposedChange } from '../../engine/rule';
import { ensureEntries, removeItems, removePair, type YamlObject } from '../../engine/yaml/edits';
import { at, child, entries, items, str, stringItems, type NodeRef } from '../../engine/yaml/nav';
import { containerSecurityContextChange, describeSettings, hardenContainerToRestricted, RESTRICTED_ADDABLE_CAPABILITY, securitySettings, type SecuritySetting } from '../fixes';
import { normalizeCapability } from '../helpers';

/**
 * The changes a builder could make, in the order given, without the undefined ones and without
 * repeats: "harden everything" can come down to the very edits of the specific change.
 */
export function offered(...candidates: Array<ProposedChange | undefined>): ProposedChange[] {
  const out: ProposedChange[] = [];
  for (const change of candidates) {
    if (change && !out.some((o) => JSON.stringify(o.edits) === JSON.stringify(change.edits))) out.push(change);
  }
  return out;
}

/**
 * Kubernetes rejects `allowPrivilegeEscalation: false` next to an added CAP_SYS_ADMIN (and the
 * runtimes accept SYS_ADMIN for it too), so no change may set it on such a container.
 */
export function addsSysAdmin(container: ContainerView): boolean {
  return stringItems(at(container.securityContext, 'capabilities', 'add')).some((item) => normalizeCapability(item.value) === 'SYS_ADMIN');
}

/** Sets `settings` in the container's securityContext, unless that would set allowPrivilegeEscalation: false next to SYS_ADMIN. */
export function containerSettingsChange(ctx: KubernetesRuleContext, container: ContainerView, ...names: SecuritySetting[]): ProposedChange | undefined {
  if (names.includes('allowPrivilegeEscalation') && addsSysAdmin(container)) return undefined;
  return containerSecurityContextChange(ctx, container, securitySettings(...names));
}

/**
 * "Harden container to the restricted level", offered after the specific change on every
 * restricted finding about a container, so one pick fixes all of them. It sets
 * allowPrivilegeEscalation: false, which the API rejects next to an added SYS_ADMIN, but it
 * removes SYS_ADMIN (every capability but NET_BIND_SERVICE) in the same change, so it needs no
 * addsSysAdmin guard: when that removal is unsafe (an alias) the builder offers nothing.
 */
export function hardenAll(ctx: KubernetesRuleContext, container: ContainerView, pod: PodSpecView): ProposedChange | undefined {
  return hardenContainerToRestricted(ctx, container, pod);
}

/**
 * Removes a capability from the container's capabilities.add: every item spelled so, since a
 * repeat would keep it added. The last items take with them the keys they would leave empty
 * (`securityContext: {capabilities: {add: [SYS_ADMIN]}}` goes as a whole): an empty `add` or
 * `capabilities` means nothing and reads like an unfinished edit.
 *
 * Not offered when a capability after it in the list is reported too: its finding's path
 * (`add[2]`) would shift, and a change must not move findings it does not resolve. The last
 * one can go, and the harden change, which keeps only NET_BIND_SERVICE, moves nothing.
 */
export function removeAddedCapabilityChange(ctx: KubernetesRuleContext, container: ContainerView, capability: { value: string }): ProposedChange | undefined {
  const securityContext = container.securityContext;
  const capabilities = child(securityContext, 'capabilities');
  const add = child(capabilities, 'add');
  if (!securityContext || !capabilities || !add) return undefined;
  const values = items(add).map((item) => str(item));
  const indexes = values.flatMap((value, index) => (value === capability.value ? [index] : []));
  if (indexes.length === 0) return undefined;
  const shifted = values.slice(indexes[0] + 1).filter((value) => value !== capability.value);
  if (shifted.some((value) => value !== undefined && value !== RESTRICTED_ADDABLE_CAPABILITY)) return undefined;
  const keepsOthers = indexes.length < values.length;
  const edits = keepsOthers ? removeItems(ctx.text, add, indexes) : removeOutermostEmptied(ctx, container.ref, securityContext, capabilities);
  if (!edits || edits.length === 0) return undefined;
  return { title: `Remove ${capability.value} from capabilities.add of the ${describeContainer(container)}`, edits };
}

/** `add`, else `capabilities` when add is its only key, else `securityContext` when that is its only key. */
function removeOutermostEmptied(ctx: KubernetesRuleContext, container: NodeRef, securityContext: NodeRef, capabilities: NodeRef): ReturnType<typeof removePair> {
  if (entries(capabilities).length > 1) return removePair(ctx.text, capabilities, 'add');
  if (entries(securityContext).length > 1) return removePair(ctx.text, securityContext, 'capabilities');
  return removePair(ctx.text, container, 'securityContext');
}

/** Sets fields of the pod spec itself (`hostNetwork: false`, `automountServiceAccountToken: false`). */
export function podSpecChange(ctx: KubernetesRuleContext, pod: PodSpecView, settings: YamlObject): ProposedChange | undefined {
  const edits = ensureEntries(ctx.text, pod.ref, settings);
  if (!edits || edits.length === 0) return undefined;
  return { title: `Set ${describeSettings(settings)} in the pod spec`, edits };
}

/** Sets `settings` in a securityContext map that already exists (the pod's or a seccomp profile), as in the title's `where`. */
export function mapChange(ctx: KubernetesRuleContext, map: NodeRef, settings: YamlObject, where: string): ProposedChange | undefined {
  const edits = ensureEntries(ctx.text, map, settings);
  if (!edits || edits.length === 0) return undefined;
  return { title: `Set ${describeSettings(settings)} ${where}`, edits };
}

/** Removes one key from a map, e.g. `hostPort` from a port. */
export function removeChange(ctx: KubernetesRuleContext, map: NodeRef, key: string, title: string): ProposedChange | undefined {
  if (!child(map, key)) return undefined;
  const edits = removePair(ctx.text, map, key);
  if (!edits || edits.length === 0) return undefined;
  return { title, edits };
}

/** "in the securityContext of the container "web"", for titles of changes made elsewhere than the builders. */
export function inContainer(container: ContainerView): string {
  return `in the securityContext of the ${describeContainer(container)}`;
}
