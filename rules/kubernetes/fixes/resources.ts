/** Fix builder for container resource requests and limits (defaults from the resources snippet). */
import { describeContainer, type ContainerView } from '../../engine/kubernetes/object';
import type { KubernetesRuleContext, ProposedChange } from '../../engine/rule';
import { ensureEntries, type YamlObject } from '../../engine/yaml/edits';
import { at } from '../../engine/yaml/nav';
import { snippetObject } from './snippets';

export interface ResourceSettings {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

/** cpu 100m/500m, memory 128Mi/256Mi (requests/limits), from the `Container resources` snippet. */
export const DEFAULT_RESOURCES = snippetObject('Container resources').resources as ResourceSettings;

/**
 * Adds the requests and limits the container lacks; values it already sets are kept (a chosen
 * `cpu: 50m` is not the fix's to change). Undefined when nothing is missing or no safe edit exists.
 */
export function containerResourcesChange(ctx: KubernetesRuleContext, container: ContainerView, resources: ResourceSettings = DEFAULT_RESOURCES): ProposedChange | undefined {
  const missing = missingEntries(container, resources);
  if (missing.length === 0) return undefined;
  const edits = ensureEntries(ctx.text, { parent: container.ref, key: 'resources' }, resources as YamlObject, { overwrite: false });
  if (!edits || edits.length === 0) return undefined;
  return { title: `Add ${missing.join(', ')} to the ${describeContainer(container)}`, edits };
}

function missingEntries(container: ContainerView, resources: ResourceSettings): string[] {
  const out: string[] = [];
  for (const group of ['requests', 'limits'] as const) {
    for (const [name, value] of Object.entries(resources[group] ?? {})) {
      if (!at(container.ref, 'resources', group, name)) out.push(`${group}.${name}: ${value}`);
    }
  }
  return out;
}
