/**
 * Shared logic of the rules that ask each container to declare a resource request or limit.
 * Ephemeral containers are skipped: Kubernetes forbids resources on them.
 */
import type { KubernetesRule, KubernetesRuleContext, ProposedChange } from '../../engine/rule';
import { defineKubernetesRule } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { at, child, isEmpty, str, type NodeRef } from '../../engine/yaml/nav';
import { containerResourcesChange, DEFAULT_RESOURCES, type ResourceSettings } from '../fixes';
import { describeContainer, forEachContainer, WORKLOAD_KINDS, type ContainerView, type PodSpecView } from '../helpers';
import { offered } from '../pod-security/changes';

export type Requirement = 'requests' | 'limits';

/** Is `resources.<requirement>.<resource>` set to something? */
export function declares(owner: NodeRef | undefined, requirement: Requirement, resource: string): boolean {
  const value = at(owner, 'resources', requirement, resource);
  if (isEmpty(value)) return false;
  return str(value)?.trim() !== '';
}

/** Where to point when a requirement is missing: the closest of requests/limits, resources, the container's name. */
export function requirementAnchor(container: ContainerView, requirement: Requirement): NodeRef {
  const resources = child(container.ref, 'resources');
  return child(resources, requirement) ?? resources ?? container.anchor;
}

/** Containers that can carry resources, in a pod that does not already set them at pod level. */
export function forEachResourcedContainer(
  context: KubernetesRuleContext,
  visit: (container: ContainerView, pod: PodSpecView) => void,
): void {
  forEachContainer(context, (container, pod) => {
    if (container.type !== 'ephemeralContainers') visit(container, pod);
  });
}

export interface MissingRequirement {
  requirement: Requirement;
  resource: 'cpu' | 'memory';
  /** Completes "sets no CPU request, so ..." */
  consequence: string;
  example: string;
}

type Resource = 'cpu' | 'memory';

/** The requests and limits the four requirement rules ask for, in the order of the resources snippet. */
const REQUIREMENTS: ReadonlyArray<{ requirement: Requirement; resource: Resource }> = [
  { requirement: 'requests', resource: 'cpu' },
  { requirement: 'requests', resource: 'memory' },
  { requirement: 'limits', resource: 'cpu' },
  { requirement: 'limits', resource: 'memory' },
];

/** Does the container lack this request or limit, as the rule for it sees it? */
function isMissing(container: ContainerView, pod: PodSpecView, requirement: Requirement, resource: Resource): boolean {
  if (declares(container.ref, requirement, resource) || declares(pod.ref, requirement, resource)) return false;
  // Kubernetes copies a limit into a missing request, so a limit alone is a request too.
  return !(requirement === 'requests' && declares(container.ref, 'limits', resource));
}

/** A rule that reports containers missing one request or limit. */
export function missingRequirementRule(meta: RuleMeta, spec: MissingRequirement): KubernetesRule {
  const { requirement, resource } = spec;
  const label = `${resource === 'cpu' ? 'CPU' : 'memory'} ${requirement === 'requests' ? 'request' : 'limit'}`;
  return defineKubernetesRule({
    meta,
    kinds: WORKLOAD_KINDS,
    check(context) {
      forEachResourcedContainer(context, (container, pod) => {
        if (!isMissing(container, pod, requirement, resource)) return;
        context.report({
          at: requirementAnchor(container, requirement),
          message: `The ${describeContainer(container)} sets no ${label}, so ${spec.consequence}. Add resources.${requirement}.${resource} (for example ${spec.example}).`,
          suggestions: () => requirementChanges(context, container, pod, requirement, resource),
        });
      });
    },
  });
}

/**
 * Suggestions, never fixes: a limit can get the container throttled or OOM-killed, a request can
 * leave it unschedulable. First the one missing entry, then every missing request and limit at
 * once. The single entry is left out when it would create `resources` or `resources.<group>`
 * while other cpu/memory entries are missing whose findings point at the closest of those
 * nodes: they would move, and a change must not shift findings it does not resolve. The values
 * are the builder's: every request equal to its limit, so requests-not-equal-limits stays quiet.
 * (The strict missing-ephemeral-storage finding, which points at the closest of the same nodes,
 * still moves when a change creates `resources` or `resources.<group>`; keeping every change
 * that would move it out would leave a container without resources no suggestion at all.)
 */
function requirementChanges(context: KubernetesRuleContext, container: ContainerView, pod: PodSpecView, requirement: Requirement, resource: Resource): ProposedChange[] {
  const missing = REQUIREMENTS.filter((r) => isMissing(container, pod, r.requirement, r.resource));
  const resources = child(container.ref, 'resources');
  // Anchors are the closest of resources.<group>, resources and the name (requirementAnchor).
  const anchorMoves = (r: { requirement: Requirement }) => !resources || (r.requirement === requirement && !child(resources, requirement));
  const movesOthers = missing.some((r) => (r.requirement !== requirement || r.resource !== resource) && anchorMoves(r));
  const single = movesOthers ? undefined : containerResourcesChange(context, container, entries([{ requirement, resource }]));
  const complete = containerResourcesChange(context, container, entries(missing));
  return offered(single, complete);
}

/** The snippet's defaults for these entries (the builder matches each request to its limit). */
function entries(wanted: ReadonlyArray<{ requirement: Requirement; resource: Resource }>): ResourceSettings {
  const out: ResourceSettings = {};
  for (const { requirement, resource } of wanted) {
    const fallback = DEFAULT_RESOURCES[requirement]?.[resource];
    if (fallback !== undefined) (out[requirement] ??= {})[resource] = fallback;
  }
  return out;
}
