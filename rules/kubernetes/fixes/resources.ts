/** Fix builder for container resource requests and limits (defaults from the resources snippet). */
import { describeContainer, type ContainerView } from '../../engine/kubernetes/object';
import type { KubernetesRuleContext, ProposedChange } from '../../engine/rule';
import { ensureEntries, type YamlObject } from '../../engine/yaml/edits';
import { at, scalar } from '../../engine/yaml/nav';
import { parseQuantity } from '../resources/quantity';
import { snippetObject } from './snippets';

type Group = 'requests' | 'limits';
/** A quantity as YAML holds it: `500m`, `"2"` or `2`. */
type Quantity = string | number;

export interface ResourceSettings {
  requests?: Record<string, Quantity>;
  limits?: Record<string, Quantity>;
}

/** cpu 100m/500m, memory 128Mi/256Mi (requests/limits), from the `Container resources` snippet. */
export const DEFAULT_RESOURCES = snippetObject('Container resources').resources as ResourceSettings;

/**
 * Adds the requests and limits of `resources` that the container lacks; values it already sets
 * are kept (a chosen `cpu: 50m` is not the fix's to change). `resources` gives the defaults: a
 * value can differ so that each request equals its limit (see guaranteedValues). Undefined when
 * nothing is missing or no safe edit exists.
 */
export function containerResourcesChange(ctx: KubernetesRuleContext, container: ContainerView, resources: ResourceSettings = DEFAULT_RESOURCES): ProposedChange | undefined {
  const values = guaranteedValues(container, resources);
  const missing = (['requests', 'limits'] as const).flatMap((group) => Object.entries(values[group] ?? {}).map(([name, value]) => `${group}.${name}: ${value}`));
  if (missing.length === 0) return undefined;
  const edits = ensureEntries(ctx.text, { parent: container.ref, key: 'resources' }, values as YamlObject, { overwrite: false });
  if (!edits || edits.length === 0) return undefined;
  return { title: `Add ${missing.join(', ')} to the ${describeContainer(container)}`, edits };
}

/**
 * The entries of `wanted` that the container lacks, with values that make every request equal
 * its limit: the strict requests-not-equal-limits rule asks for that (the Guaranteed QoS class)
 * and the API rejects a limit below its request. A new limit takes the container's own request,
 * a new request its own limit. When both are new they take the limit's default rather than the
 * request's: a limit set too low throttles the container or gets it OOM-killed, while a request
 * set high only reserves more, and a pod that fits nowhere waits with a visible event.
 */
function guaranteedValues(container: ContainerView, wanted: ResourceSettings): ResourceSettings {
  const newLimit = (name: string): Quantity | undefined => {
    const fallback = wanted.limits?.[name];
    if (fallback === undefined || own(container, 'limits', name).set) return undefined;
    return own(container, 'requests', name).quantity ?? fallback;
  };
  const newRequest = (name: string, fallback: Quantity): Quantity | undefined => {
    if (own(container, 'requests', name).set) return undefined;
    return own(container, 'limits', name).quantity ?? newLimit(name) ?? fallback;
  };
  // Each group keeps the order of `wanted` (the snippet's), so titles and lines read alike.
  const out: ResourceSettings = {};
  for (const [name, fallback] of Object.entries(wanted.requests ?? {})) {
    const value = newRequest(name, fallback);
    if (value !== undefined) (out.requests ??= {})[name] = value;
  }
  for (const name of Object.keys(wanted.limits ?? {})) {
    const value = newLimit(name);
    if (value !== undefined) (out.limits ??= {})[name] = value;
  }
  return out;
}

/**
 * The container's own `resources.<group>.<name>`: set unless missing or null (null is replaced
 * by the merge), and its value when it is a quantity to copy.
 */
function own(container: ContainerView, group: Group, name: string): { set: boolean; quantity?: Quantity } {
  const ref = at(container.ref, 'resources', group, name);
  const value = scalar(ref);
  if (!ref || value === null) return { set: false };
  const isQuantity = (typeof value === 'string' || typeof value === 'number') && parseQuantity(value) !== undefined;
  return { set: true, quantity: isQuantity ? value : undefined };
}
