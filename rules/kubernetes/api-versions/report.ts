/** What the API version rules say and offer, shared by the removed and deprecated variants. */
import type { KubernetesRuleContext, KubernetesReport } from '../../engine/rule';
import { setScalar } from '../../engine/yaml/edits';
import { child, type NodeRef } from '../../engine/yaml/nav';
import type { ApiChange } from './table';

export function apiVersionRef(context: KubernetesRuleContext): NodeRef {
  return child(context.object.root, 'apiVersion') ?? context.object.kindRef;
}

/** "Use policy/v1 instead (note)." or the note alone when there is no replacement. */
export function advice(change: ApiChange): string {
  if (!change.replacement) return `${capitalize(change.note ?? 'There is no replacement')}.`;
  return `Use ${change.replacement} instead${change.note ? ` (${change.note})` : ''}.`;
}

/** A safe fix when only apiVersion changes, a suggestion when a meaning changed, nothing otherwise. */
export function migration(context: KubernetesRuleContext, change: ApiChange): Pick<KubernetesReport, 'fix' | 'suggestions'> {
  const target = change.replacement;
  if (!target || (change.change !== 'same' && change.change !== 'semantics')) return {};
  const edits = () => setScalar(context.text, apiVersionRef(context), target) ?? [];
  if (change.change === 'same') return { fix: () => ({ title: `Change apiVersion to ${target}`, edits: edits() }) };
  return { suggestions: () => [{ title: `Change apiVersion to ${target} (${change.note})`, edits: edits() }] };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
