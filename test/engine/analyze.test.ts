/**
 * How the runner treats what a file really contains: anchors and YAML 1.1 values, files it
 * must refuse, syntax errors, Helm templates, non-Kubernetes YAML and rules that throw.
 */
import assert from 'node:assert/strict';
import { analyzeFile, analyzeYamlText } from '../../rules/engine/analyze';
import { ruleOptions, yaml } from '../harness/rule-tester';
import { privilegedContainer, reportName, resolved, summary, throwingRule, walkEverything } from './fixtures';

const options = ruleOptions();
const PRIVILEGED = 'The container "a" is privileged: it can take over the node. Set privileged: false.';

/** Nine levels of nine aliases: 9^9 scalars once expanded ("billion laughs"). */
function aliasBomb(): string {
  const levels = 'abcdefghi'.split('');
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: lol}', 'data:', `  a: &a [${Array(9).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels.length; i++) lines.push(`  ${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

describe('engine: YAML features', () => {
  it('follows anchors and aliases: a shared container is reported for each use, at the anchored node', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - &c {name: a, securityContext: {privileged: true}}
          - *c
    `;
    const findings = analyzeYamlText(code, resolved(privilegedContainer), options).findings;
    assert.deepEqual(
      findings.map((f) => [f.path, ...summary([f])[0]]),
      [
        ['spec.containers[0].securityContext.privileged', 'privileged-container', 0, 5, 49, 5, 53],
        ['spec.containers[1].securityContext.privileged', 'privileged-container', 0, 5, 49, 5, 53],
      ],
    );
  });

  it('follows merge keys, explicit keys winning over merged ones', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      x-defaults: &defaults {privileged: true}
      spec:
        containers:
          - name: a
            securityContext:
              <<: *defaults
          - name: b
            securityContext:
              <<: *defaults
              privileged: false
    `;
    const findings = analyzeYamlText(code, resolved(privilegedContainer), options).findings;
    assert.deepEqual(
      findings.map((f) => [f.path, f.message, ...summary([f])[0].slice(2)]),
      [['spec.containers[0].securityContext.privileged', PRIVILEGED, 3, 35, 3, 39]],
    );
  });

  it('reads YAML 1.1 booleans as Kubernetes does (yes, On, y, TRUE), and quoted "yes" as a string', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - {name: a, securityContext: {privileged: yes}}
          - {name: b, securityContext: {privileged: On}}
          - {name: c, securityContext: {privileged: "yes"}}
          - {name: d, securityContext: {privileged: y}}
          - {name: e, securityContext: {privileged: TRUE}}
          - {name: f, securityContext: {privileged: no}}
    `;
    const findings = analyzeYamlText(code, resolved(privilegedContainer), options).findings;
    assert.deepEqual(
      findings.map((f) => [f.path, ...summary([f])[0].slice(2)]),
      [
        ['spec.containers[0].securityContext.privileged', 5, 46, 5, 49],
        ['spec.containers[1].securityContext.privileged', 6, 46, 6, 48],
        ['spec.containers[3].securityContext.privileged', 8, 46, 8, 47],
        ['spec.containers[4].securityContext.privileged', 9, 46, 9, 50],
      ],
    );
  });

  it('stops a billion-laughs document quickly with one file-not-analyzed finding, other documents still analysed', function () {
    // The mocha timeout is the guard here: without the alias budget this walk would not end.
    this.timeout(5000);
    const code = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\n${aliasBomb()}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: after}\n`;
    const result = analyzeYamlText(code, resolved(walkEverything), options);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.documentIndex, f.message, ...summary([f])[0].slice(2)]),
      [
        ['walk-everything', 0, '3 scalars', 1, 6, 1, 15],
        ['file-not-analyzed', 1, 'Document not analysed: the document expands too many aliases to be analysed safely.', 3, 0, 3, 0],
        ['walk-everything', 2, '3 scalars', 19, 6, 19, 15],
      ],
    );
  });
});

describe('engine: files that cannot be analysed', () => {
  it('refuses a binary file with one file-not-analyzed finding', () => {
    const result = analyzeFile('image.yaml', 'apiVersion: v1\0\0\x01kind', resolved(privilegedContainer), options);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.severity, f.message, ...summary([f])[0].slice(1)]),
      [['file-not-analyzed', 'warning', 'File not analysed: it looks binary (it contains NUL bytes).', 0, 0, 0, 0, 0]],
    );
    assert.equal(result.documentCount, 0);
  });

  it('refuses a file larger than maxFileSize', () => {
    const code = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  k: "${'x'.repeat(200)}"\n`;
    const result = analyzeFile('big.yaml', code, resolved(reportName), { ...options, maxFileSize: 100 });
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.message]),
      [['file-not-analyzed', `File not analysed: it has ${code.length} characters, more than the limit of 100.`]],
    );
    assert.deepEqual(
      analyzeFile('big.yaml', code, resolved(reportName), { ...options, maxFileSize: code.length }).findings.map((f) => f.ruleId),
      ['report-name'],
      'a file exactly at the limit is analysed',
    );
  });
});

describe('engine: syntax errors', () => {
  const code = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: broken
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
        - name: a
          securityContext: {privileged: true}
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: dup
      name: again
  `;

  it('reports one parse-error per broken document, inside that document, and analyses the others', () => {
    const result = analyzeYamlText(code, resolved(privilegedContainer), options);
    assert.equal(result.documentCount, 3);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.documentIndex, f.message, ...summary([f])[0].slice(2)]),
      [
        [
          'parse-error',
          0,
          'YAML syntax error (BAD_INDENT): Flow map in block collection must be sufficiently indented and end with a }. This document was not checked.',
          2,
          0,
          2,
          23,
        ],
        ['privileged-container', 1, PRIVILEGED, 10, 36, 10, 40],
        ['parse-error', 2, 'YAML syntax error (DUPLICATE_KEY): Map keys must be unique. This document was not checked.', 16, 2, 16, 3],
      ],
    );
  });

  it('reports one parse-error for a document with several errors', () => {
    const result = analyzeYamlText('a: [1, 2\nb: {c\nd: "open\n', resolved(reportName), options);
    assert.deepEqual(
      result.findings.map((f) => f.ruleId),
      ['parse-error'],
    );
  });
});

describe('engine: Helm templates', () => {
  const chartTemplate = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: {{ include "web.fullname" . }}
      labels:
        {{- include "web.labels" . | nindent 4 }}
    spec:
      {{- if not .Values.autoscaling.enabled }}
      replicas: {{ .Values.replicaCount }}
      {{- end }}
      selector:
        matchLabels:
          {{- include "web.selectorLabels" . | nindent 6 }}
      template:
        spec:
          containers:
            - name: {{ .Chart.Name }}
              securityContext:
                {{- toYaml .Values.securityContext | nindent 12 }}
              image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
    ---
    apiVersion: v1
    kind: Service
    metadata:
      name: {{ include "web.fullname" . }}
      labels:
        {{- include "web.labels" . | nindent 4 }}
    spec:
      type: {{ .Values.service.type }}
      ports:
        - port: {{ .Values.service.port }}
          targetPort: http
  `;

  it('reports exactly one template-not-analyzed finding and no parse error', () => {
    const result = analyzeFile('templates/deployment.yaml', chartTemplate, resolved(privilegedContainer, reportName), options);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.severity, f.message, ...summary([f])[0].slice(1)]),
      [
        [
          'template-not-analyzed',
          'info',
          'Template directives ({{ }}) make this document invalid YAML, so it was not checked. Render it first: helm template ... | palisade scan -',
          0,
          3,
          8,
          3,
          38,
        ],
      ],
    );
  });
});

describe('engine: YAML that is not Kubernetes', () => {
  it('reports nothing on a CI workflow or a compose file, even with "privileged: true" in it', () => {
    const workflow = 'name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    container: {image: node, options: --privileged}\n';
    const compose = 'services:\n  web:\n    image: nginx\n    privileged: true\n';
    for (const code of [workflow, compose]) {
      const result = analyzeFile('ci.yaml', code, resolved(privilegedContainer, reportName, walkEverything), options);
      assert.deepEqual(result.findings, []);
      assert.deepEqual(result.objects, []);
    }
  });

  it('reports not even the syntax errors of a file that is not Kubernetes', () => {
    const brokenCompose = 'services:\n  web: {image: nginx\n';
    assert.deepEqual(analyzeFile('compose.yaml', brokenCompose, resolved(reportName), options).findings, []);
  });

  it('reports nothing on a file with only comments, or empty', () => {
    for (const code of ['# nothing here\n', '', '---\n']) {
      assert.deepEqual(analyzeFile('x.yaml', code, resolved(reportName), options).findings, []);
    }
  });
});

describe('engine: a rule that throws', () => {
  it('becomes one internal-error finding on the kind, and the other rules still report', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - {name: a, securityContext: {privileged: true}}
    `;
    const result = analyzeYamlText(code, resolved(throwingRule, privilegedContainer), options);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.severity, f.message, ...summary([f])[0].slice(1)]),
      [
        ['internal-error', 'error', 'Rule always-throws failed on this document: boom', 0, 1, 6, 1, 9],
        ['privileged-container', 'error', PRIVILEGED, 0, 5, 46, 5, 50],
      ],
    );
  });
});
