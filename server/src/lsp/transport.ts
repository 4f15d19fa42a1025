/**
 * The connection to the client. Over stdio (what the VS Code client and other editors use)
 * messages are written with message-encoder.ts; the other transports the LSP library knows
 * (--node-ipc, --socket, --pipe) are left to it, with its own JSON encoding.
 */
import { format } from 'node:util';
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
  keepStdoutForMessages(connection);
  process.stdin.on('end', exitWithTheClient);
  process.stdin.on('close', exitWithTheClient);
  return connection;
}

let shutdownRequested = false;

/** Called from the server's shutdown handler (a connection has only one). */
export function noteShutdownRequested(): void {
  shutdownRequested = true;
}

/** stdout carries the protocol: anything a library prints goes to the client's log instead. */
function keepStdoutForMessages(connection: Connection): void {
  console.log = console.info = (...args: unknown[]) => connection.console.log(format(...args));
  console.debug = (...args: unknown[]) => connection.console.debug(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
}

/** When the client closes our stdin it is gone: exit, with an error unless it asked us to shut down. */
function exitWithTheClient(): void {
  process.exit(shutdownRequested ? 0 : 1);
}
