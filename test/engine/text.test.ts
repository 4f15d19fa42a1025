/**
 * LineIndex (offsets <-> 0-based LSP positions) and formatPath (stable finding identity).
 */
import assert from 'node:assert/strict';
import { changedSpan, detectEol, LineIndex, rangeContains, rangesTouch } from '../../rules/engine/text';
import { formatPath } from '../../rules/engine/yaml/nav';

describe('engine: LineIndex', () => {
  it('converts offsets to positions and back with LF, CRLF and lone CR', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `ab${eol}${eol}cde`;
      const lines = new LineIndex(text);
      const c = text.indexOf('c');
      assert.equal(lines.lineCount, 3, JSON.stringify(eol));
      assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
      assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
      assert.deepEqual(lines.positionAt(c), { line: 2, character: 0 });
      assert.deepEqual(lines.positionAt(text.length), { line: 2, character: 3 });
      assert.equal(lines.offsetAt({ line: 2, character: 1 }), c + 1);
      assert.deepEqual([lines.lineText(0), lines.lineText(1), lines.lineText(2)], ['ab', '', 'cde']);
      assert.equal(lines.lineEnd(0), 2);
    }
  });

  it('clamps offsets and positions outside the text', () => {
    const lines = new LineIndex('ab\ncd');
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 0, character: 50 }), 2, 'past the end of a line: its end, not the next line');
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 5);
  });

  it('handles an empty text and a final newline', () => {
    assert.deepEqual(new LineIndex('').rangeAt(0, 0), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const lines = new LineIndex('a\n');
    assert.equal(lines.lineCount, 2);
    assert.deepEqual(lines.positionAt(2), { line: 1, character: 0 });
  });

  it('counts UTF-16 code units, like LSP', () => {
    const lines = new LineIndex('é: 😀x\n');
    assert.deepEqual(lines.positionAt('é: 😀'.length), { line: 0, character: 5 });
  });

  it('detects the end of line a file uses', () => {
    assert.deepEqual(['a\r\nb', 'a\nb', 'a', ''].map(detectEol), ['\r\n', '\n', '\n', '\n']);
  });
});

describe('engine: formatPath', () => {
  it('writes JSON paths with dots, brackets for indices, and quotes keys that need them', () => {
    assert.equal(formatPath(['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged']), 'spec.template.spec.containers[0].securityContext.privileged');
    assert.equal(formatPath(['metadata', 'annotations', 'palisade.dev/ignore']), 'metadata.annotations["palisade.dev/ignore"]');
    assert.equal(formatPath([0, 'name']), '[0].name');
    assert.equal(formatPath(['data', 'my key', 'x-y']), 'data["my key"].x-y');
    assert.equal(formatPath(['a"b']), '["a\\"b"]');
    assert.equal(formatPath([]), '');
  });
});

describe('engine: positions and changed spans', () => {
  const range = { start: { line: 1, character: 4 }, end: { line: 2, character: 0 } };

  it('tells whether a position is in a range, ends included, and whether ranges touch', () => {
    assert.equal(rangeContains(range, { line: 1, character: 4 }), true);
    assert.equal(rangeContains(range, { line: 2, character: 0 }), true);
    assert.equal(rangeContains(range, { line: 1, character: 3 }), false);
    assert.equal(rangeContains(range, { line: 2, character: 1 }), false);
    assert.equal(rangesTouch(range, { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }), true);
    assert.equal(rangesTouch(range, { start: { line: 0, character: 0 }, end: { line: 1, character: 3 } }), false);
  });

  it('finds the common prefix and suffix, across the block-wise comparison', () => {
    const long = 'abcdefgh'.repeat(2000);
    assert.deepEqual(changedSpan(long, `${long.slice(0, 9000)}XY${long.slice(9001)}`), { start: 9000, oldEnd: 9001, newEnd: 9002 });
    assert.deepEqual(changedSpan('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(changedSpan('same', 'same'), { start: 4, oldEnd: 4, newEnd: 4 });
    assert.deepEqual(changedSpan('', 'x'), { start: 0, oldEnd: 0, newEnd: 1 });
  });
});
