/**
 * Inline suppression: the object annotation and the comment forms. A suppressed finding is
 * kept and says how it was suppressed, so reports can still list it.
 */
import assert from 'node:assert/strict';
import { analyzeYamlText } from '../../rules/engine/analyze';
import type { Finding } from '../../rules/engine/types';
import { ruleOptions, yaml } from '../harness/rule-tester';
import { privilegedContainer, reportName, resolved } from './fixtures';

function run(code: string): Array<[string, number, Finding['suppressed'] | null]> {
  const result = analyzeYamlText(code, resolved(privilegedContainer, reportName), ruleOptions());
  return result.findings.map((f) => [f.ruleId, f.range.start.line, f.suppressed ?? null]);
}

describe('engine: suppression by annotation', () => {
  const pod = (annotations: string) => yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
      annotations:
        ${annotations}
    spec:
      containers:
        - {name: a, securityContext: {privileged: true}}
  `;

  it('suppresses the listed rule with its reason, and only that rule', () => {
    const code = pod('palisade.dev/ignore: "privileged-container, host-network"\n        palisade.dev/ignore-reason: "Node agent"');
    assert.deepEqual(run(code), [
      ['privileged-container', 9, { via: 'annotation', reason: 'Node agent' }],
      ['report-name', 3, null],
    ]);
  });

  it('suppresses every rule with "*", without a reason when none is given', () => {
    assert.deepEqual(run(pod('palisade.dev/ignore: "*"')), [
      ['privileged-container', 8, { via: 'annotation' }],
      ['report-name', 3, { via: 'annotation' }],
    ]);
  });

  it('does not suppress rules that are not listed', () => {
    assert.deepEqual(run(pod('palisade.dev/ignore: host-pid')), [
      ['privileged-container', 8, null],
      ['report-name', 3, null],
    ]);
  });
});

describe('engine: suppression by comment', () => {
  it('on the offending line, with a reason after --', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - {name: a, securityContext: {privileged: true}}  # palisade-ignore privileged-container -- debugging image
    `;
    assert.deepEqual(run(code), [
      ['privileged-container', 5, { via: 'comment', reason: 'debugging image' }],
      ['report-name', 2, null],
    ]);
  });

  it('in the comment lines just above, but not across a line of YAML', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      # palisade-ignore report-name -- generated name
      # (kept for the audit)
      metadata: {name: p}
      spec:
        containers:
          # palisade-ignore privileged-container
          - name: a
            securityContext: {privileged: true}
    `;
    assert.deepEqual(run(code), [
      ['privileged-container', 9, null],
      ['report-name', 4, { via: 'comment', reason: 'generated name' }],
    ]);
  });

  it('for the whole file with palisade-ignore-file, in any document', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - {name: a, securityContext: {privileged: true}}
      ---
      # palisade-ignore-file privileged-container -- lab cluster only
      apiVersion: v1
      kind: Pod
      metadata: {name: q}
    `;
    assert.deepEqual(run(code), [
      ['privileged-container', 5, { via: 'comment', reason: 'lab cluster only' }],
      ['report-name', 2, null],
      ['report-name', 10, null],
    ]);
  });

  it('for every rule with "*" or with no rule id', () => {
    const code = (directive: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}  # ${directive}\n`;
    assert.deepEqual(run(code('palisade-ignore *')), [['report-name', 2, { via: 'comment' }]]);
    assert.deepEqual(run(code('palisade-ignore')), [['report-name', 2, { via: 'comment' }]]);
    assert.deepEqual(run(code('palisade-ignore other-rule')), [['report-name', 2, null]]);
  });

  it('works with CRLF line endings', () => {
    const code = 'apiVersion: v1\r\nkind: Pod\r\n# palisade-ignore report-name -- ok\r\nmetadata: {name: p}\r\n';
    assert.deepEqual(run(code), [['report-name', 3, { via: 'comment', reason: 'ok' }]]);
  });
});
