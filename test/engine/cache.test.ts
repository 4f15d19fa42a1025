/**
 * AnalysisCache: an edit re-analyses only the documents whose text changed; the findings of
 * the others are reused and shifted to their new place.
 */
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AnalysisCache, analyzeFile, analyzeYamlText, warmAnalysisCache } from '../../rules/engine/analyze';
import { ruleOptions } from '../harness/rule-tester';
import { privilegedContainer, reportName, resolved, summary } from './fixtures';

const pod = (name: string, extraLines = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n${extraLines}    - {name: a, securityContext: {privileged: true}}\n`;

describe('engine: AnalysisCache', () => {
  const rules = resolved(privilegedContainer, reportName);
  const options = ruleOptions();
  const before = [pod('one'), pod('two'), pod('three')].join('---\n');
  // The middle document grows by two lines: the third one moves down.
  const after = [pod('one'), pod('two', '    - {name: b}\n    - {name: c}\n'), pod('three')].join('---\n');

  it('re-analyses only the edited document and shifts the findings of the others', () => {
    const cache = new AnalysisCache();
    const first = analyzeYamlText(before, rules, options, cache);
    assert.equal(cache.reused, 0);
    assert.deepEqual(summary(first.findings), [
      ['privileged-container', 0, 5, 46, 5, 50],
      ['report-name', 0, 2, 17, 2, 20],
      ['privileged-container', 1, 12, 46, 12, 50],
      ['report-name', 1, 9, 17, 9, 20],
      ['privileged-container', 2, 19, 46, 19, 50],
      ['report-name', 2, 16, 17, 16, 22],
    ]);

    const second = analyzeYamlText(after, rules, options, cache);
    assert.equal(cache.reused, 2, 'the first and third documents are reused');
    assert.deepEqual(summary(second.findings), [
      ['privileged-container', 0, 5, 46, 5, 50],
      ['report-name', 0, 2, 17, 2, 20],
      ['privileged-container', 1, 14, 46, 14, 50],
      ['report-name', 1, 9, 17, 9, 20],
      ['privileged-container', 2, 21, 46, 21, 50],
      ['report-name', 2, 18, 17, 18, 22],
    ]);
    assert.deepEqual(second, analyzeYamlText(after, rules, options), 'same result as without a cache');
  });

  it('reuses every document when nothing changed', () => {
    const cache = new AnalysisCache();
    analyzeYamlText(before, rules, options, cache);
    analyzeYamlText(before, rules, options, cache);
    assert.equal(cache.reused, 3);
  });

  it('reuses documents through analyzeFile, which rebuilds its rule list on every call', () => {
    const cache = new AnalysisCache();
    analyzeFile('pods.yaml', before, rules, options, cache);
    analyzeFile('pods.yaml', after, [...rules], { ...options }, cache);
    assert.equal(cache.reused, 2);
  });

  it('starts afresh when the rules or the options change', () => {
    const cache = new AnalysisCache();
    analyzeYamlText(before, rules, options, cache);
    const fewer = resolved(reportName);
    const result = analyzeYamlText(before, fewer, options, cache);
    assert.equal(cache.reused, 0);
    assert.deepEqual([...new Set(result.findings.map((f) => f.ruleId))], ['report-name']);
    analyzeYamlText(before, fewer, ruleOptions({ kubernetesVersion: '1.30' }), cache);
    assert.equal(cache.reused, 0);
  });

  it('keeps object offsets right for reused documents', () => {
    const cache = new AnalysisCache();
    analyzeYamlText(before, rules, options, cache);
    const result = analyzeYamlText(after, rules, options, cache);
    const third = result.objects.find((o) => o.object.name === 'three')!;
    assert.equal(third.documentIndex, 2);
    assert.equal(after.slice(third.offset, third.offset + 4), '---\n');
  });

  it('is filled a document at a time in the background, pausing between slices, and analyzeFile then reuses everything', async () => {
    const cache = new AnalysisCache();
    const pauses: number[] = [];
    // A zero-length slice: a pause after every document analysed.
    await warmAnalysisCache('all.yaml', before, rules, options, cache, async () => void pauses.push(pauses.length), 0);
    assert.equal(pauses.length, 3);
    const warmed = analyzeFile('all.yaml', before, rules, options, cache);
    assert.equal(cache.reused, 3, 'every document was analysed by the warm-up');
    assert.deepEqual(summary(warmed.findings), summary(analyzeFile('all.yaml', before, rules, options).findings));
  });

  it('warms nothing for text that is not Kubernetes YAML or is a Dockerfile', async () => {
    const cache = new AnalysisCache();
    let paused = false;
    await warmAnalysisCache('ci.yaml', 'jobs: {build: {}}\n', rules, options, cache, async () => void (paused = true), 0);
    await warmAnalysisCache('Dockerfile', 'FROM alpine\n', rules, options, cache, async () => void (paused = true), 0);
    assert.equal(paused, false);
    analyzeFile('all.yaml', before, rules, options, cache);
    assert.equal(cache.reused, 0);
  });

  it('keeps one copy of each document, never a whole version of the file, through an editor session', async () => {
    // Three documents with a 3 MB value each: each version of the file is 9 MB.
    const widget = (name: string, fill: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: ${name}}\nspec:\n  blob: ${fill.repeat(3_000_000)}\n`;
    const fileOf = (first: string, last: string) => [widget('a', first), widget('b', 'b'), widget('c', last)].join('---\n');
    const retainedMb = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed / 2 ** 20;
    };
    const baseline = retainedMb();
    const cache = new AnalysisCache(new Set());
    // As the server does: the file read from disk, then opened (the buffer is another string),
    // then the last document edited, then the first one.
    await warmAnalysisCache('big.yaml', fileOf('a', 'c'), [], options, cache, async () => undefined);
    let buffer = '';
    for (const [first, last] of [['a', 'c'], ['a', 'd'], ['x', 'd']]) {
      buffer = fileOf(first, last);
      analyzeFile('big.yaml', buffer, [], options, cache);
    }
    assert.equal(cache.reused, 2);
    // What must stay: the buffer (the editor has it), one copy of each document, and the value
    // of the document edited last (its parse is kept). Every version of the file kept alive
    // through a document that is still reused would add 9 MB (measured: 17 MB with copies, 26 without).
    const retained = retainedMb() - baseline;
    assert.ok(retained < 9 + 9 + 3.5, `${retained.toFixed(1)} MB retained`);
    // The buffer is still in use here, as the editor's is.
    assert.ok(buffer.length > 0);
  });
});

/** A full collection now (mocha runs without --expose-gc). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
