/**
 * The connection to the client. Over stdio (what the VS Code client and other editors use)
 * messages are written with message-encoder.ts; the other transports the LSP library knows
 * (--node-ipc, --socket, --pipe) are left to it, with its own JSON encoding.
 */
import { Console } from 'node:console';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
} from 'vscode-languageserver/node';
import { encodeMessage } from './message-encoder';

export function createServerConnection(argv: readonly string[] = process.argv.slice(2)): Connection {
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const writer = new StreamMessageWriter(process.stdout, {
    charset: 'utf-8',
    contentTypeEncoder: { name: 'application/json', encode: (message) => Promise.resolve(encodeMessage(message)) },
  });
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), writer);
  output = process.stdout;
  keepStdoutForMessages();
  process.stdin.on('end', exitWithTheClient);
  process.stdin.on('close', exitWithTheClient);
  return connection;
}

/** stdout carries the protocol: whatever a library prints goes to stderr, which clients log. */
function keepStdoutForMessages(): void {
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
}

let output: Writable | undefined;

/**
 * Resolves once what was written to the client has left the process. A publishDiagnostics of
 * thousands of diagnostics (1.5 MB) leaves through a 64 KB pipe in many writes, each of which
 * needs the event loop: background work that took the thread back at once held the message
 * for seconds. Over the other transports the library writes, and this resolves at once.
 */
export async function whenOutputFlushed(stream = output): Promise<void> {
  while (stream?.writableNeedDrain) await once(stream, 'drain');
}

let shutdownRequested = false;

/** Called from the server's shutdown handler (a connection has only one). */
export function noteShutdownRequested(): void {
  shutdownRequested = true;
}

/** The client closed our stdin, so it is gone: exit, with an error unless it asked us to shut down. */
function exitWithTheClient(): void {
  process.exit(shutdownRequested ? 0 : 1);
}
