/**
 * Quick fixes for a diagnostic, found by the finding's rule and range (never by message text):
 * the rule's safe fix (preferred), its suggestions, and "Ignore <rule> for this line / object".
 * Plus `source.fixAll.palisade` for `editor.codeActionsOnSave`. Every action carries its edit
 * directly, versioned for the document version it was computed on.
 */
import {
  CodeActionKind,
  TextDocumentEdit,
  VersionedTextDocumentIdentifier,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { BUILTIN_META } from '../../../rules/engine/builtin';
import { LineIndex, rangesTouch } from '../../../rules/engine/text';
import type { Finding, Range, TextEdit } from '../../../rules/engine/types';
import { isDiagnosticOf, SOURCE } from './diagnostics';
import { fixAllEditOf } from './fix-all';
import { ignoreLineEdit, ignoreObjectEdit } from './suppress';
import type { Published, Validator } from './validator';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.palisade`;
const BUILTIN_IDS = new Set(BUILTIN_META.map((m) => m.id));

export async function codeActions(params: CodeActionParams, validator: Validator): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const published = await validator.flush(uri);
  if (!published || published.version === undefined) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const finding = findingFor(diagnostic, published, params.range);
      if (finding) actions.push(...quickFixes(uri, published, finding, diagnostic, validator));
    }
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const action = fixAllAction(uri, published, validator);
    if (action) actions.push(action);
  }
  return actions;
}

/** Without `only` the client wants everything; `source` asks for all source actions, etc. */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/**
 * The published finding a diagnostic of the request stands for: same rule, same range. The
 * client's diagnostics can be a version behind (flush just analysed a newer one, and lines may
 * have moved): then the finding of that rule under the cursor is the one meant.
 */
function findingFor(diagnostic: Diagnostic, published: Published, cursor: Range): Finding | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  return published.findings.find((f) => isDiagnosticOf(f, diagnostic)) ?? published.findings.find((f) => f.ruleId === diagnostic.code && rangesTouch(f.range, cursor));
}

function quickFixes(uri: string, published: Published, finding: Finding, diagnostic: Diagnostic, validator: Validator): CodeAction[] {
  const out: CodeAction[] = [];
  const edit = (edits: TextEdit[]) => versionedEdit(uri, published, edits);
  if (finding.fix) {
    out.push({ title: finding.fix.title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [diagnostic], edit: edit(finding.fix.edits) });
  }
  for (const s of finding.suggestions ?? []) {
    out.push({ title: s.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(s.edits) });
  }
  if (BUILTIN_IDS.has(finding.ruleId)) return out;
  const target = validator.objectOf(uri, finding.documentIndex);
  const objectEdit = target && finding.object ? ignoreObjectEdit(published.text, target, finding.ruleId) : undefined;
  if (objectEdit) {
    out.push({ title: `Ignore ${finding.ruleId} for this object`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([objectEdit]) });
  }
  const lineEdit = ignoreLineEdit(published.text, finding.range.start.line, finding.ruleId);
  out.push({ title: `Ignore ${finding.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([lineEdit]) });
  return out;
}

function fixAllAction(uri: string, published: Published, validator: Validator): CodeAction | undefined {
  const edit = fixAllEdit(uri, published, validator);
  if (!edit) return undefined;
  return { title: 'Fix all auto-fixable Palisade problems', kind: FIX_ALL_KIND, edit: versionedEdit(uri, published, [edit]) };
}

/** The whole fix-all result as one minimal edit of the published text. */
export function fixAllEdit(uri: string, published: Published, validator: Validator): TextEdit | undefined {
  const engine = published.engine;
  if (!engine || !published.findings.some((f) => f.fix)) return undefined;
  return fixAllEditOf(published.text, (text) => validator.fileFindings(uri, text, engine));
}

export function versionedEdit(uri: string, published: Published, edits: readonly TextEdit[]): WorkspaceEdit {
  const lines = new LineIndex(published.text);
  const lspEdits: LspTextEdit[] = edits.map((e) => ({ range: lines.rangeAt(e.start, e.end), newText: e.newText }));
  return { documentChanges: [TextDocumentEdit.create(VersionedTextDocumentIdentifier.create(uri, published.version ?? 0), lspEdits)] };
}
