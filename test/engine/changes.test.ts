/**
 * Lazy fixes: findings built with withChanges compute their fix and suggestions on first read,
 * and the copies the server makes keep, or drop, them as their names say.
 */
import assert from 'node:assert/strict';
import { copyFinding, withChanges, withoutChanges } from '../../rules/engine/changes';
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
  const pending = () => {
    built++;
    return { fix: { title: 'Fix it', edits: [{ start: 0, end: 1, newText: 'x' }] } };
  };

  beforeEach(() => (built = 0));

  it('builds the fix on first read only, moved by the document offset', () => {
    const lazy = withChanges(finding(), pending, 100);
    assert.equal(built, 0);
    assert.deepEqual(lazy.fix, { title: 'Fix it', edits: [{ start: 100, end: 101, newText: 'x' }] });
    assert.deepEqual(copyFinding(lazy).fix, lazy.fix);
    assert.equal(built, 1);
  });

  it('withoutChanges copies every field but the changes, without building them', () => {
    const lazy = withChanges(finding(), pending, 100);
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
