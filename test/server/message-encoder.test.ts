import * as assert from 'node:assert/strict';
import type { Diagnostic, Message } from 'vscode-languageserver/node';
import { encodeMessage } from '../../server/src/lsp/message-encoder';
import { seededRandom } from '../engine/reparse-support';

function diagnostic(line: number, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return {
    range: { start: { line, character: 2 }, end: { line, character: 9 } },
    severity: 1,
    code: 'privileged-container',
    codeDescription: { href: 'https://example.test/rules#privileged-container' },
    source: 'palisade',
    message,
    ...extra,
  };
}

function publish(params: Record<string, unknown>): Message {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params } as Message;
}

const sameAsStringify = (message: Message) => assert.equal(encodeMessage(message).toString('utf8'), JSON.stringify(message));

describe('message encoder (stdio)', () => {
  it('writes publishDiagnostics byte for byte as JSON.stringify does', () => {
    const related = diagnostic(4, 'Container “web” runs privileged: ünïcödé and "quotes" \\ and \u2028', {
      relatedInformation: [{ location: { uri: 'file:///w/a.yaml', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } } }, message: 'pod level' }],
    });
    sameAsStringify(publish({ uri: 'file:///w/a.yaml', version: 7, diagnostics: [diagnostic(1, 'one'), related, diagnostic(9, 'three')] }));
    sameAsStringify(publish({ uri: 'file:///w/a.yaml', diagnostics: [diagnostic(1, 'no version')] }));
    sameAsStringify(publish({ uri: 'file:///w/a.yaml', version: undefined, diagnostics: [] }));
    sameAsStringify(publish({ diagnostics: [diagnostic(2, 'only diagnostics')] }));
    sameAsStringify(publish({ version: undefined, diagnostics: [diagnostic(2, 'params that serialise to nothing but diagnostics')] }));
  });

  it('reuses a diagnostic sent before, in a new message with other neighbours', () => {
    const kept = diagnostic(3, 'kept between keystrokes');
    const first = publish({ uri: 'file:///w/a.yaml', version: 1, diagnostics: [diagnostic(1, 'a'), kept] });
    const second = publish({ uri: 'file:///w/a.yaml', version: 2, diagnostics: [kept, diagnostic(5, 'moved')] });
    sameAsStringify(first);
    sameAsStringify(second);
    assert.deepEqual((JSON.parse(encodeMessage(second).toString('utf8')) as { params: { diagnostics: Diagnostic[] } }).params.diagnostics[0], kept);
  });

  it('assembles each message from the previous one for the document: runs kept, new ones, removed, reordered, cleared', () => {
    const random = seededRandom(3);
    const pool = Array.from({ length: 40 }, (_, i) => diagnostic(i, `finding ${i} “ü”`));
    const current = new Map<string, Diagnostic[]>([['file:///w/a.yaml', []], ['file:///w/b.yaml', []]]);
    for (let step = 0; step < 300; step++) {
      const uri = random() < 0.7 ? 'file:///w/a.yaml' : 'file:///w/b.yaml';
      const next: Diagnostic[] = [];
      for (const d of current.get(uri)!) {
        const roll = random();
        if (roll < 0.1) continue; // fixed
        next.push(roll < 0.2 ? { ...d, message: `${d.message}!` } : d); // changed: a new object
        if (roll > 0.95) next.push(pool[Math.floor(random() * pool.length)]); // appeared
      }
      if (random() < 0.05) next.splice(0, next.length); // all cleared
      if (next.length === 0 && random() < 0.7) next.push(...pool.slice(0, 1 + Math.floor(random() * 30)));
      if (random() < 0.1) next.reverse();
      current.set(uri, next);
      sameAsStringify(publish({ uri, version: step, diagnostics: next }));
    }
  });

  it('writes every other message with JSON.stringify', () => {
    sameAsStringify({ jsonrpc: '2.0', id: 1, result: { capabilities: { hoverProvider: true } } } as Message);
    sameAsStringify({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'héllo' } } as Message);
    // An unusual shape of the same method (an id makes it a request): not assembled.
    sameAsStringify({ jsonrpc: '2.0', id: 4, method: 'textDocument/publishDiagnostics', params: { uri: 'u', diagnostics: [diagnostic(0, 'x')] } } as Message);
  });
});
