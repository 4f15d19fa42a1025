/**
 * How the workspace index moves a file's cross-file findings with an edit until the workspace
 * rules run again (editBetween + moveFinding): as an editor moves its markers.
 */
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../rules/engine/text';
import type { WorkspaceFinding } from '../../rules/engine/workspace';
import { editBetween, moveFinding } from '../../server/src/workspace/index';

const BEFORE = 'kind: Pod\nmetadata:\n  name: web\n  namespace: shop\n---\nkind: Pod\nmetadata:\n  name: api\n';

function findingAt(text: string, value: string, documentIndex = 0): WorkspaceFinding {
  const start = text.indexOf(value);
  const range = new LineIndex(text).rangeAt(start, start + value.length);
  return { ruleId: 'namespace-without-network-policy', severity: 'warning', message: 'm', start, end: start + value.length, range, documentIndex, path: 'metadata.namespace' };
}

function moved(before: string, after: string, value: string, documentIndex = 0, documents = 0) {
  const f = findingAt(before, value, documentIndex);
  const result = moveFinding(f, editBetween(before, after, documents), (s, e) => new LineIndex(after).rangeAt(s, e));
  return { f, result };
}

describe('language server: cross-file findings carried over an edit', () => {
  it('finds the smallest single change of a keystroke', () => {
    const after = BEFORE.replace('name: web', 'name: webs');
    assert.deepEqual(editBetween(BEFORE, after, 0), { start: 31, oldEnd: 31, newEnd: 32, lines: 0, documents: 0, lastLineEnd: 31 });
    assert.deepEqual(editBetween(BEFORE, BEFORE.replace('metadata:\n', 'metadata:\n  labels: {}\n'), 0).lines, 1);
  });

  it('finds the change exactly in a long text (compared a block at a time)', () => {
    const line = '  - name: VAR\n    value: "x"\n';
    const before = `kind: Pod\n${line.repeat(800)}`;
    const at = 10 + line.length * 500 + 9;
    const after = `${before.slice(0, at)}Z${before.slice(at)}`;
    assert.deepEqual(editBetween(before, after, 0), { start: at, oldEnd: at, newEnd: at + 1, lines: 0, documents: 0, lastLineEnd: at + 4 });
    assert.deepEqual(editBetween(before, before, 0), { start: before.length, oldEnd: before.length, newEnd: before.length, lines: 0, documents: 0, lastLineEnd: before.length });
  });

  it('keeps a finding before the change as it is (the same object, fix included)', () => {
    const { f, result } = moved(BEFORE, BEFORE.replace('name: api', 'name: apis'), 'shop');
    assert.equal(result, f);
  });

  it('moves a finding after the change by its lines, keeping its columns', () => {
    const after = BEFORE.replace('kind: Pod\n', 'kind: Pod\n# note\n');
    const { result } = moved(BEFORE, after, 'api', 1);
    const start = after.indexOf('api');
    assert.deepEqual([result!.start, result!.end, result!.range], [start, start + 3, new LineIndex(after).rangeAt(start, start + 3)]);
    assert.equal(result!.range.start.line, 8);
    assert.equal(result!.documentIndex, 1);
  });

  it('keeps a finding after a same-length change on another line as it is', () => {
    const { f, result } = moved(BEFORE, BEFORE.replace('name: web', 'name: app'), 'api', 1);
    assert.equal(result, f);
  });

  it('measures again a finding on the last line of the change, which moved sideways', () => {
    const before = 'kind: Pod\nmetadata: {name: web, namespace: shop}\n';
    const after = before.replace('name: web', 'name: website');
    const { result } = moved(before, after, 'shop');
    assert.deepEqual(result!.range, { start: { line: 1, character: 37 }, end: { line: 1, character: 41 } });
  });

  it('drops a finding the change touches, even only at its edge', () => {
    assert.equal(moved(BEFORE, BEFORE.replace('namespace: shop', 'namespace: shops'), 'shop').result, undefined);
    assert.equal(moved(BEFORE, BEFORE.replace('namespace: shop', 'namespace: xshop'), 'shop').result, undefined);
  });

  it('adds the documents a change inserted to the index of the findings after it', () => {
    const after = BEFORE.replace('---\n', '---\nkind: ConfigMap\n---\n');
    assert.equal(moved(BEFORE, after, 'api', 1, 1).result!.documentIndex, 2);
  });

  it('counts line breaks of the change as LSP does: CRLF once, a lone CR too', () => {
    const before = 'kind: Pod\r\nmetadata:\r\n  name: web\r\n';
    const crlf = before.replace('metadata:\r\n', 'metadata:\r\n  labels: {}\r\n');
    assert.equal(editBetween(before, crlf, 0).lines, 1);
    const loneCr = before.replace('metadata:\r\n', 'metadata:\r\n  # a\rb\r\n');
    assert.equal(editBetween(before, loneCr, 0).lines, 2);
    const { result } = moved(before, loneCr, 'web');
    assert.deepEqual(result!.range, new LineIndex(loneCr).rangeAt(loneCr.indexOf('web'), loneCr.indexOf('web') + 3));
  });

  it('keeps nothing after a change next to a carriage return (it could join or split a line break)', () => {
    const before = 'kind: Pod\r\nmetadata:\r\n  name: web\r\n';
    // Typing between \r and \n splits one line break into two.
    assert.equal(moved(before, before.replace('Pod\r\n', 'Pod\rx\n'), 'web').result, undefined);
  });
});
