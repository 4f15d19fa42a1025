/** Helpers for the extension tests that run inside VS Code's extension host. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'palisade.palisade';
const DEFAULT_TIMEOUT_MS = 15_000;
const POLL_INTERVAL_MS = 50;

/**
 * Polls `probe` until it returns a value that is not undefined/false, then returns it. On
 * timeout it fails with `what` and the last value seen, so a failure says what never happened.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Activates Palisade and waits for its language server to be running. */
export async function activatePalisade(): Promise<void> {
  const extension = vscode.extensions.getExtension<{ ready: Promise<void> }>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  const api = await extension.activate();
  await api.ready;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The rule id of a diagnostic (`code` is an object when the server links the rule's docs). */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function palisadeDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'palisade');
}

export function findingsFor(uri: vscode.Uri, ruleId: string): vscode.Diagnostic[] {
  return palisadeDiagnostics(uri).filter((d) => ruleIdOf(d) === ruleId);
}

export function waitForFinding(uri: vscode.Uri, ruleId: string, timeoutMs?: number): Promise<vscode.Diagnostic> {
  return waitFor(`a ${ruleId} diagnostic in ${vscode.workspace.asRelativePath(uri)}`, () => findingsFor(uri, ruleId)[0], timeoutMs);
}

export function waitForNoFinding(uri: vscode.Uri, ruleId: string, timeoutMs?: number): Promise<true> {
  return waitFor(`the ${ruleId} diagnostic in ${vscode.workspace.asRelativePath(uri)} to go away`, () => findingsFor(uri, ruleId).length === 0, timeoutMs);
}

/** [startLine, startChar, endLine, endChar], the shape the unit tests use for ranges. */
export function rangeTuple(range: vscode.Range): [number, number, number, number] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

/** Sets a `palisade.*` workspace setting and returns a function that restores it. */
export async function setSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('palisade');
  const previous = config.inspect(key)?.workspaceValue;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  return () => vscode.workspace.getConfiguration('palisade').update(key, previous, vscode.ConfigurationTarget.Workspace) as Promise<void>;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Lines joined with LF, each one ending with it (how the fixtures are written). */
export function lines(...content: string[]): string {
  return content.map((line) => `${line}\n`).join('');
}

/** The rule ids of the Palisade diagnostics of a file, sorted and without repeats. */
export function ruleIdsOf(uri: vscode.Uri): string[] {
  return [...new Set(palisadeDiagnostics(uri).map((d) => ruleIdOf(d) ?? ''))].sort();
}

/** The code actions of one kind VS Code offers for a range (returned actions carry no `diagnostics`). */
export function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value);
}

/** Finds the action titled `title` and applies its edit through VS Code, as clicking it would. */
export async function applyCodeAction(actions: readonly vscode.CodeAction[], title: string): Promise<void> {
  const action = actions.find((a) => a.title === title);
  assert.ok(action?.edit, `no "${title}" action with an edit; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `VS Code refused the edit of "${title}"`);
}

/** The markdown of the hovers at a position, one string per hover content. */
export async function hoverMarkdownAt(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
}
