/**
 * Shared logic of the rules that ask each container to declare a resource request or limit.
 * Ephemeral containers are skipped: Kubernetes forbids resources on them.
 */
import type { KubernetesRule, KubernetesRuleContext } from '../../engine/rule';
import { defineKubernetesRule } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { at, child, isEmpty, str, type NodeRef } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, WORKLOAD_KINDS, type ContainerView, type PodSpecView } from '../helpers';

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

/** A rule that reports containers missing one request or limit. */
export function missingRequirementRule(meta: RuleMeta, spec: MissingRequirement): KubernetesRule {
  const { requirement, resource } = spec;
  const label = `${resource === 'cpu' ? 'CPU' : 'memory'} ${requirement === 'requests' ? 'request' : 'limit'}`;
  return defineKubernetesRule({
    meta,
    kinds: WORKLOAD_KINDS,
    check(context) {
      forEachResourcedContainer(context, (container, pod) => {
        if (declares(container.ref, requirement, resource) || declares(pod.ref, requirement, resource)) return;
        // Kubernetes copies a limit into a missing request, so a limit alone is a request too.
        if (requirement === 'requests' && declares(container.ref, 'limits', resource)) return;
        context.report({
          at: requirementAnchor(container, requirement),
          message: `The ${describeContainer(container)} sets no ${label}, so ${spec.consequence}. Add resources.${requirement}.${resource} (for example ${spec.example}).`,
        });
      });
    },
  });
}
