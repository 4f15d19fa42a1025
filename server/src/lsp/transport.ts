/**
 * The connection to the client. Over stdio (what the VS Code client and other editors use)
 * messages are written with message-encoder.ts; the other transports the LSP library knows
 * (--node-ipc, --socket, --pipe) are left to it, with its own JSON encoding.
 */
import { Console } from 'node:console';
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
  keepStdoutForMessages();
  process.stdin.on('end', exitWithTheClient);
  process.stdin.on('close', exitWithTheClient);
  return connection;
}

/** stdout carries the protocol: whatever a library prints goes to stderr, which clients log. */
function keepStdoutForMessages(): void {
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
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
