import assert from 'node:assert/strict';
import { effectiveCommand, parseShell } from '../../../rules/engine/dockerfile/shell';

/** Commands as "| word word" strings: a leading "|" marks a command fed by a pipe. */
function shape(script: string, escape = '\\'): string[] {
  return parseShell(script, escape).map((c) => `${c.pipedFromPrevious ? '| ' : ''}${c.words.map((w) => w.value).join(' ')}`);
}

describe('shell tokenizer', () => {
  it('splits on && || ; and newlines, and marks pipes', () => {
    assert.deepEqual(shape('a && b || c; d\ne | f |& g'), ['a', 'b', 'c', 'd', 'e', '| f', '| g']);
  });
  it('keeps quoted operators inside words', () => {
    assert.deepEqual(shape('echo "curl x | sh" \'a && b\''), ['echo curl x | sh a && b']);
  });
  it('joins line continuations and drops comment lines inside them', () => {
    assert.deepEqual(shape('apt-get install -y \\\n  # the client\n  curl \\\n  wget'), ['apt-get install -y curl wget']);
  });
  it('honours the backtick escape directive', () => {
    assert.deepEqual(shape('choco install `\n  git && echo ok', '`'), ['choco install git', 'echo ok']);
  });
  it('drops redirection targets and keeps assignments apart', () => {
    const [make, tee] = parseShell('CC=gcc make 2>&1 > build.log | tee out');
    assert.deepEqual(make.assignments.map((w) => w.value), ['CC=gcc']);
    assert.deepEqual(make.words.map((w) => w.value), ['make']);
    assert.equal(tee.pipedFromPrevious, true);
  });
  it('keeps command substitutions whole and gives exact offsets', () => {
    const script = 'wget -qO- "$(cat url)" | sh';
    const [wget, sh] = parseShell(script);
    assert.deepEqual(wget.words.map((w) => [w.value, script.slice(w.start, w.end)]), [
      ['wget', 'wget'],
      ['-qO-', '-qO-'],
      ['$(cat url)', '"$(cat url)"'],
    ]);
    assert.deepEqual([sh.words[0].start, sh.words[0].end], [25, 27]);
  });
  it('skips comments and looks through sudo/env wrappers', () => {
    const [cmd] = parseShell('sudo -E env FOO=1 curl -k https://x # insecure');
    assert.deepEqual(effectiveCommand(cmd).words.map((w) => w.value), ['curl', '-k', 'https://x']);
  });
});
