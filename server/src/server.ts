/**
 * The Palisade language server: `node dist/server.js --stdio` (or `--node-ipc`). This file only
 * wires LSP events to the features in ./lsp; see lsp/validator.ts for the data flow.
 */
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PALISADE_VERSION } from './formats/tool';
import { FIX_ALL_KIND, codeActions } from './lsp/code-actions';
import { AdmissionLenses, LENS_COMMANDS } from './lsp/code-lens';
import { executeCommand, SERVER_COMMANDS } from './lsp/commands';
import { ConfigStore } from './lsp/engine-config';
import { hoverFor } from './lsp/hover';
import { SettingsStore } from './lsp/settings';
import { WorkspaceFolders } from './lsp/uris';
import { limitHeapGrowth } from './lsp/heap';
import { createServerConnection, noteShutdownRequested } from './lsp/transport';
import { Validator } from './lsp/validator';
import { onWatchedFilesChanged, WATCHERS } from './lsp/watched-files';
import { indexWorkspace, type ScanContext } from './lsp/workspace-scan';
import { WorkspaceIndex } from './workspace/index';

limitHeapGrowth();
const connection = createServerConnection();
const documents = new TextDocuments(TextDocument);
const index = new WorkspaceIndex();
const folders = new WorkspaceFolders();
const settings = new SettingsStore(connection);
const configs = new ConfigStore();
const validator = new Validator({ connection, documents, index, configs, settings, folders });
const ctx: ScanContext = { connection, documents, index, settings, folders, validator };
const lenses = new AdmissionLenses({ connection, index, validator });
index.onDidRunWorkspaceRules(() => lenses.scheduleRefresh());
const startup = new AbortController();
let canRegisterWatchers = false;
let hasWorkspaceFolders = false;

/** Notification handlers have no one to report to: log failures instead of crashing on them. */
function logFailure(what: string): (error: unknown) => void {
  return (error) => connection.console.error(`Palisade: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

connection.onInitialize((params): InitializeResult => {
  folders.set(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
  const caps = params.capabilities;
  settings.supportsConfiguration = caps.workspace?.configuration === true;
  settings.pushed = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  canRegisterWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  hasWorkspaceFolders = caps.workspace?.workspaceFolders === true;
  lenses.setClientCapabilities(caps);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [...Object.values(SERVER_COMMANDS), ...Object.values(LENS_COMMANDS)] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'palisade', version: PALISADE_VERSION },
  };
});

connection.onInitialized(() => {
  void startWorkspace().catch(logFailure('starting the workspace index'));
});

async function startWorkspace(): Promise<void> {
  if (canRegisterWatchers) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHERS });
  if (hasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const removed of event.removed) {
        const group = folders.remove(removed.uri);
        for (const file of index.inGroup(group)) if (!documents.get(file.uri)) validator.forget(file.uri);
      }
      event.added.forEach((f) => folders.add(f.uri));
      void validator
        .revalidateAll()
        .then(() => indexWorkspace(ctx, startup.signal))
        .catch(logFailure('updating the workspace folders'));
    });
  }
  await validator.configDiagnostics.publishLoaded();
  await indexWorkspace(ctx, startup.signal);
}

// TextDocuments fires onDidChangeContent for an open too: the open is handled once, at once.
const openedAt = new Map<string, number>();
documents.onDidOpen((e) => {
  openedAt.set(e.document.uri, e.document.version);
  validator.request(e.document, 'open');
});
documents.onDidChangeContent((e) => {
  if (openedAt.get(e.document.uri) === e.document.version) return;
  validator.request(e.document, 'change');
});
documents.onDidSave((e) => validator.request(e.document, 'save'));
documents.onDidClose((e) => {
  openedAt.delete(e.document.uri);
  validator.close(e.document.uri).catch(logFailure(`closing ${e.document.uri}`));
});

// The VS Code client sends this for `palisade.*` (synchronize.configurationSection); other
// clients send it on any settings change. The settings themselves are pulled per resource.
connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { palisade?: unknown } | null)?.palisade;
  if (pushed !== undefined) settings.pushed = pushed;
  settings.clear();
  validator.revalidateAll().catch(logFailure('applying the new settings'));
});
connection.onDidChangeWatchedFiles((params) => {
  onWatchedFilesChanged(ctx, params).catch(logFailure('handling file changes'));
});

connection.onHover(async (params) => {
  const published = await validator.flush(params.textDocument.uri);
  return published ? hoverFor(published.findings, params.position) : null;
});
connection.onCodeAction((params) => codeActions(params, validator));
connection.onCodeLens((params) => lenses.provide(params.textDocument.uri));
connection.onExecuteCommand((params, token) => (lenses.handles(params.command) ? lenses.execute(params) : executeCommand(ctx, params, token)));

connection.onShutdown(() => {
  noteShutdownRequested();
  startup.abort();
  lenses.dispose();
  validator.scheduler.dispose();
});

documents.listen(connection);
connection.listen();
