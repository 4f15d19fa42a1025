/**
 * Creates the language client: the server is dist/server.js, run as a Node child over stdio,
 * the transport every editor uses, so VS Code gets the server's fast diagnostics encoding too
 * (server/src/lsp/transport.ts; Node IPC would encode each message with JSON.stringify again).
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/launch-flags';
import { DOCUMENT_SELECTOR } from './constants';

export const CLIENT_ID = 'palisade';
const CLIENT_NAME = 'Palisade';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    // --inspect lets a developer attach a debugger when the extension runs in development mode.
    debug: { module, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...DOCUMENT_SELECTOR],
    // The server pulls `palisade.*` per resource; this makes the client tell it when they change.
    synchronize: { configurationSection: CLIENT_ID },
    outputChannel,
    diagnosticCollectionName: CLIENT_ID,
  };
  // The id makes vscode-languageclient honour the `palisade.trace.server` setting.
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
