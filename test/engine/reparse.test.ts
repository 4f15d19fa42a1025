/**
 * reparseInPart: an edit of a big document re-parses only the item it changed. Its tree must be
 * the tree a full parse gives, node for node and range for range; it shares the nodes before
 * the change with the previous tree and leaves that tree as it was.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { AnalysisCache, analyzeFile } from '../../rules/engine/analyze';
import { plainFinding } from '../../rules/engine/changes';
import { defaultConfig, resolveRules } from '../../rules/engine/config';
import { parseSegment, splitYamlDocuments, type ParsedSegment } from '../../rules/engine/yaml/parse';
import { reparseInPart } from '../../rules/engine/yaml/reparse';
import { RULES } from '../../rules/index';
import { ruleOptions } from '../harness/rule-tester';
import { randomEdit, seededRandom, treeDifference } from './reparse-support';

/** A Deployment of `count` containers, each with a few env entries (about 400 bytes each). */
function bigDeployment(count: number): string {
  const lines = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: big', 'spec:', '  template:', '    spec:', '      containers:'];
  for (let c = 0; c < count; c++) {
    lines.push(`        - name: part-${c}`, `          image: registry.example.com/part-${c}:1.0.${c}`, '          env:');
    for (let e = 0; e < 4; e++) lines.push(`            - name: VAR_${e}`, `              value: "v${e}"`);
    lines.push('          securityContext:', '            privileged: false');
  }
  return lines.join('\n') + '\n';
}

/** Replaces the first occurrence of `find` (which must be there). */
function edited(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  assert.ok(at >= 0, `${find} is in the text`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

/** The partial parse, checked against a full parse of the same text. */
function reparsedLikeFullParse(previous: ParsedSegment, text: string): ParsedSegment | undefined {
  const part = reparseInPart(previous, text);
  if (part) {
    const full = parseSegment(text, true);
    assert.equal(treeDifference(part.documents, full.documents), undefined);
    assert.deepEqual(part.errors, full.errors);
  }
  return part;
}

function containers(doc: Document.Parsed): YAMLSeq {
  const seq = doc.getIn(['spec', 'template', 'spec', 'containers'], true);
  assert.ok(isSeq(seq));
  return seq;
}

describe('engine: re-parsing an edited document in part', () => {
  const text = bigDeployment(200);
  const previous = parseSegment(text, true);

  it('compares trees node for node: a changed value, a moved range, a comment are differences', () => {
    const parse = (t: string) => parseSegment(t, true).documents;
    assert.equal(treeDifference(parse('a: 1\nb: [x]\n'), parse('a: 1\nb: [x]\n')), undefined);
    assert.match(treeDifference(parse('a: 1\n'), parse('a: 2\n'))!, /(source|value): 1 vs 2/);
    assert.match(treeDifference(parse('a: 1\n'), parse('a:  1\n'))!, /range\[\d\]: \d+ vs \d+/);
    assert.match(treeDifference(parse('a: 1 # c\n'), parse('a: 1 # d\n'))!, /comment: {2}c vs {2}d/);
    assert.match(treeDifference(parse('a: [1]\n'), parse('a:\n  - 1\n'))!, /flow|range/);
  });

  it('re-parses an image tag edit in place: same tree as a full parse, nodes before it shared, nodes after it moved', () => {
    const after = edited(text, 'part-100:1.0.100', 'part-100:2.0.0-rc.1');
    const part = reparsedLikeFullParse(previous, after);
    assert.ok(part, 're-parsed in part');
    const [oldItems, newItems] = [containers(previous.documents[0]).items, containers(part.documents[0]).items];
    assert.equal(newItems[99], oldItems[99], 'a container before the edit is the very same node');
    assert.notEqual(newItems[101], oldItems[101], 'a container after it is a copy');
    assert.deepEqual((newItems[101] as YAMLMap).range, (oldItems[101] as YAMLMap).range!.map((offset) => offset + 3));
    assert.equal(part.documents[0].getIn(['spec', 'template', 'spec', 'containers', 100, 'image']), 'registry.example.com/part-100:2.0.0-rc.1');
  });

  it('leaves the previous tree as it was (the previous version still answers code actions)', () => {
    const snapshot = parseSegment(text, true);
    reparseInPart(previous, edited(text, 'name: part-7\n', 'name: part-seven\n'));
    assert.equal(treeDifference(previous.documents, snapshot.documents), undefined);
  });

  it('chains: each partial parse is the base of the next keystroke', () => {
    let base = previous;
    let current = text;
    let tag = '1.0.50';
    for (const typed of '-rc.1') {
      current = edited(current, `part-50:${tag}\n`, `part-50:${tag + typed}\n`);
      tag += typed;
      const part = reparsedLikeFullParse(base, current);
      assert.ok(part, `re-parsed in part after typing ${tag}`);
      base = part;
    }
    assert.equal(base.documents[0].getIn(['spec', 'template', 'spec', 'containers', 50, 'image']), 'registry.example.com/part-50:1.0.50-rc.1');
  });

  it('goes up a level when the item no longer parses alone: a new container typed after one', () => {
    const after = edited(text, '            privileged: false\n        - name: part-3\n', '            privileged: false\n        - name: inserted\n          image: new:1\n        - name: part-3\n');
    const part = reparsedLikeFullParse(previous, after);
    assert.ok(part, 're-parsed in part, one level up');
    assert.equal(containers(part.documents[0]).items.length, 201);
  });

  it('re-parses an edited key and keeps a key that now repeats another for the full parse to report', () => {
    assert.ok(reparsedLikeFullParse(previous, edited(text, '          env:\n            - name: VAR_0', '          envs:\n            - name: VAR_0')));
    const repeated = edited(text, '          securityContext:\n            privileged: false\n        - name: part-1\n', '          image: again:1\n            \n        - name: part-1\n');
    assert.equal(reparseInPart(previous, repeated), undefined);
    assert.equal(parseSegment(repeated, true).errors[0]?.code, 'DUPLICATE_KEY');
  });

  const givesUp: Record<string, [string, string] | ((text: string) => string)> = {
    'a syntax error': ['image: registry.example.com/part-9:', 'image: [registry.example.com/part-9:'],
    'an anchor added': ['image: registry.example.com/part-9:', 'image: &img registry.example.com/part-9:'],
    'an alias added': ['image: registry.example.com/part-9:1.0.9', 'image: *img'],
    'a directive added': (t) => `%YAML 1.1\n---\n${t}`,
  };
  for (const [name, change] of Object.entries(givesUp)) {
    it(`parses in full after ${name}`, () => {
      const after = typeof change === 'function' ? change(text) : edited(text, change[0], change[1]);
      assert.equal(reparseInPart(previous, after), undefined);
    });
  }

  it('re-parses a block scalar that takes in the blank line after it (|+) one level up, as a full parse reads it', () => {
    const spaced = edited(text, '            privileged: false\n        - name: part-5\n', '            privileged: false\n\n        - name: part-5\n');
    const after = edited(spaced, '            privileged: false\n\n        - name: part-5\n', '            privileged: |+\n              kept\n\n        - name: part-5\n');
    const part = reparsedLikeFullParse(parseSegment(spaced, true), after);
    assert.ok(part);
    assert.equal(part.documents[0].getIn(['spec', 'template', 'spec', 'containers', 4, 'securityContext', 'privileged']), 'kept\n\n');
  });

  it('re-parses an entry whose value became empty one level up, as a full parse reads it', () => {
    const part = reparsedLikeFullParse(previous, edited(text, 'image: registry.example.com/part-9:1.0.9\n', 'image: # later\n'));
    assert.ok(part);
    assert.equal(part.documents[0].getIn(['spec', 'template', 'spec', 'containers', 9, 'image']), null);
  });

  it('does not place a change by an empty key, whose range starts at the line start (text typed there may leave its map)', () => {
    const emptyKey = parseSegment(edited(text, '          image: registry.example.com/part-9:1.0.9\n', '          : registry.example.com/part-9:1.0.9\n'), true);
    assert.equal(emptyKey.errors.length, 0);
    const after = edited(emptyKey.text, '          : registry', 'top          : registry');
    assert.equal(reparsedLikeFullParse(emptyKey, after), undefined);
  });

  it('parses in full when the previous text had an anchor or an error', () => {
    const withAnchor = parseSegment(edited(text, 'name: big', 'name: &n big'), true);
    assert.equal(reparseInPart(withAnchor, edited(withAnchor.text, 'part-9:1.0.9', 'part-9:2')), undefined);
    const withError = parseSegment(edited(text, 'image: registry.example.com/part-9:', 'image: [registry.example.com/part-9:'), true);
    assert.ok(withError.errors.length > 0);
    assert.equal(reparseInPart(withError, edited(withError.text, 'part-10:1.0.10', 'part-10:2')), undefined);
  });

  it('gives the same findings, fixes and suggestions as a fresh analysis, edit after edit (AnalysisCache)', () => {
    const rules = resolveRules(RULES, defaultConfig());
    const options = ruleOptions();
    const cache = new AnalysisCache(new Set(['Deployment']));
    const file = `${bigDeployment(150)}---\napiVersion: v1\nkind: Service\nmetadata: {name: big}\nspec: {selector: {app: big}}\n`;
    let current = file;
    analyzeFile('big.yaml', current, rules, options, cache);
    const reparsed: number[] = [];
    for (const [find, replacement] of [
      ['part-70:1.0.70', 'part-70:latest'],
      ['part-70:latest', 'part-70:lates'],
      ['            privileged: false\n        - name: part-71', '            privileged: true\n        - name: part-71'],
      ['        - name: part-72\n', '        - name: part-72\n          ports: [{containerPort: 80, hostPort: 80}]\n'],
    ]) {
      current = edited(current, find, replacement);
      const withCache = analyzeFile('big.yaml', current, rules, options, cache);
      reparsed.push(cache.reparsedInPart);
      const fresh = analyzeFile('big.yaml', current, rules, options);
      assert.deepEqual(withCache.findings.map(plainFinding), fresh.findings.map(plainFinding), `after ${replacement}`);
    }
    assert.deepEqual(reparsed, [0, 1, 1, 1], 'the first edit parses in full (nothing kept from opening), the next ones in part');
  });

  // Random edits of every kind over the real-world corpus, each compared with a full parse.
  const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'real-k8s');
  if (!existsSync(join(corpus, 'index.json'))) return;
  it('equals a full parse after random edits of real-world documents (seeded)', function () {
    this.timeout(180_000);
    const files = (JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8')) as { files: Array<{ path: string }> }).files;
    const random = seededRandom(20261123);
    let edits = 0;
    let inPart = 0;
    for (const [n, f] of files.entries()) {
      // Every fourth file, two chained edits per document: about 15 s on a 2-core machine.
      if (n % 4 !== 0) continue;
      for (const segment of splitYamlDocuments(readFileSync(join(corpus, f.path), 'utf8'))) {
        let base = parseSegment(segment.text, true);
        for (let e = 0; e < 2; e++) {
          const edit = randomEdit(base.text, random);
          const full = parseSegment(edit.text, true);
          const part = reparseInPart(base, edit.text);
          edits++;
          if (part) {
            inPart++;
            const difference = treeDifference(part.documents, full.documents) ?? treeDifference(part.errors, full.errors);
            assert.equal(difference, undefined, `${f.path} at ${segment.start}: ${edit.description}`);
          }
          base = part ?? full;
        }
      }
    }
    assert.ok(edits > 1500, `${edits} edits`);
    assert.ok(inPart > edits / 5, `${inPart} of ${edits} edits re-parsed in part`);
  });

  it('keeps its maps and sequences what they were (no flow collection is descended into)', () => {
    const flow = edited(text, '            privileged: false\n        - name: part-1\n', '            capabilities: {drop: [ALL], add: [NET_ADMIN]}\n        - name: part-1\n');
    const base = parseSegment(flow, true);
    const part = reparsedLikeFullParse(base, edited(flow, 'add: [NET_ADMIN]', 'add: [NET_ADMIN, SYS_TIME]'));
    assert.ok(part);
    const caps = part.documents[0].getIn(['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'capabilities'], true);
    assert.ok(isMap(caps) && caps.flow);
  });
});
