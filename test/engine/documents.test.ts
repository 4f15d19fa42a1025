/**
 * Splitting a YAML file into documents, and where findings land in multi-document files.
 */
import assert from 'node:assert/strict';
import { analyzeYamlText } from '../../rules/engine/analyze';
import { LineIndex } from '../../rules/engine/text';
import { splitYamlDocuments } from '../../rules/engine/yaml/parse';
import { ruleOptions, yaml } from '../harness/rule-tester';
import { privilegedContainer, reportName, resolved, summary } from './fixtures';

function segments(text: string): Array<[number, string]> {
  return splitYamlDocuments(text).map((s) => [s.start, s.text]);
}

describe('engine: splitting YAML into documents', () => {
  const cases: Array<{ name: string; text: string; expected: Array<[number, string]> }> = [
    { name: 'one document', text: 'a: 1\n', expected: [[0, 'a: 1\n']] },
    { name: 'empty text', text: '', expected: [[0, '']] },
    { name: '--- between documents', text: 'a: 1\n---\nb: 2\n', expected: [[0, 'a: 1\n'], [5, '---\nb: 2\n']] },
    {
      name: 'content on the marker line',
      text: '--- {a: 1}\n--- |\n  text\n',
      expected: [[0, '--- {a: 1}\n'], [11, '--- |\n  text\n']],
    },
    { name: '... ends a document', text: 'a: 1\n...\n---\nb: 2\n', expected: [[0, 'a: 1\n...\n'], [9, '---\nb: 2\n']] },
    { name: 'leading comments stay with the first document', text: '# header\n---\na: 1\n', expected: [[0, '# header\n---\na: 1\n']] },
    { name: 'a %YAML directive', text: '%YAML 1.1\n---\na: 1\n', expected: [[0, '%YAML 1.1\n---\na: 1\n']] },
    {
      name: 'an indented --- inside a block scalar is content',
      text: 'script: |\n  ---\n  echo hi\nb: 1\n',
      expected: [[0, 'script: |\n  ---\n  echo hi\nb: 1\n']],
    },
    { name: 'a marker followed by a comment', text: 'a: 1\n--- # second\nb: 2\n', expected: [[0, 'a: 1\n'], [5, '--- # second\nb: 2\n']] },
    { name: '---x is not a marker', text: 'a: 1\n---x\n', expected: [[0, 'a: 1\n---x\n']] },
    { name: 'no final newline', text: 'a: 1\n---\nb: 2', expected: [[0, 'a: 1\n'], [5, '---\nb: 2']] },
    { name: 'CRLF', text: 'a: 1\r\n---\r\nb: 2\r\n', expected: [[0, 'a: 1\r\n'], [6, '---\r\nb: 2\r\n']] },
    { name: 'BOM', text: '\uFEFFa: 1\n---\nb: 2\n', expected: [[0, '\uFEFFa: 1\n'], [6, '---\nb: 2\n']] },
    // A lone CR is a line break for positions (as in LSP) but the cut stays at \n.
    { name: 'a lone CR', text: 'a: 1\r# note\n---\nb: 2\n', expected: [[0, 'a: 1\r# note\n'], [12, '---\nb: 2\n']] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const actual = segments(c.text);
      assert.deepEqual(actual, c.expected);
      assert.equal(actual.map(([, t]) => t).join(''), c.text, 'segments cover the text exactly');
    });
  }

  it('gives each segment the line it starts on, counted as LineIndex counts (\\n, \\r\\n, lone \\r)', () => {
    const lines = (text: string) => splitYamlDocuments(text).map((s) => [s.line, new LineIndex(text).positionAt(s.start).line]);
    for (const c of cases) {
      for (const [line, expected] of lines(c.text)) assert.equal(line, expected, c.name);
    }
    assert.deepEqual(
      splitYamlDocuments('a: 1\r\n...\r\n---\rx\n--- \nb: 2\n\n\n---\nc: 3').map((s) => s.line),
      [0, 2, 4, 8],
    );
  });
});

describe('engine: multi-document files', () => {
  const options = ruleOptions();
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: first
    ---
    # the second object
    apiVersion: v1
    kind: Pod
    metadata: {name: second}
    ...
    --- {apiVersion: v1, kind: ConfigMap, metadata: {name: third}}
  `;

  it('gives each finding its document index and a range in the whole file', () => {
    const result = analyzeYamlText(text, resolved(reportName), options);
    assert.equal(result.documentCount, 3);
    assert.deepEqual(summary(result.findings), [
      ['report-name', 0, 3, 8, 3, 13],
      ['report-name', 1, 8, 17, 8, 23],
      ['report-name', 2, 10, 55, 10, 60],
    ]);
    assert.deepEqual(
      result.objects.map((o) => [o.documentIndex, o.object.kind, o.object.name]),
      [
        [0, 'Pod', 'first'],
        [1, 'Pod', 'second'],
        [2, 'ConfigMap', 'third'],
      ],
    );
  });

  it('gives the same positions with CRLF line endings', () => {
    const result = analyzeYamlText(text.replace(/\n/g, '\r\n'), resolved(reportName), options);
    assert.deepEqual(summary(result.findings), [
      ['report-name', 0, 3, 8, 3, 13],
      ['report-name', 1, 8, 17, 8, 23],
      ['report-name', 2, 10, 55, 10, 60],
    ]);
  });

  it('analyses a file without a final newline', () => {
    const result = analyzeYamlText('apiVersion: v1\nkind: Pod\nmetadata: {name: last}', resolved(reportName), options);
    assert.deepEqual(summary(result.findings), [['report-name', 0, 2, 17, 2, 21]]);
  });

  it('analyses a file that starts with a byte order mark', () => {
    const code = '\uFEFFapiVersion: v1\nkind: Pod\nmetadata: {name: bom}\n';
    const result = analyzeYamlText(code, resolved(reportName), options);
    assert.deepEqual(summary(result.findings), [['report-name', 0, 2, 17, 2, 20]]);
  });

  it('counts an empty document between two others', () => {
    const code = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n';
    const result = analyzeYamlText(code, resolved(reportName), options);
    assert.deepEqual(
      result.findings.map((f) => [f.documentIndex, f.message]),
      [
        [0, 'object a'],
        [2, 'object b'],
      ],
    );
  });

  it('keeps a --- inside a block scalar in its document', () => {
    const code = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: scripts}
      data:
        run.sh: |
          ---
          echo "not a document marker"
    `;
    const result = analyzeYamlText(code, resolved(reportName, privilegedContainer), options);
    assert.equal(result.documentCount, 1);
    assert.deepEqual(summary(result.findings), [['report-name', 0, 2, 17, 2, 24]]);
  });
});
