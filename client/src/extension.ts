/**
 * Palisade's VS Code client: starts the language server and wires commands, the status item and
 * the output channel to it. All analysis happens in the server (dist/server.js).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { OUTPUT_CHANNEL_NAME } from './constants';
import { createLanguageClient } from './language-client';
import { PalisadeStatus } from './status';

/** What `activate` returns; the extension tests use it to wait for the server. */
export interface PalisadeApi {
  /** Resolves once the server has started (rejects if it could not). */
  ready: Promise<void>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): PalisadeApi {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const status = new PalisadeStatus();
  client = createLanguageClient(context, output);
  context.subscriptions.push(output, status, status.track(client), ...registerCommands(client, output));
  const ready = client.start().catch((error: unknown) => {
    output.error('The Palisade server failed to start', error);
    throw error;
  });
  // The tests await `ready`; a user never does, so an unhandled rejection is not wanted here.
  ready.catch(() => undefined);
  return { ready };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
