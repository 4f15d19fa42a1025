/**
 * The bytes of each outgoing JSON-RPC message, for the stdio transport (see transport.ts).
 *
 * A file with thousands of findings gets all of its diagnostics again on every keystroke
 * (publishDiagnostics has no partial form). The diagnostics themselves are mostly the very
 * same objects as last time (diagnostics.ts reuses them for findings an edit did not move or
 * only moved along their line), so the message for a document is assembled from the previous
 * message for it: each run of diagnostics that were sent one after another last time is one
 * copy of those bytes, and only new diagnostics are encoded. On a 1,000-document manifest a
 * keystroke's message takes a few copies instead of 3,340 encodings (~11 ms) or 3,340 small
 * copies (~2 ms). The output is byte for byte what JSON.stringify makes of the message.
 *
 * This relies on what diagnostics.ts already relies on: a published Diagnostic object is
 * never changed afterwards (a changed finding makes a new one).
 */
import type { Message } from 'vscode-languageserver/node';
import { indexAhead } from './diagnostics';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';
const COMMA = 0x2c;

/** The latest message sent for a document, and where each of its diagnostics' JSON lies in it. */
interface Sent {
  diagnostics: readonly object[];
  bytes: Buffer;
  starts: Uint32Array;
  ends: Uint32Array;
}

/** By URI; a document whose diagnostics were cleared has none. */
const lastSent = new Map<string, Sent>();

interface PublishMessage {
  jsonrpc: string;
  method: typeof PUBLISH_DIAGNOSTICS;
  params: { diagnostics: object[] } & Record<string, unknown>;
}

export function encodeMessage(message: Message): Buffer {
  return isPublish(message) ? encodePublish(message) : Buffer.from(JSON.stringify(message), 'utf8');
}

/** Only the plain notification shape is assembled; anything else is stringified as it is. */
function isPublish(message: Message): message is PublishMessage {
  const m = message as Partial<PublishMessage>;
  return m.method === PUBLISH_DIAGNOSTICS && Array.isArray(m.params?.diagnostics) && Object.keys(message).length === 3 && 'jsonrpc' in message && 'params' in message;
}

function encodePublish(message: PublishMessage): Buffer {
  const { diagnostics, ...otherParams } = message.params;
  // The envelope without the diagnostics ends with the closing braces of params and message.
  const envelope = JSON.stringify({ jsonrpc: message.jsonrpc, method: message.method, params: otherParams });
  const separator = envelope.endsWith('"params":{}}') ? '' : ',';
  const head = Buffer.from(`${envelope.slice(0, -2)}${separator}"diagnostics":[`, 'utf8');
  const tail = Buffer.from(']}}', 'utf8');
  const uri = typeof otherParams.uri === 'string' ? otherParams.uri : undefined;
  const previous = uri === undefined ? undefined : lastSent.get(uri);
  const { sentAt, fresh, length } = sources(diagnostics, previous);
  const out = Buffer.allocUnsafe(head.length + length + Math.max(0, diagnostics.length - 1) + tail.length);
  let at = head.copy(out, 0);
  const starts = new Uint32Array(diagnostics.length);
  const ends = new Uint32Array(diagnostics.length);
  for (let i = 0; i < diagnostics.length; ) {
    if (i > 0) out[at++] = COMMA;
    if (sentAt[i] < 0) {
      starts[i] = at;
      at += fresh[i]!.copy(out, at);
      ends[i] = at;
      i++;
      continue;
    }
    // Diagnostics that followed each other last time: one copy, the commas between them included.
    let last = i;
    while (last + 1 < diagnostics.length && sentAt[last + 1] === sentAt[last] + 1) last++;
    const from = previous!.starts[sentAt[i]];
    const shift = at - from;
    at += previous!.bytes.copy(out, at, from, previous!.ends[sentAt[last]]);
    for (let k = i; k <= last; k++) {
      starts[k] = previous!.starts[sentAt[k]] + shift;
      ends[k] = previous!.ends[sentAt[k]] + shift;
    }
    i = last + 1;
  }
  tail.copy(out, at);
  if (uri !== undefined) {
    if (diagnostics.length === 0) lastSent.delete(uri);
    else lastSent.set(uri, { diagnostics, bytes: out, starts, ends });
  }
  return out;
}

/** For each diagnostic, its index in the previous message (-1 if new) or its new JSON; the bytes of all. */
function sources(diagnostics: readonly object[], previous: Sent | undefined): { sentAt: Int32Array; fresh: Array<Buffer | undefined>; length: number } {
  const sentAt = new Int32Array(diagnostics.length).fill(-1);
  const fresh: Array<Buffer | undefined> = [];
  let length = 0;
  let next = 0;
  diagnostics.forEach((diagnostic, i) => {
    const at = previous ? indexAhead(previous.diagnostics, next, diagnostic, Object.is) : -1;
    if (at >= 0) {
      sentAt[i] = at;
      next = at + 1;
      length += previous!.ends[at] - previous!.starts[at];
    } else {
      fresh[i] = Buffer.from(JSON.stringify(diagnostic), 'utf8');
      length += fresh[i]!.length;
    }
  });
  return { sentAt, fresh, length };
}
