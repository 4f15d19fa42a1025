/**
 * Lazy fixes: findings built with withChanges compute their fix and suggestions on first read,
 * and the copies the server makes keep, or drop, them as their names say.
 */
import assert from 'node:assert/strict';
import { copyFinding, pendingChanges, rederivedChanges, withChanges, withoutChanges } from '../../rules/engine/changes';
import type { Finding } from '../../rules/engine/types';
import type { WorkspaceFinding } from '../../rules/engine/workspace';

const range = { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } };

function finding(): WorkspaceFinding {
  return {
    ruleId: 'some-rule',
    severity: 'warning',
    message: 'Something is wrong.',
    start: 10,
    end: 15,
    range,
    documentIndex: 2,
    path: 'spec.x',
    object: { kind: 'Pod', name: 'web' },
    related: [{ start: 1, end: 2, range, message: 'here' }],
    suppressed: { via: 'comment', reason: 'because' },
    crossFileRelated: [{ file: 'other.yaml', start: 0, end: 1, range, message: 'there' }],
  };
}

describe('engine: lazy changes', () => {
  let built = 0;
  const fixIt = () => {
    built++;
    return { title: 'Fix it', edits: [{ start: 0, end: 1, newText: 'x' }] };
  };
  const pending = () => pendingChanges({ fix: fixIt, suggestions: () => [fixIt(), { title: 'Nothing', edits: [] }] });

  beforeEach(() => (built = 0));

  it('builds the fix on first read only, moved by the document offset', () => {
    const lazy = withChanges(finding(), pending(), 100);
    assert.equal(built, 0);
    assert.deepEqual(lazy.fix, { title: 'Fix it', edits: [{ start: 100, end: 101, newText: 'x' }] });
    assert.deepEqual(copyFinding(lazy).fix, lazy.fix);
    assert.equal(built, 1);
  });

  it('builds the suggestions apart from the fix, once, and drops those without edits', () => {
    const lazy = withChanges(finding(), pending(), 0);
    assert.deepEqual(lazy.suggestions, [{ title: 'Fix it', edits: [{ start: 0, end: 1, newText: 'x' }] }]);
    assert.equal(built, 1, 'reading the suggestions did not build the fix');
    assert.equal(lazy.suggestions, lazy.suggestions);
    assert.equal(built, 1);
    assert.equal(pendingChanges({}), undefined, 'a report without changes needs no object');
  });

  it('works rederived changes out once, when first asked for, and copes with a rule that no longer reports', () => {
    let rederived = 0;
    const again = rederivedChanges(() => (rederived++, { fix: fixIt }));
    assert.equal(rederived, 0);
    assert.equal(again.fix?.title, 'Fix it');
    assert.equal(again.suggestions, undefined);
    assert.equal(rederived, 1);
    const gone = rederivedChanges(() => undefined);
    assert.deepEqual([gone.fix, gone.suggestions], [undefined, undefined]);
  });

  it('withoutChanges copies every field but the changes, without building them', () => {
    const lazy = withChanges(finding(), pending(), 100);
    const plain = withoutChanges(lazy);
    assert.equal(built, 0);
    assert.deepEqual({ ...plain }, finding());
    assert.equal(plain.fix, undefined);
    assert.equal(plain.suggestions, undefined);
    // A plain finding (no lazy changes) is copied the same way.
    const copied: Finding = withoutChanges({ ...finding(), fix: { title: 't', edits: [] } });
    assert.deepEqual({ ...copied }, finding());
  });
});
