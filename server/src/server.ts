/**
 * The Palisade language server: `node dist/server.js --stdio` (or `--node-ipc`). This file only
 * wires LSP events to the features in ./lsp; see lsp/validator.ts for the data flow.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PALISADE_VERSION } from './formats/tool';
import { FIX_ALL_KIND, codeActions } from './lsp/code-actions';
import { executeCommand, SERVER_COMMANDS } from './lsp/commands';
import { ConfigStore } from './lsp/engine-config';
import { hoverFor } from './lsp/hover';
import { SettingsStore } from './lsp/settings';
import { WorkspaceFolders } from './lsp/uris';
import { Validator } from './lsp/validator';
import { onWatchedFilesChanged, WATCHERS } from './lsp/watched-files';
import { indexWorkspace, type ScanContext } from './lsp/workspace-scan';
import { WorkspaceIndex } from './workspace/index';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const index = new WorkspaceIndex();
const folders = new WorkspaceFolders();
const settings = new SettingsStore(connection);
const configs = new ConfigStore();
const validator = new Validator({ connection, documents, index, configs, settings, folders });
const ctx: ScanContext = { connection, documents, index, settings, folders, validator };
const startup = new AbortController();
let canRegisterWatchers = false;
let canRegisterConfiguration = false;
let hasWorkspaceFolders = false;

connection.onInitialize((params): InitializeResult => {
  folders.set(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
  const caps = params.capabilities;
  settings.supportsConfiguration = caps.workspace?.configuration === true;
  canRegisterWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canRegisterConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  hasWorkspaceFolders = caps.workspace?.workspaceFolders === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'palisade', version: PALISADE_VERSION },
  };
});

connection.onInitialized(async () => {
  if (canRegisterWatchers) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHERS });
  if (canRegisterConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'palisade' });
  if (hasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
      event.removed.forEach((f) => folders.remove(f.uri));
      event.added.forEach((f) => folders.add(f.uri));
      await validator.revalidateAll();
      await indexWorkspace(ctx, startup.signal);
    });
  }
  await validator.publishConfigProblems();
  await indexWorkspace(ctx, startup.signal);
});

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
  void validator.close(e.document.uri);
});

connection.onDidChangeConfiguration(async () => {
  settings.clear();
  await validator.revalidateAll();
});
connection.onDidChangeWatchedFiles((params) => onWatchedFilesChanged(ctx, params));

connection.onHover(async (params) => {
  const published = await validator.flush(params.textDocument.uri);
  return published ? hoverFor(published.findings, params.position) : null;
});
connection.onCodeAction((params) => codeActions(params, validator));
connection.onExecuteCommand((params, token) => executeCommand(ctx, params, token));

connection.onShutdown(() => {
  startup.abort();
  validator.scheduler.dispose();
});

documents.listen(connection);
connection.listen();
