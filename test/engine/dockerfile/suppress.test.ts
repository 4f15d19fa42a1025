import assert from 'node:assert/strict';
import rule from '../../../rules/dockerfile/tls-verification-disabled';
import userRule from '../../../rules/dockerfile/final-user-root';
import { ignoreFileEdit, ignoreLineEdit } from '../../../rules/engine/dockerfile/suppress';
import { runDockerfileRule } from '../../harness/dockerfile-tester';
import { applyEdits } from '../../rules/dockerfile/fix-check';

const ID = 'tls-verification-disabled';

function ignoreLine(text: string, needle: string): string {
  return applyEdits(text, [ignoreLineEdit(text, text.indexOf(needle), ID)]);
}

describe('Dockerfile suppression comments', () => {
  it('a comment above a continued RUN suppresses a finding on its third line', () => {
    const text = 'FROM alpine:3.20\n# palisade-ignore tls-verification-disabled -- internal mirror\nRUN apk add --no-cache curl \\\n  && echo ok \\\n  && curl -k https://mirror.local/x\n';
    const [finding] = runDockerfileRule(rule, text.replace('# palisade-ignore', '# not-an-ignore'));
    assert.deepEqual([finding.range.start.line, finding.ruleId], [4, ID]);
    assert.deepEqual(runDockerfileRule(rule, text), []);
  });
  it('a comment above a heredoc RUN suppresses findings in its body; other rules still report', () => {
    const text = 'FROM alpine:3.20\n# palisade-ignore some-other-rule, tls-verification-disabled\nRUN <<EOF\ncurl -k https://x\nEOF\nRUN curl -k https://y\n';
    assert.deepEqual(runDockerfileRule(rule, text).map((f) => f.range.start.line), [5]);
  });
});

describe('ignoreLineEdit', () => {
  it('inserts a comment above the instruction holding the offset, with its indentation', () => {
    const text = 'FROM alpine:3.20\n  RUN echo a \\\n    && curl -k https://x\n';
    const after = ignoreLine(text, '-k');
    assert.equal(after, 'FROM alpine:3.20\n  # palisade-ignore tls-verification-disabled\n  RUN echo a \\\n    && curl -k https://x\n');
    assert.deepEqual(runDockerfileRule(rule, after), []);
  });
  it('keeps CRLF line breaks', () => {
    assert.equal(ignoreLine('FROM a:1\r\nRUN curl -k https://x\r\n', '-k'), 'FROM a:1\r\n# palisade-ignore tls-verification-disabled\r\nRUN curl -k https://x\r\n');
  });
  it('extends a directive already above, keeping its reason', () => {
    const text = 'FROM a:1\n# palisade-ignore sudo-in-run -- legacy base\nRUN sudo curl -k https://x\n';
    const after = ignoreLine(text, '-k');
    assert.equal(after, 'FROM a:1\n# palisade-ignore sudo-in-run, tls-verification-disabled -- legacy base\nRUN sudo curl -k https://x\n');
    assert.deepEqual(runDockerfileRule(rule, after), []);
  });
  it('changes nothing when the rule is already listed', () => {
    const text = 'FROM a:1\n# palisade-ignore tls-verification-disabled\nRUN curl -k https://x\n';
    assert.equal(ignoreLine(text, '-k'), text);
  });
  it('goes above the first instruction, after the parser directives', () => {
    const text = '# escape=`\nFROM alpine:3.20\n';
    const edit = ignoreLineEdit(text, text.indexOf('FROM'), 'final-user-root');
    const after = applyEdits(text, [edit]);
    assert.equal(after, '# escape=`\n# palisade-ignore final-user-root\nFROM alpine:3.20\n');
    assert.deepEqual(runDockerfileRule(userRule, after), []);
  });
});

describe('ignoreFileEdit', () => {
  it('inserts the file directive at the top', () => {
    const after = applyEdits('FROM a:1\n', [ignoreFileEdit('FROM a:1\n', 'final-user-root')]);
    assert.equal(after, '# palisade-ignore-file final-user-root\nFROM a:1\n');
    assert.deepEqual(runDockerfileRule(userRule, after), []);
  });
  it('inserts it after parser directives, which must stay first', () => {
    const text = '# syntax=docker/dockerfile:1\r\n# escape=`\r\nFROM a:1\r\n';
    assert.equal(applyEdits(text, [ignoreFileEdit(text, ID)]), '# syntax=docker/dockerfile:1\r\n# escape=`\r\n# palisade-ignore-file tls-verification-disabled\r\nFROM a:1\r\n');
  });
  it('adds a line break when the directives end the file', () => {
    assert.equal(applyEdits('# escape=`', [ignoreFileEdit('# escape=`', ID)]), '# escape=`\n# palisade-ignore-file tls-verification-disabled');
  });
  it('extends an existing file directive anywhere in the file, keeping its reason', () => {
    const text = 'FROM a:1\n# palisade-ignore-file sudo-in-run -- vendored\nRUN curl -k https://x\n';
    const after = applyEdits(text, [ignoreFileEdit(text, ID)]);
    assert.equal(after, 'FROM a:1\n# palisade-ignore-file sudo-in-run, tls-verification-disabled -- vendored\nRUN curl -k https://x\n');
    assert.deepEqual(runDockerfileRule(rule, after), []);
  });
});
