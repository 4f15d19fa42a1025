/**
 * Multi-file tests for workspace rules: analyse every text with the strict profile, run the
 * workspace rules over the results, and return one rule's findings as normalised tuples
 * (file, range, message, related locations with their files), so tests assert them exactly.
 */
import { analyzeFile } from '../../../rules/engine/analyze';
import { plainFinding } from '../../../rules/engine/changes';
import { defaultConfig, resolveRules } from '../../../rules/engine/config';
import { LineIndex } from '../../../rules/engine/text';
import { analyzeWorkspace, type WorkspaceFinding } from '../../../rules/engine/workspace';
import { RULES } from '../../../rules/index';
import { ruleOptions, type CaseOptions, type RangeTuple } from '../../harness/rule-tester';

export interface WorkspaceResult {
  file: string;
  range: RangeTuple;
  message: string;
  path: string;
  related: Array<{ file: string; range: RangeTuple; message: string }>;
}

export function runWorkspace(files: Record<string, string>, ruleId: string, options: CaseOptions = {}): WorkspaceResult[] {
  const rules = resolveRules(RULES, { ...defaultConfig(), profile: 'strict' });
  const opts = ruleOptions(options);
  const analysed = Object.entries(files).map(([file, text]) => ({ file, text, analysis: analyzeFile(file, text, rules, opts) }));
  const out: WorkspaceResult[] = [];
  for (const [file, findings] of analyzeWorkspace(analysed, rules, opts)) {
    for (const f of findings) if (f.ruleId === ruleId && !f.suppressed) out.push(normalise(files, file, f));
  }
  // In the order the files were given, then by position: the engine's map order depends on which rule reported first.
  const order = Object.keys(files);
  return out.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

/** The findings' full data, for tests that look at fixes and suggestions. */
export function workspaceFindings(files: Record<string, string>, ruleId: string, options: CaseOptions = {}): Array<WorkspaceFinding & { file: string }> {
  const rules = resolveRules(RULES, { ...defaultConfig(), profile: 'strict' });
  const opts = ruleOptions(options);
  const analysed = Object.entries(files).map(([file, text]) => ({ file, text, analysis: analyzeFile(file, text, rules, opts) }));
  return [...analyzeWorkspace(analysed, rules, opts)].flatMap(([file, list]) => list.filter((f) => f.ruleId === ruleId).map((f) => ({ ...plainFinding(f), file })));
}

function tuple(text: string, start: number, end: number): RangeTuple {
  const r = new LineIndex(text).rangeAt(start, end);
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

function normalise(files: Record<string, string>, file: string, f: WorkspaceFinding): WorkspaceResult {
  const related = [
    ...(f.related ?? []).map((r) => ({ file, range: tuple(files[file], r.start, r.end), message: r.message })),
    ...(f.crossFileRelated ?? []).map((r) => ({ file: r.file, range: tuple(files[r.file], r.start, r.end), message: r.message })),
  ];
  return { file, range: [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character], message: f.message, path: f.path, related };
}

/** Applies edits (offsets into `text`) from the end backwards. */
export function applyEdits(text: string, edits: ReadonlyArray<{ start: number; end: number; newText: string }>): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((acc, e) => acc.slice(0, e.start) + e.newText + acc.slice(e.end), text);
}
