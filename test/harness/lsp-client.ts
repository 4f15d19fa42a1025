/**
 * A small LSP client for tests: spawns the BUILT server (`node dist/server.js --stdio`) and
 * talks JSON-RPC to it through vscode-languageserver's protocol connection. It records what the
 * server pushes (diagnostics, progress, log messages, applyEdit requests), answers what the
 * server asks (configuration, registrations, progress tokens), and `waitFor` polls a condition
 * instead of sleeping.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeLensRefreshRequest,
  CodeLensRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkDoneProgressCancelNotification,
  WorkDoneProgressCreateRequest,
  type ApplyWorkspaceEditParams,
  type CodeAction,
  type CodeLens,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowDocumentParams,
  type TextDocumentContentChangeEvent,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver/node';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_PATH = path.join(PROJECT_ROOT, 'dist', 'server.js');

export interface StartOptions {
  /** Workspace folder URIs. */
  workspaceFolders?: string[];
  /** `palisade.*` settings, per scope URI or for all scopes under '*'. */
  settings?: Record<string, unknown>;
  /** `files.exclude` as VS Code sends it. */
  filesExclude?: Record<string, boolean>;
  /** How to talk to the server: stdio (default) or Node IPC, as the VS Code client does. */
  transport?: 'stdio' | 'ipc';
}

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export class LspClient {
  /** Latest diagnostics per URI. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: Array<{ token: string | number; value: ProgressValue }> = [];
  readonly progressTokens: Array<string | number> = [];
  readonly logs: string[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly registrations: string[] = [];
  /** `window/showDocument` requests, in order. */
  readonly shownDocuments: ShowDocumentParams[] = [];
  /** How many `workspace/codeLens/refresh` requests the server sent. */
  codeLensRefreshes = 0;
  settings: Record<string, unknown>;
  filesExclude: Record<string, boolean>;

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcess,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    this.filesExclude = options.filesExclude ?? {};
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    let child: ChildProcess;
    let connection: ProtocolConnection;
    if (options.transport === 'ipc') {
      child = fork(SERVER_PATH, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
      connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    } else {
      child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    }
    const client = new LspClient(connection, child, options);
    client.listen();
    connection.listen();
    const folders = options.workspaceFolders ?? [];
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      workspaceFolders: folders.map((uri, i) => ({ uri, name: `folder${i}` })),
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          applyEdit: true,
          workspaceEdit: { documentChanges: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          didChangeConfiguration: { dynamicRegistration: true },
          codeLens: { refreshSupport: true },
        },
        window: { workDoneProgress: true, showDocument: { support: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeLens: {},
          synchronization: { didSave: true, dynamicRegistration: false },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
    });
    c.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
    });
    c.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
      this.progressTokens.push(p.token);
      c.onProgress(WorkDoneProgress.type, p.token, (value) => {
        this.progress.push({ token: p.token, value });
      });
    });
    c.onRequest(ConfigurationRequest.type, (p) =>
      p.items.map((item) => {
        if (item.section === 'files.exclude') return this.filesExclude;
        const scoped = item.scopeUri ? this.settings[item.scopeUri] : undefined;
        return scoped ?? this.settings['*'] ?? {};
      }),
    );
    c.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations.map((r) => r.method));
    });
    c.onRequest(ShowDocumentRequest.type, (p) => {
      this.shownDocuments.push(p);
      return { success: true };
    });
    c.onRequest(CodeLensRefreshRequest.type, () => {
      this.codeLensRefreshes++;
    });
    c.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.appliedEdits.push(p);
      return { applied: true };
    });
  }

  // --- documents ---------------------------------------------------------------------

  open(uri: string, text: string, version = 1, languageId = 'yaml'): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  save(uri: string): Promise<void> {
    return this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** The user pressed Cancel on a progress notification. */
  cancelProgress(token: string | number): Promise<void> {
    return this.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token });
  }

  filesChanged(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  // --- requests ----------------------------------------------------------------------

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<
      CodeAction[]
    >;
  }

  codeLenses(uri: string): Promise<CodeLens[] | null> {
    return this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  }

  executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** Polls until `probe` returns something other than undefined/false; fails with `what` after the timeout. */
  async waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The next diagnostics published for `uri` with this document version. */
  diagnosticsFor(uri: string, version?: number): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`, () => {
      const p = this.diagnostics.get(uri);
      return p && (version === undefined || p.version === version) ? p.diagnostics : undefined;
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** Applies LSP text edits to a text (for checking what a code action produces). */
export function applyTextEdits(text: string, edits: ReadonlyArray<{ range: Range; newText: string }>): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** [startLine, startChar, endLine, endChar] for compact exact comparisons. */
export function rangeTuple(r: Range): [number, number, number, number] {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}
