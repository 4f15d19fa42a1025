import assert from 'node:assert/strict';
import { applyEdits } from '../../rules/engine/fixer';
import { appendDocument, appendItem, batchEdits, ensureEntries, normalizeEdits, removeItems, removePair, setScalar } from '../../rules/engine/yaml/edits';
import { at, DocumentScope, rootRef, type NodeRef, type PathSegment } from '../../rules/engine/yaml/nav';
import { parseSegment } from '../../rules/engine/yaml/parse';
import type { TextEdit } from '../../rules/engine/types';

function ref(text: string, ...path: PathSegment[]): NodeRef {
  return refs(text)(...path);
}

/** References into one parse of `text`: the primitives of one batch must share the document. */
function refs(text: string): (...path: PathSegment[]) => NodeRef {
  const root = rootRef(new DocumentScope(parseSegment(text).documents[0]));
  return (...path) => {
    const found = at(root, ...path);
    assert.ok(found, `no node at ${path.join('.')}`);
    return found;
  };
}

/** Applies the edits and checks the result is valid YAML before returning it. */
function apply(text: string, edits: TextEdit[] | undefined): string {
  assert.ok(edits, 'expected edits, got undefined (unsafe)');
  const out = applyEdits(text, edits).text;
  assert.deepEqual(parseSegment(out).errors.map((e) => e.code), [], `result does not parse:\n${out}`);
  return out;
}

const HARDEN = { runAsNonRoot: true, capabilities: { drop: ['ALL'] } };

describe('YAML edit primitives', () => {
  describe('setScalar', () => {
    it('quotes text with flow indicators so a flow map keeps one entry', () => {
      const text = 'metadata: {annotations: {x: old}}\n';
      assert.equal(apply(text, setScalar(text, ref(text, 'metadata', 'annotations', 'x'), 'a, b')), 'metadata: {annotations: {x: "a, b"}}\n');
    });
    it('keeps quote style, spacing and trailing comments', () => {
      const text = 'a: "x"  # c\nb: \'y\'\nc: true   # needed?\n';
      const edits = [...setScalar(text, ref(text, 'a'), 'z')!, ...setScalar(text, ref(text, 'b'), "it's")!, ...setScalar(text, ref(text, 'c'), false)!];
      assert.equal(apply(text, edits), 'a: "z"  # c\nb: \'it\'\'s\'\nc: false   # needed?\n');
    });
    it('quotes plain strings that YAML 1.1 would read as something else', () => {
      const text = 'a: b\n';
      assert.equal(apply(text, setScalar(text, ref(text, 'a'), 'yes')), 'a: "yes"\n');
    });
    it('fills a key that has no value', () => {
      const text = 'a:\nb: 1\n';
      assert.equal(apply(text, setScalar(text, ref(text, 'a'), false)), 'a: false\nb: 1\n');
    });
    it('offers nothing for a value under a shared anchor (pitfall 8)', () => {
      const text = 'base: &b {privileged: true}\nc:\n  securityContext: *b\n';
      assert.equal(setScalar(text, ref(text, 'c', 'securityContext', 'privileged'), false), undefined);
      assert.equal(setScalar(text, ref(text, 'base', 'privileged'), false), undefined);
    });
  });

  describe('ensureEntries (pitfall by pitfall)', () => {
    it('1: flow map: inserts pairs before } as flow', () => {
      const text = 'containers:\n- {name: sidecar, image: busybox}\n';
      assert.equal(
        apply(text, ensureEntries(text, { parent: ref(text, 'containers', 0), key: 'securityContext' }, HARDEN)),
        'containers:\n- {name: sidecar, image: busybox, securityContext: {runAsNonRoot: true, capabilities: {drop: [ALL]}}}\n',
      );
    });
    it('1: flow map with a trailing comma, merging into the nested flow map', () => {
      const text = 'c:\n  - {name: s, securityContext: {privileged: true, }}\n';
      assert.equal(
        apply(text, ensureEntries(text, { parent: ref(text, 'c', 0), key: 'securityContext' }, { privileged: false, ...HARDEN })),
        'c:\n  - {name: s, securityContext: {privileged: false, runAsNonRoot: true, capabilities: {drop: [ALL]}, }}\n',
      );
    });
    it('1: flow map keeps the file\'s padding style', () => {
      const text = 'c: { a: 1 }\n';
      assert.equal(apply(text, ensureEntries(text, ref(text, 'c'), { b: { d: 2 } })), 'c: { a: 1, b: { d: 2 } }\n');
    });
    it('2: indentless sequences and comments after values stay', () => {
      const text = 'spec:\n  containers:\n  - name: a\n    image: x   # main\n  - name: b\n';
      assert.equal(
        apply(text, ensureEntries(text, { parent: ref(text, 'spec', 'containers', 0), key: 'securityContext' }, HARDEN)),
        'spec:\n  containers:\n  - name: a\n    image: x   # main\n    securityContext:\n      runAsNonRoot: true\n      capabilities:\n        drop:\n        - ALL\n  - name: b\n',
      );
    });
    it('2: four-space files get four-space blocks at the real column', () => {
      const text = 'spec:\n    containers:\n        - name: a\n          image: x\n';
      assert.equal(
        apply(text, ensureEntries(text, { parent: ref(text, 'spec', 'containers', 0), key: 'securityContext' }, HARDEN)),
        'spec:\n    containers:\n        - name: a\n          image: x\n          securityContext:\n              runAsNonRoot: true\n              capabilities:\n                  drop:\n                      - ALL\n',
      );
    });
    it('3: no newline at end of file', () => {
      const text = 'c:\n  - name: a\n    image: x';
      assert.equal(
        apply(text, ensureEntries(text, ref(text, 'c', 0), { securityContext: { privileged: false } })),
        'c:\n  - name: a\n    image: x\n    securityContext:\n      privileged: false',
      );
    });
    it('4: CRLF files get CRLF, and a null value with a comment is replaced (5)', () => {
      const text = 'c:\r\n  - name: a\r\n    securityContext: ~  # todo\r\n';
      assert.equal(
        apply(text, ensureEntries(text, { parent: ref(text, 'c', 0), key: 'securityContext' }, HARDEN)),
        'c:\r\n  - name: a\r\n    securityContext:  # todo\r\n      runAsNonRoot: true\r\n      capabilities:\r\n        drop:\r\n          - ALL\r\n',
      );
    });
    it('5: empty key, `null` and `{}` values are replaced, never duplicated', () => {
      for (const value of ['', ' null', ' {}']) {
        const text = `c:\n  - name: a\n    securityContext:${value}\n    image: x\n`;
        assert.equal(
          apply(text, ensureEntries(text, { parent: ref(text, 'c', 0), key: 'securityContext' }, { privileged: false })),
          'c:\n  - name: a\n    securityContext:\n      privileged: false\n    image: x\n',
          JSON.stringify(value),
        );
      }
    });
    it('5: merges partial maps key by key and extends an existing drop list', () => {
      const text = 'sc:\n  runAsNonRoot: true\n  capabilities:\n    drop: [NET_RAW]\n    add:\n      - CHOWN\n';
      assert.equal(
        apply(text, ensureEntries(text, ref(text, 'sc'), { ...HARDEN, privileged: false })),
        'sc:\n  runAsNonRoot: true\n  capabilities:\n    drop: [NET_RAW, ALL]\n    add:\n      - CHOWN\n  privileged: false\n',
      );
      const already = 'sc:\n  capabilities:\n    drop: [all]\n  runAsNonRoot: true\n';
      assert.deepEqual(ensureEntries(already, ref(already, 'sc'), HARDEN), []);
    });
    it('5: overwrite false keeps chosen values and adds only missing keys', () => {
      const text = 'r:\n  requests:\n    cpu: 50m\n';
      assert.equal(
        apply(text, ensureEntries(text, ref(text, 'r'), { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m' } }, { overwrite: false })),
        'r:\n  requests:\n    cpu: 50m\n    memory: 128Mi\n  limits:\n    cpu: 500m\n',
      );
    });
    it('6: new keys go after the last value, before a comment that introduces the next item', () => {
      const text = 'c:\n  - name: a\n    image: x\n    # the sidecar\n  - name: b\n';
      assert.equal(
        apply(text, ensureEntries(text, ref(text, 'c', 0), { securityContext: { privileged: false } })),
        'c:\n  - name: a\n    image: x\n    securityContext:\n      privileged: false\n    # the sidecar\n  - name: b\n',
      );
    });
    it('7: block scalars: `|+` trailing blank lines stay content', () => {
      const text = 'c:\n  - name: a\n    args: |+\n      x\n\n  - name: b\n';
      assert.equal(
        apply(text, ensureEntries(text, ref(text, 'c', 0), { securityContext: { privileged: false } })),
        'c:\n  - name: a\n    args: |+\n      x\n\n    securityContext:\n      privileged: false\n  - name: b\n',
      );
      const clip = 'c:\n  - name: a\n    args: |\n      x\n';
      assert.equal(
        apply(clip, ensureEntries(clip, ref(clip, 'c', 0), { tty: false })),
        'c:\n  - name: a\n    args: |\n      x\n    tty: false\n',
      );
    });
    it('8: a key provided only by a merge key is overridden by an own key', () => {
      const text = 'b: &b {privileged: true}\nc:\n  securityContext:\n    <<: *b\n';
      assert.equal(
        apply(text, ensureEntries(text, { parent: ref(text, 'c'), key: 'securityContext' }, { privileged: false })),
        'b: &b {privileged: true}\nc:\n  securityContext:\n    <<: *b\n    privileged: false\n',
      );
    });
    it('8: maps reached through an alias, or nested maps from a merge key, get no edit', () => {
      const aliased = 'b: &b {privileged: true}\nc:\n  securityContext: *b\n';
      assert.equal(ensureEntries(aliased, { parent: ref(aliased, 'c'), key: 'securityContext' }, { privileged: false }), undefined);
      const merged = 'b: &b {capabilities: {drop: [NET_RAW]}}\nc:\n  <<: *b\n';
      assert.equal(ensureEntries(merged, ref(merged, 'c'), HARDEN), undefined);
    });
    it('9: never emits tabs, and offers nothing in Helm templates', () => {
      const text = 'c:\n  a: 1\n';
      const out = apply(text, ensureEntries(text, ref(text, 'c'), { b: { d: [1] } }));
      assert.equal(out, 'c:\n  a: 1\n  b:\n    d:\n      - 1\n');
      assert.ok(!out.includes('\t'));
      const helm = 'c:\n  a: "{{ .Values.a }}"\n';
      assert.equal(ensureEntries(helm, ref(helm, 'c'), { b: 1 }), undefined);
    });
    it('10: two changes to one map in one call become one insertion', () => {
      const text = 'c:\n  a: 1\n';
      const edits = ensureEntries(text, ref(text, 'c'), { sc: { x: 1 }, r: { z: 2 } })!;
      assert.equal(edits.length, 1);
      assert.equal(apply(text, edits), 'c:\n  a: 1\n  sc:\n    x: 1\n  r:\n    z: 2\n');
    });
    it('nested merges and new keys at the same offset are ordered deepest first', () => {
      const text = 'c:\n  sc:\n    a: 1\n';
      assert.equal(apply(text, ensureEntries(text, ref(text, 'c'), { sc: { b: 2 }, d: 3 })), 'c:\n  sc:\n    a: 1\n    b: 2\n  d: 3\n');
    });
  });

  describe('removePair', () => {
    it('removes block lines, flow pairs and the first pair of a sequence item', () => {
      const text = 'm:\n  a: 1\n  b: 2 # two\n  c: 3\nfm: {a: 1, b: 2}\ns:\n- a: 1\n  b: 2\n';
      const edits = [...removePair(text, ref(text, 'm'), 'b')!, ...removePair(text, ref(text, 'fm'), 'b')!, ...removePair(text, ref(text, 's', 0), 'a')!];
      assert.equal(apply(text, edits), 'm:\n  a: 1\n  c: 3\nfm: {a: 1}\ns:\n- b: 2\n');
    });
    it('removes the last line of a file without a final newline', () => {
      const text = 'm:\n  a: 1\n  b: 2';
      assert.equal(apply(text, removePair(text, ref(text, 'm'), 'b')), 'm:\n  a: 1');
    });
  });

  describe('removeItems', () => {
    it('block: the items\' lines with their trailing comments; comment lines stay unless between two removed items', () => {
      const text = 'add:\n  - CHOWN  # files\n  - NET_BIND_SERVICE\n  # debug\n  - SYS_ADMIN\n  # only in staging\n  - SETUID\nnext: 1\n';
      assert.equal(apply(text, removeItems(text, ref(text, 'add'), [0, 2, 3])), 'add:\n  - NET_BIND_SERVICE\n  # debug\nnext: 1\n');
    });
    it('block: indentless and 4-space lists, CRLF, and the last line of a file without a final newline', () => {
      const text = 'a:\r\n- x\r\n- y\r\nb:\r\n    - x\r\n    - y';
      const edits = [...removeItems(text, ref(text, 'a'), [0])!, ...removeItems(text, ref(text, 'b'), [1])!];
      assert.equal(apply(text, edits), 'a:\r\n- y\r\nb:\r\n    - x');
    });
    it('flow: items with their commas, keeping padding and a trailing comma', () => {
      const text = 'f: [CHOWN, NET_BIND_SERVICE, SYS_ADMIN, KILL]\ng: [ A, B, C, ]\nh: [A,\n  B,  # bee\n  C]\n';
      const edits = [...removeItems(text, ref(text, 'f'), [0, 2, 3])!, ...removeItems(text, ref(text, 'g'), [1])!, ...removeItems(text, ref(text, 'h'), [1])!];
      assert.equal(apply(text, edits), 'f: [NET_BIND_SERVICE]\ng: [ A, C, ]\nh: [A,\n  C]\n');
    });
    it('a list left empty goes with its key (never `add: []`), or becomes [] without one', () => {
      const block = 'caps:\n  drop: [ALL]\n  add:\n    - CHOWN  # why\n    - KILL\nimage: x\n';
      assert.equal(apply(block, removeItems(block, ref(block, 'caps', 'add'), [0, 1])), 'caps:\n  drop: [ALL]\nimage: x\n');
      const flow = 'caps: {add: [CHOWN], drop: [ALL]}\n';
      assert.equal(apply(flow, removeItems(flow, ref(flow, 'caps', 'add'), [0])), 'caps: {drop: [ALL]}\n');
      const nested = 'l:\n- - a\n  - b\n';
      assert.equal(apply(nested, removeItems(nested, ref(nested, 'l', 0), [0, 1])), 'l:\n- []\n');
      assert.deepEqual(removeItems(block, ref(block, 'caps', 'add'), []), []);
    });
    it('offers nothing for a shared list, or an item whose line starts with another item\'s dash', () => {
      const shared = 'x: &caps [A, B]\ncaps:\n  add: *caps\n';
      assert.equal(removeItems(shared, ref(shared, 'caps', 'add'), [0]), undefined);
      assert.equal(removeItems(shared, ref(shared, 'x'), [0]), undefined);
      const nested = 'l:\n- - a\n  - b\n';
      assert.equal(removeItems(nested, ref(nested, 'l', 0), [0]), undefined);
    });
  });

  describe('batchEdits', () => {
    it('a merge after a removal in the same map: lines appended to drop, then add\'s lines removed', () => {
      const text = 'caps:\n  drop:\n  - NET_RAW\n  add:\n  - CHOWN\n';
      const at = refs(text);
      const edits = batchEdits(text, at('caps'), (b) => {
        b.removeItems(at('caps', 'add'), [0]);
        b.ensureEntries(at('caps'), { drop: ['ALL'] });
      });
      assert.equal(apply(text, edits), 'caps:\n  drop:\n  - NET_RAW\n  - ALL\n');
    });
    it('a flow map whose only pair goes takes the new pairs in its place, keeping its padding', () => {
      for (const [text, expected] of [
        ['caps: {add: [CHOWN]}\n', 'caps: {drop: [ALL]}\n'],
        ['caps: { add: [ CHOWN ] }\n', 'caps: { drop: [ ALL ] }\n'],
      ]) {
        const at = refs(text);
        const edits = batchEdits(text, at('caps'), (b) => {
          b.removeItems(at('caps', 'add'), [0]);
          b.ensureEntries(at('caps'), { drop: ['ALL'] });
        });
        assert.equal(apply(text, edits), expected);
      }
    });
    it('a block map whose only pair goes, at the end of a file without a final newline', () => {
      const text = 'caps:\n  add:\n  - CHOWN';
      const at = refs(text);
      const edits = batchEdits(text, at('caps'), (b) => {
        b.removeItems(at('caps', 'add'), [0]);
        b.ensureEntries(at('caps'), { drop: ['ALL'] });
      });
      assert.equal(apply(text, edits), 'caps:\n  drop:\n  - ALL');
    });
    it('an edit inside something removed, or a primitive on another parse, is unsafe', () => {
      const text = 'caps:\n  add: [CHOWN]\n';
      const at = refs(text);
      assert.equal(batchEdits(text, at('caps'), (b) => (b.removeItems(at('caps', 'add'), [0]), b.ensureEntries(at('caps'), { add: ['KILL'] }))), undefined);
      assert.equal(batchEdits(text, at('caps'), (b) => (b.removePair(at('caps'), 'add'), b.setScalar(at('caps', 'add', 0), 'KILL'))), undefined);
      assert.equal(batchEdits(text, at('caps'), (b) => b.removeItems(ref(text, 'caps', 'add'), [0])), undefined);
    });
  });

  describe('normalizeEdits', () => {
    it('puts an insertion before a replacement that starts at the same offset, whatever the order made', () => {
      const edits = [
        { start: 4, end: 9, newText: '' },
        { start: 4, end: 4, newText: 'new\n' },
      ];
      assert.deepEqual(normalizeEdits(edits), [{ start: 4, end: 9, newText: 'new\n' }]);
      assert.throws(() => normalizeEdits([{ start: 4, end: 9, newText: '' }, { start: 5, end: 5, newText: 'x' }]));
    });
  });

  describe('appendItem', () => {
    it('appends to block and flow sequences, and replaces []', () => {
      const text = 'l:\n  - a\n  - b  # bee\nf: [x]\ne: []\n';
      const edits = [...appendItem(text, ref(text, 'l'), 'c')!, ...appendItem(text, ref(text, 'f'), 'z')!, ...appendItem(text, ref(text, 'e'), { k: 1 })!];
      assert.equal(apply(text, edits), 'l:\n  - a\n  - b  # bee\n  - c\nf: [x, z]\ne: [{k: 1}]\n');
    });
    it('creates the sequence when the key is missing, with maps as block items', () => {
      const text = 'spec:\n  rules: []\n';
      assert.equal(
        apply(text, appendItem(text, { parent: ref(text, 'spec'), key: 'tls' }, { hosts: ['a.example.com'], secretName: 'web-tls' })),
        'spec:\n  rules: []\n  tls:\n    - hosts:\n        - a.example.com\n      secretName: web-tls\n',
      );
    });
  });

  describe('appendDocument', () => {
    it('adds a --- document with the file\'s EOL, keeping a missing final newline missing', () => {
      assert.deepEqual(appendDocument('kind: Pod', 'kind: A\nb: 1\n'), [{ start: 9, end: 9, newText: '\n---\nkind: A\nb: 1' }]);
      assert.deepEqual(appendDocument('kind: Pod\r\n', 'kind: A\n'), [{ start: 11, end: 11, newText: '---\r\nkind: A\r\n' }]);
    });
  });
});
