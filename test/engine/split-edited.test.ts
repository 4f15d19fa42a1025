/**
 * splitEditedYamlDocuments cuts only the segments around an edit again: the result must be
 * exactly what splitYamlDocuments gives for the whole new text, whatever the edit.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitEditedYamlDocuments, splitYamlDocuments } from '../../rules/engine/yaml/parse';
import { randomEdit, seededRandom } from './reparse-support';

function splitLikeWholeText(before: string, after: string) {
  const edited = splitEditedYamlDocuments(before, splitYamlDocuments(before), after);
  assert.deepEqual(edited, splitYamlDocuments(after), `${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
  return edited;
}

const doc = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  key: value\n`;
const file = [doc('a'), doc('b'), doc('c'), doc('d')].join('---\n');

describe('engine: cutting an edited YAML file into documents', () => {
  const cases: Record<string, [string, string]> = {
    'a value typed in the middle document': [file, file.replace('name: b', 'name: bee')],
    'a line added': [file, file.replace('name: c\n', 'name: c\n  labels: {x: y}\n')],
    'a document marker typed: one document becomes two': [file, file.replace('  key: value\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c', '  key: value\n---\nkind: X\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c')],
    'a document marker broken: two documents become one': [file, file.replace('---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c', 'x---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c')],
    'a whole document deleted': [file, file.replace(`---\n${doc('b')}`, '')],
    'everything deleted': [file, ''],
    'everything typed into an empty file': ['', file],
    'the first document emptied (its marker no longer cuts)': [file, file.replace(doc('a'), '# only a comment\n')],
    'an end marker typed': [file, file.replace('name: b\n', 'name: b\n...\n# after\n')],
    'CRLF and a lone CR': [file.replace(/\n/g, '\r\n'), file.replace(/\n/g, '\r\n').replace('name: b\r\n', 'name: b\r  x: y\r\n')],
    'a CR removed from CRLF': [file.replace(/\n/g, '\r\n'), file.replace(/\n/g, '\r\n').replace('name: b\r\n', 'name: b\n')],
    'the last line of the file': [file, `${file}---\nkind: Tail\n`],
  };
  for (const [name, [before, after]] of Object.entries(cases)) {
    it(`gives what a cut of the whole text gives: ${name}`, () => {
      splitLikeWholeText(before, after);
    });
  }

  it('keeps the very text strings of the documents away from the edit', () => {
    const previous = splitYamlDocuments(file);
    const edited = splitEditedYamlDocuments(file, previous, file.replace('name: c', 'name: cee'));
    assert.equal(edited[0].text, previous[0].text);
    assert.equal(edited[0], previous[0], 'before the edit: the same segment');
    assert.ok(Object.is(edited[3].text, previous[3].text) && edited[3].start === previous[3].start + 2, 'after it: moved, same string');
  });

  it('gives what a cut of the whole text gives after random edits of generated and real files (seeded)', function () {
    this.timeout(60_000);
    const random = seededRandom(7);
    const texts = [file, file.replace(/\n/g, '\r\n'), `# head\n${file}...\n---\n---\n${doc('e')}`];
    const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'real-k8s');
    if (existsSync(join(corpus, 'index.json'))) {
      const files = (JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8')) as { files: Array<{ path: string }> }).files;
      for (const f of files.filter((_, i) => i % 10 === 0)) texts.push(readFileSync(join(corpus, f.path), 'utf8'));
    }
    let edits = 0;
    for (const text of texts) {
      let before = text;
      for (let e = 0; e < 6; e++) {
        const after = randomEdit(before, random).text;
        splitLikeWholeText(before, after);
        before = after;
        edits++;
      }
    }
    assert.ok(edits > 1000, `${edits} edits`);
  });
});
