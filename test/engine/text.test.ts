/**
 * LineIndex (offsets <-> 0-based LSP positions) and formatPath (stable finding identity).
 */
import assert from 'node:assert/strict';
import { detectEol, LineIndex } from '../../rules/engine/text';
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
