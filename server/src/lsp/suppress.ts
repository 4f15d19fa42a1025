/**
 * Edits that suppress a finding, for the "Ignore <rule> ..." quick fixes:
 *
 *  - for this line: a `# palisade-ignore <id>` comment line above the finding's line, with that
 *    line's indentation (the engine reads directives on the comment lines just above);
 *  - for this object: the `palisade.dev/ignore` annotation on the object's own metadata (the
 *    engine reads it there), merged into an existing annotation, map or flow map.
 *
 * The annotation edit comes from the engine's YAML edit primitives (block, flow, null values,
 * CRLF, aliases); when they find no safe edit (templates, metadata shared through an anchor),
 * the action is simply not offered.
 */
import type { AnalyzedObject } from '../../../rules/engine/analyze';
import { IGNORE_ANNOTATION, parseRuleList } from '../../../rules/engine/suppression';
import { detectEol, LineIndex } from '../../../rules/engine/text';
import type { TextEdit } from '../../../rules/engine/types';
import { isScalar } from 'yaml';
import { applyEdits } from '../../../rules/engine/fixer';
import { ensureEntries } from '../../../rules/engine/yaml/edits';
import { child, type NodeRef } from '../../../rules/engine/yaml/nav';
import { parseSegment, splitYamlDocuments } from '../../../rules/engine/yaml/parse';

export function ignoreLineEdit(text: string, line: number, ruleId: string): TextEdit {
  const lines = new LineIndex(text);
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0].replace(/\t/g, ' ');
  return { start, end: start, newText: `${indent}# palisade-ignore ${ruleId}${detectEol(text)}` };
}

export function ignoreObjectEdit(text: string, target: AnalyzedObject, ruleId: string): TextEdit | undefined {
  const segment = splitYamlDocuments(text).find((seg) => seg.start === target.offset);
  if (!segment) return undefined;
  const { root, metadata, annotations } = target.object;
  const current = [...parseRuleList(annotations[IGNORE_ANNOTATION] ?? '')];
  if (current.includes(ruleId) || current.includes('*')) return undefined;
  const value = [...current, ruleId].join(', ');
  const existing = child(child(metadata, 'annotations'), IGNORE_ANNOTATION);
  const edits = existing
    ? replaceValue(existing, value)
    : metadata
      ? ensureEntries(segment.text, { parent: metadata, key: 'annotations' }, { [IGNORE_ANNOTATION]: value })
      : ensureEntries(segment.text, { parent: root, key: 'metadata' }, { annotations: { [IGNORE_ANNOTATION]: value } });
  if (!edits || edits.length === 0 || !annotationReads(segment.text, edits, value)) return undefined;
  return mergeEdits(edits.map((e) => ({ start: e.start + segment.start, end: e.end + segment.start, newText: e.newText })), text);
}

/**
 * A list of ids contains ", ", which a plain scalar cannot hold inside a flow map: the new
 * value is always written double-quoted. Aliased values are not touched (shared anchor).
 */
function replaceValue(ref: NodeRef, value: string): TextEdit[] | undefined {
  const node = ref.node;
  if (!isScalar(node) || !node.range || ref.key?.value === undefined) return undefined;
  const valueNode = ref.doc.doc.getIn(['metadata', 'annotations', IGNORE_ANNOTATION], true);
  if (valueNode !== node) return undefined;
  return [{ start: node.range[0], end: node.range[1], newText: JSON.stringify(value) }];
}

/** The edited document must parse and carry exactly the intended annotation, else no action. */
function annotationReads(segmentText: string, edits: readonly TextEdit[], value: string): boolean {
  const edited = applyEdits(segmentText, edits).text;
  const parsed = parseSegment(edited);
  if (parsed.errors.length > 0 || parsed.documents.length !== 1) return false;
  return parsed.documents[0].getIn(['metadata', 'annotations', IGNORE_ANNOTATION]) === value;
}

/** One edit covering several (the primitives may split a change): what lies between is kept. */
function mergeEdits(edits: TextEdit[], text: string): TextEdit {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const start = sorted[0].start;
  const end = sorted[sorted.length - 1].end;
  let newText = '';
  let cursor = start;
  for (const e of sorted) {
    newText += text.slice(cursor, e.start) + e.newText;
    cursor = e.end;
  }
  return { start, end, newText };
}
