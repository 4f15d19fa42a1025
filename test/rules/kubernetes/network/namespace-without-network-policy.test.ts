import assert from 'node:assert/strict';
import { analyzeFile } from '../../../../rules/engine/analyze';
import { applyEdits } from '../../../../rules/engine/fixer';
import { analyzeWorkspace, type WorkspaceFinding } from '../../../../rules/engine/workspace';
import rule from '../../../../rules/kubernetes/network/namespace-without-network-policy';
import { ruleOptions, yaml } from '../../../harness/rule-tester';

const options = ruleOptions();
const resolved = [{ rule, severity: rule.meta.severity }];

function run(files: Record<string, string>): Map<string, WorkspaceFinding[]> {
  const analysed = Object.entries(files).map(([file, text]) => ({ file, text, analysis: analyzeFile(file, text, [], options) }));
  return analyzeWorkspace(analysed, resolved, options);
}

function summary(result: Map<string, WorkspaceFinding[]>): string[] {
  return [...result].flatMap(([file, findings]) =>
    findings.map((f) => `${file} ${f.documentIndex} ${f.path} [${f.range.start.line},${f.range.start.character},${f.range.end.line},${f.range.end.character}]`),
  );
}

const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
          - name: web
            ports:
              - containerPort: 8080
`;

describe('namespace-without-network-policy', () => {
  it('reports workloads whose namespace has no NetworkPolicy, on metadata.namespace or kind', () => {
    const result = run({
      'a.yaml': deployment,
      'b.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c}]}\n',
      'c.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n',
    });
    assert.deepEqual(summary(result), ['a.yaml 0 metadata.namespace [4,13,4,17]', 'b.yaml 0 kind [1,6,1,9]']);
    assert.equal(
      result.get('a.yaml')![0].message,
      'The Deployment "web" runs in namespace "shop", which has no NetworkPolicy: its pods accept traffic from anywhere. Add a default-deny NetworkPolicy to "shop" and allow only what the workload needs.',
    );
  });

  it('a NetworkPolicy in another file covers the namespace; unset namespaces are "default"', () => {
    const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}}\n';
    const defaultPolicy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}}\n';
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: default}\nspec: {containers: [{name: c}]}\n';
    assert.deepEqual(summary(run({ 'a.yaml': deployment, 'np.yaml': policy, 'p.yaml': pod, 'd.yaml': defaultPolicy })), []);
  });

  it('suggests a default-deny policy and an allow policy as new documents after the workload', () => {
    const text = deployment + '---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n';
    const [finding] = run({ 'a.yaml': text }).get('a.yaml')!;
    assert.deepEqual(finding.suggestions!.map((s) => s.title), [
      'Add a default-deny NetworkPolicy for namespace "shop" (blocks all traffic not allowed by another policy)',
      'Add a NetworkPolicy for the Deployment "web" that allows ingress to ports 8080/TCP only',
    ]);
    const denied = applyEdits(text, finding.suggestions![0].edits).text;
    assert.equal(
      denied,
      deployment +
        '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes:\n    - Ingress\n    - Egress\n' +
        '---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n',
    );
    assert.deepEqual(summary(run({ 'a.yaml': denied })), []);
    const allowed = applyEdits(text, finding.suggestions![1].edits).text;
    assert.equal(
      allowed.slice(deployment.length, allowed.indexOf('---', deployment.length + 3)),
      '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web-allow-ingress\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n  policyTypes:\n    - Ingress\n  ingress:\n    - ports:\n        - protocol: TCP\n          port: 8080\n',
    );
    assert.deepEqual(summary(run({ 'a.yaml': allowed })), []);
  });

  it('leaves the namespace out of the policy when the workload has none, with CRLF and no final newline', () => {
    const text = 'apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: p}\r\nspec: {containers: [{name: c}]}';
    const [finding] = run({ 'p.yaml': text }).get('p.yaml')!;
    assert.equal(finding.suggestions!.length, 1, 'no labels: no allow policy');
    const fixed = applyEdits(text, finding.suggestions![0].edits).text;
    assert.equal(
      fixed,
      text + '\r\n---\r\napiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n  name: default-deny\r\nspec:\r\n  podSelector: {}\r\n  policyTypes:\r\n    - Ingress\r\n    - Egress',
    );
    assert.deepEqual(summary(run({ 'p.yaml': fixed })), []);
  });
});
