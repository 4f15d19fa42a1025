/**
 * parseSegment finds the duplicate keys of big segments itself (one Set per map) instead of
 * with yaml's `uniqueKeys`, which compares every key with all before it. The errors must be
 * exactly the ones yaml reports with `uniqueKeys: true`, in the same order: each case is parsed
 * with the own check forced on.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseSegment, splitYamlDocuments, YAML_PARSE_OPTIONS } from '../../rules/engine/yaml/parse';

/** What yaml itself reports, in the shape parseSegment gives. */
function yamlOwnErrors(text: string) {
  const parsed = parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, uniqueKeys: true });
  const documents = Array.isArray(parsed) ? parsed : [];
  return documents.flatMap((doc) =>
    doc.errors.map((e) => ({ code: e.code, message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), start: e.pos[0], end: e.pos[1] })),
  );
}

const CASES: Record<string, string> = {
  'block map': 'a: 1\nb: 2\na: 3\n',
  'flow map': 'x: {a: 1, b: 2, a: 3}\n',
  nested: 'spec:\n  template:\n    metadata: {name: x}\n    metadata: {name: y}\n',
  'three times, twice reported': 'k: 1\nk: 2\nk: 3\n',
  'merge keys': 'base: &b {a: 1}\nother: &o {c: 1}\nm:\n  <<: *b\n  <<: *o\n  d: 1\n',
  'null spelled two ways': '~: 1\nnull: 2\n',
  'number and string differ': '1: a\n"1": b\n',
  'booleans of YAML 1.1': 'yes: 1\ntrue: 2\non: 3\n',
  'NaN never repeats': '.nan: 1\n.nan: 2\n',
  'tag and anchor on the key': '!!str a: 1\n&k a: 2\n',
  'empty keys': ': 1\n: 2\n',
  'in a sequence of maps': 'items:\n  - {n: 1, n: 2}\n  - n: 3\n    n: 4\n',
  'after a syntax error': 'a: [1, 2\nb: 1\nb: 2\n',
  'before a syntax error': 'b: 1\nb: 2\nc: {d: 1\n',
  'two documents in one segment': '%YAML 1.1\n---\na: 1\na: 2\n...\n---\nb: 1\nb: 1\n',
  'CRLF': 'a: 1\r\nb:\r\n  c: 1\r\n  c: 2\r\n',
  'alias keys are distinct nodes': 'x: &k key\n*k : 1\n*k : 2\n',
  'complex keys': '? [a, b]\n: 1\n? [a, b]\n: 2\n',
  'no duplicates': 'apiVersion: v1\nkind: ConfigMap\ndata: {a: "1", b: "2"}\n',
};

describe('duplicate keys', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`reports what yaml reports: ${name}`, () => {
      assert.deepEqual(parseSegment(text, true).errors, yamlOwnErrors(text));
    });
  }

  it('finds duplicates in most of those cases (the comparisons above are not of empty lists)', () => {
    const reported = Object.values(CASES).flatMap((text) => parseSegment(text, true).errors).filter((e) => e.code === 'DUPLICATE_KEY');
    assert.equal(reported.length, 17);
  });

  it('reports them in a ConfigMap of 6,000 keys, at the repeated key', () => {
    const keys = Array.from({ length: 6000 }, (_, i) => `  KEY_${i % 5999}: "v${i}"`);
    const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n${keys.join('\n')}\n`;
    assert.ok(text.length > 32 * 1024, 'big enough for the own check without forcing it');
    const errors = parseSegment(text).errors;
    assert.deepEqual(errors, yamlOwnErrors(text));
    assert.deepEqual(errors.map((e) => [e.code, text.slice(e.start, e.start + 9)]), [['DUPLICATE_KEY', 'KEY_0: "v']]);
  });

  // Registered where the shared corpus is, as the robustness tests are.
  const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'real-k8s');
  if (!existsSync(join(corpus, 'index.json'))) return;
  it('reports what yaml reports on every document of the real-world corpus', function () {
    this.timeout(120_000);
    const files = (JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8')) as { files: Array<{ path: string }> }).files;
    let documents = 0;
    for (const f of files) {
      for (const segment of splitYamlDocuments(readFileSync(join(corpus, f.path), 'utf8'))) {
        assert.deepEqual(parseSegment(segment.text, true).errors, yamlOwnErrors(segment.text), `${f.path} at ${segment.start}`);
        documents++;
      }
    }
    assert.ok(documents > 1000, `${documents} documents`);
  });
});
