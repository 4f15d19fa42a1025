/**
 * Fix builders for security contexts. Each returns a ProposedChange (title + edits) that a
 * rule passes as a suggestion, or undefined when no safe edit exists (the container is
 * reached through an alias, the file is a template, nothing is left to change).
 */
import { describeContainer, effectiveSecurity, type ContainerView, type PodSpecView } from '../../engine/kubernetes/object';
import type { KubernetesRuleContext, ProposedChange } from '../../engine/rule';
import { ensureEntries, type YamlObject, type YamlValue } from '../../engine/yaml/edits';
import { at, bool, child, str, stringItems } from '../../engine/yaml/nav';
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

/**
 * One change with everything the Pod Security Standards restricted level asks of a container:
 * allowPrivilegeEscalation false, privileged false (when set true), capabilities.drop ALL,
 * runAsNonRoot true and a RuntimeDefault seccomp profile unless the pod already sets them.
 * Windows pods get nothing (these are Linux controls). Added capabilities other than
 * NET_BIND_SERVICE are left for the person to remove: which one the workload needs is theirs to say.
 */
export function hardenContainerToRestricted(ctx: KubernetesRuleContext, container: ContainerView, pod: PodSpecView): ProposedChange | undefined {
  if (pod.isWindows) return undefined;
  const settings = restrictedSettings(container, pod);
  if (Object.keys(settings).length === 0) return undefined;
  const edits = ensureEntries(ctx.text, { parent: container.ref, key: 'securityContext' }, settings);
  if (!edits || edits.length === 0) return undefined;
  return {
    title: `Harden the ${describeContainer(container)} to the restricted Pod Security Standard (${describeSettings(settings)})`,
    edits,
  };
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
