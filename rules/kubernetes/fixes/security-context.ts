/**
 * Fix builders for security contexts. Each returns a ProposedChange (title + edits) that a
 * rule passes as a suggestion, or undefined when no safe edit exists (the container is
 * reached through an alias, the file is a template, nothing is left to change).
 */
import { describeContainer, effectiveSecurity, type ContainerView, type PodSpecView } from '../../engine/kubernetes/object';
import type { KubernetesRuleContext, ProposedChange } from '../../engine/rule';
import { batchEdits, ensureEntries, type YamlObject, type YamlValue } from '../../engine/yaml/edits';
import { at, bool, child, str, stringItems, type NodeRef } from '../../engine/yaml/nav';
import { normalizeCapability } from '../helpers';
import { snippetObject } from './snippets';

/** The container securityContext of the snippet of that name: every hardened setting. */
export const CONTAINER_SECURITY_CONTEXT = snippetObject('Container securityContext').securityContext as YamlObject;
/** The pod securityContext snippet's settings that do not pick user or group IDs. */
export const POD_SECURITY_CONTEXT = pick(snippetObject('Pod securityContext').securityContext as YamlObject, ['runAsNonRoot', 'seccompProfile']);

export type SecuritySetting = 'allowPrivilegeEscalation' | 'privileged' | 'readOnlyRootFilesystem' | 'runAsNonRoot' | 'capabilities' | 'seccompProfile';

/** `{privileged: false, capabilities: {drop: [ALL]}}`: the snippet's values of the named settings. */
export function securitySettings(...names: SecuritySetting[]): YamlObject {
  return pick(CONTAINER_SECURITY_CONTEXT, names);
}

/**
 * Merges `settings` into the container's securityContext (created when missing; an existing
 * `capabilities.drop` list gets ALL appended, other values are kept).
 */
export function containerSecurityContextChange(ctx: KubernetesRuleContext, container: ContainerView, settings: YamlObject): ProposedChange | undefined {
  const edits = ensureEntries(ctx.text, { parent: container.ref, key: 'securityContext' }, settings);
  if (!edits || edits.length === 0) return undefined;
  return { title: `Set ${describeSettings(settings)} in the securityContext of the ${describeContainer(container)}`, edits };
}

/** Merges `settings` into the pod-level securityContext (spec.securityContext of the pod template). */
export function podSecurityContextChange(ctx: KubernetesRuleContext, pod: PodSpecView, settings: YamlObject): ProposedChange | undefined {
  const edits = ensureEntries(ctx.text, { parent: pod.ref, key: 'securityContext' }, settings);
  if (!edits || edits.length === 0) return undefined;
  return { title: `Set ${describeSettings(settings)} in the pod's securityContext`, edits };
}

/** The one capability the restricted level lets a container add, spelled as Pod Security Admission compares it. */
export const RESTRICTED_ADDABLE_CAPABILITY = 'NET_BIND_SERVICE';

/**
 * One change with everything the Pod Security Standards restricted level asks of a container:
 * allowPrivilegeEscalation false, privileged false (when set true), capabilities.drop ALL,
 * runAsNonRoot true and a RuntimeDefault seccomp profile unless the pod already sets them, and
 * capabilities.add down to NET_BIND_SERVICE (see restrictedAdds). Windows pods get nothing
 * (these are Linux controls). SYS_ADMIN goes in the same change, so the allowPrivilegeEscalation:
 * false it sets is valid: the API rejects the two together.
 */
export function hardenContainerToRestricted(ctx: KubernetesRuleContext, container: ContainerView, pod: PodSpecView): ProposedChange | undefined {
  if (pod.isWindows) return undefined;
  const settings = restrictedSettings(container, pod);
  const adds = restrictedAdds(container);
  const setsSomething = Object.keys(settings).length > 0;
  if (!setsSomething && !adds) return undefined;
  const edits = batchEdits(ctx.text, container.ref, (batch) => {
    // Removals first, so the merge sees them (a flow `{add: [CHOWN]}` becomes `{drop: [ALL]}`).
    // A list left empty goes with its `add` key rather than staying as `add: []`: the merge
    // always leaves `drop: [ALL]` in the capabilities map, so the map stays meaningful and the
    // file ends as if `add` had never been written.
    if (adds) batch.removeItems(adds.list, adds.removed.map((item) => item.index));
    if (adds?.respelled) batch.setScalar(adds.respelled.ref, RESTRICTED_ADDABLE_CAPABILITY);
    if (setsSomething) batch.ensureEntries({ parent: container.ref, key: 'securityContext' }, settings);
  });
  if (!edits || edits.length === 0) return undefined;
  const parts = [...(setsSomething ? [describeSettings(settings)] : []), ...(adds ? describeAdds(adds) : [])];
  return {
    title: `Harden the ${describeContainer(container)} to the restricted Pod Security Standard (${parts.join(', ')})`,
    edits,
  };
}

interface CapabilityItem {
  value: string;
  ref: NodeRef;
  index: number;
}

/** What harden does to `capabilities.add`: the items it removes and the one it respells. */
interface RestrictedAdds {
  list: NodeRef;
  removed: CapabilityItem[];
  respelled?: CapabilityItem;
}

/**
 * Restricted allows adding only NET_BIND_SERVICE, compared exactly as Pod Security Admission
 * does: every other item goes. The first other spelling of it that the runtimes accept
 * (`net_bind_service`, `CAP_NET_BIND_SERVICE`) is rewritten instead when the list does not
 * already hold NET_BIND_SERVICE, so a process binding a port below 1024 keeps working.
 * Items that are not strings (null, maps) are no capability the rules report: they stay.
 */
function restrictedAdds(container: ContainerView): RestrictedAdds | undefined {
  const list = at(container.securityContext, 'capabilities', 'add');
  const items = stringItems(list).map((item) => ({ ...item, index: item.ref.path[item.ref.path.length - 1] as number }));
  let respelled: CapabilityItem | undefined;
  let keepsAddable = items.some((item) => item.value === RESTRICTED_ADDABLE_CAPABILITY);
  const removed = items.filter((item) => {
    if (item.value === RESTRICTED_ADDABLE_CAPABILITY) return false;
    if (keepsAddable || normalizeCapability(item.value) !== RESTRICTED_ADDABLE_CAPABILITY) return true;
    respelled = item;
    keepsAddable = true;
    return false;
  });
  if (!list || (removed.length === 0 && !respelled)) return undefined;
  return { list, removed, respelled };
}

/** `remove CHOWN and SYS_ADMIN from capabilities.add`, `write cap_net_bind_service as NET_BIND_SERVICE`. */
function describeAdds(adds: RestrictedAdds): string[] {
  const out: string[] = [];
  const names = [...new Set(adds.removed.map((item) => item.value))];
  // "and" before the last name: the title already separates its parts with commas.
  if (names.length > 0) out.push(`remove ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]} from capabilities.add`);
  if (adds.respelled) out.push(`write ${adds.respelled.value} as ${RESTRICTED_ADDABLE_CAPABILITY}`);
  return out;
}

function restrictedSettings(container: ContainerView, pod: PodSpecView): YamlObject {
  const own = container.securityContext;
  const wanted: SecuritySetting[] = [];
  if (bool(child(own, 'allowPrivilegeEscalation')) !== false) wanted.push('allowPrivilegeEscalation');
  if (bool(child(own, 'privileged')) === true) wanted.push('privileged');
  const drops = stringItems(at(own, 'capabilities', 'drop')).map((d) => d.value.trim().toUpperCase());
  if (!drops.includes('ALL')) wanted.push('capabilities');
  if (bool(effectiveSecurity(pod, container, 'runAsNonRoot')?.ref) !== true) wanted.push('runAsNonRoot');
  const seccomp = effectiveSecurity(pod, container, 'seccompProfile')?.ref;
  if (!['RuntimeDefault', 'Localhost'].includes(str(child(seccomp, 'type')) ?? '')) wanted.push('seccompProfile');
  return securitySettings(...wanted);
}

function pick(object: YamlObject, keys: readonly string[]): YamlObject {
  const out: YamlObject = {};
  for (const key of keys) if (object[key] !== undefined) out[key] = object[key];
  return out;
}

/** `privileged: false, capabilities.drop: [ALL]`, for titles. */
export function describeSettings(settings: YamlObject, prefix = ''): string {
  return Object.entries(settings)
    .map(([key, value]) => describeSetting(prefix + key, value))
    .join(', ');
}

function describeSetting(path: string, value: YamlValue): string {
  if (Array.isArray(value)) return `${path}: [${value.map(String).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return describeSettings(value, `${path}.`);
  return `${path}: ${String(value)}`;
}
