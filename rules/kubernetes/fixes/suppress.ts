/**
 * The changes behind "ignore this rule" quick fixes: the object annotation
 * (`palisade.dev/ignore`) and the line comment (`# palisade-ignore <id>`), both read by
 * rules/engine/suppression.ts.
 */
import type { KubernetesRuleContext, ProposedChange } from '../../engine/rule';
import { IGNORE_ANNOTATION, parseRuleList } from '../../engine/suppression';
import { detectEol } from '../../engine/text';
import { ensureEntries, setScalar } from '../../engine/yaml/edits';
import { child, str } from '../../engine/yaml/nav';

/** Adds `ruleId` to the object's `palisade.dev/ignore` annotation, creating it when missing. */
export function ignoreAnnotationChange(ctx: KubernetesRuleContext, ruleId: string): ProposedChange | undefined {
  const { object, text } = ctx;
  const title = `Ignore ${ruleId} for the ${object.kind} "${object.name}" (annotation ${IGNORE_ANNOTATION})`;
  const existing = child(child(object.metadata, 'annotations'), IGNORE_ANNOTATION);
  if (existing) {
    const value = str(existing) ?? '';
    const ids = parseRuleList(value);
    if (ids.has(ruleId) || ids.has('*')) return undefined;
    const edits = setScalar(text, existing, value.trim() === '' ? ruleId : `${value.trim()}, ${ruleId}`);
    return edits?.length ? { title, edits } : undefined;
  }
  const annotation = { [IGNORE_ANNOTATION]: ruleId };
  const edits = object.metadata
    ? ensureEntries(text, { parent: object.metadata, key: 'annotations' }, annotation)
    : ensureEntries(text, object.root, { metadata: { annotations: annotation } });
  return edits?.length ? { title, edits } : undefined;
}

const LINE_DIRECTIVE = /^([ \t]*#\s*palisade-ignore)(?:[ \t]+([^\r\n]*?))?[ \t]*$/;

/**
 * Suppresses `ruleId` on the line holding `offset` with a comment line just above it, at the
 * line's indentation; extends the directive already there instead of stacking a second one.
 * `text` is the whole file and the edits are offsets into it.
 */
export function ignoreLineCommentChange(text: string, offset: number, ruleId: string): ProposedChange | undefined {
  const title = `Ignore ${ruleId} on this line (# palisade-ignore comment)`;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0].replace(/\t/g, ' ');
  const above = previousLine(text, lineStart);
  const match = above ? LINE_DIRECTIVE.exec(above.text) : null;
  if (above && match) {
    const ids = (match[2] ?? '').split(/\s+--\s*/)[0].trimEnd();
    const rules = parseRuleList(ids);
    if (rules.size === 0 || rules.has(ruleId) || rules.has('*')) return undefined;
    const idsEnd = above.start + match[1].length + above.text.slice(match[1].length).indexOf(ids) + ids.length;
    return { title, edits: [{ start: idsEnd, end: idsEnd, newText: `, ${ruleId}` }] };
  }
  return { title, edits: [{ start: lineStart, end: lineStart, newText: `${indent}# palisade-ignore ${ruleId}${detectEol(text)}` }] };
}

function previousLine(text: string, lineStart: number): { start: number; text: string } | undefined {
  if (lineStart === 0) return undefined;
  const end = lineStart - 1;
  const start = text.lastIndexOf('\n', end - 1) + 1;
  return { start, text: text.slice(start, end).replace(/\r$/, '') };
}
