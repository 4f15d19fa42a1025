/**
 * The edits behind "Ignore <rule> for this line" and "Ignore <rule> for this file" in a
 * Dockerfile: a `# palisade-ignore <id>` comment above the instruction, and a
 * `# palisade-ignore-file <id>` comment at the top. An existing directive in the same place
 * is extended rather than duplicated, and its reason (`-- why`) is kept.
 */
import { detectEol, LineIndex } from '../text';
import type { TextEdit } from '../types';
import { parseDockerfileModel } from './model';

const LINE_DIRECTIVE = /^([ \t]*#[ \t]*palisade-ignore)([ \t]+[^\r\n]*?)?[ \t]*$/;
const FILE_DIRECTIVE = /^([ \t]*#[ \t]*palisade-ignore-file)([ \t]+[^\r\n]*?)?[ \t]*$/;
/** `# syntax=...`, `# escape=...`, `# check=...`: only read before any other line. */
const PARSER_DIRECTIVE = /^[ \t]*#[ \t]*(syntax|escape|check)[ \t]*=/i;

/** Suppresses `ruleId` for the instruction that holds `offset`, with a comment line above it. */
export function ignoreLineEdit(text: string, offset: number, ruleId: string): TextEdit {
  const lines = new LineIndex(text);
  const line = instructionStartLine(text, offset) ?? lines.positionAt(offset).line;
  if (line > 0) {
    const extended = extendDirective(lines, line - 1, LINE_DIRECTIVE, ruleId);
    if (extended) return extended;
  }
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  return { start, end: start, newText: `${indent}# palisade-ignore ${ruleId}${detectEol(text)}` };
}

/** Suppresses `ruleId` in the whole file, after any parser directives at the top. */
export function ignoreFileEdit(text: string, ruleId: string): TextEdit {
  const lines = new LineIndex(text);
  for (let line = 0; line < lines.lineCount; line++) {
    const extended = extendDirective(lines, line, FILE_DIRECTIVE, ruleId);
    if (extended) return extended;
  }
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  let line = 0;
  while (line < lines.lineCount && PARSER_DIRECTIVE.test(lines.lineText(line).slice(line === 0 ? bom : 0))) line++;
  const eol = detectEol(text);
  const comment = `# palisade-ignore-file ${ruleId}`;
  if (line === 0) return { start: bom, end: bom, newText: comment + eol };
  if (line >= lines.lineCount) {
    // The directives are the last lines and the file does not end with a line break.
    const end = lines.lineEnd(line - 1);
    return { start: end, end, newText: eol + comment };
  }
  const start = lines.lineStart(line);
  return { start, end: start, newText: comment + eol };
}

/** Adds `ruleId` to the directive on `line` when it is one of `pattern`'s kind. */
function extendDirective(lines: LineIndex, line: number, pattern: RegExp, ruleId: string): TextEdit | undefined {
  const text = lines.lineText(line);
  const match = pattern.exec(text);
  if (!match) return undefined;
  const body = match[2] ?? '';
  const reasonAt = body.search(/\s--(\s|$)/);
  const ids = (reasonAt === -1 ? body : body.slice(0, reasonAt)).trim();
  const list = ids.split(/[\s,]+/).filter(Boolean);
  const lineStart = lines.lineStart(line);
  // An empty list (`# palisade-ignore -- why`) already covers every rule.
  if (list.length === 0 || list.includes(ruleId) || list.includes('*')) return { start: lineStart, end: lineStart, newText: '' };
  const at = lineStart + match[1].length + body.indexOf(ids) + ids.length;
  return { start: at, end: at, newText: `, ${ruleId}` };
}

/** First line of the instruction holding `offset`, continuation lines and heredocs included. */
function instructionStartLine(text: string, offset: number): number | undefined {
  const model = parseDockerfileModel(text);
  const position = model.lines.positionAt(offset);
  for (const instruction of model.ast.getInstructions()) {
    const r = instruction.getRange();
    if (r.start.line <= position.line && position.line <= r.end.line) return r.start.line;
  }
  return undefined;
}
