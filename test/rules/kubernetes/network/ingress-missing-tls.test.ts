import assert from 'node:assert/strict';
import rule from '../../../../rules/kubernetes/network/ingress-missing-tls';
import { applyEdits } from '../../../../rules/engine/fixer';
import { ruleTester, runRule, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'Ingress with TLS',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web}
        spec:
          tls:
            - hosts: [a.example.com]
              secretName: web-tls
          rules:
            - host: a.example.com
      `,
    },
    { name: 'Ingress without rules (default backend only)', code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: x}\nspec:\n  defaultBackend: {service: {name: s, port: {number: 80}}}\n' },
  ],
  invalid: [
    {
      name: 'no tls key: points at rules',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web}
        spec:
          rules:
            - host: a.example.com
      `,
      errors: [
        {
          range: [4, 2, 4, 7],
          path: 'spec.rules',
          message: 'The Ingress "web" has no TLS: its hosts are served over plain HTTP. Add spec.tls with the hosts and the Secret that holds their certificate.',
        },
      ],
    },
    {
      name: 'empty tls list: points at tls',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web}
        spec:
          tls: []
          rules: [{host: a.example.com}]
      `,
      errors: [{ range: [4, 2, 4, 5], path: 'spec.tls' }],
    },
  ],
});

describe('ingress-missing-tls suggestion', () => {
  it('adds spec.tls with every host once and <name>-tls', () => {
    const code = yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web}
      spec:
        rules:
          - host: a.example.com
          - host: b.example.com
          - host: a.example.com
    `;
    const [finding] = runRule(rule, code);
    assert.equal(finding.suggestions?.[0].title, 'Add spec.tls for a.example.com, b.example.com with the Secret "web-tls"');
    const fixed = applyEdits(code, finding.suggestions![0].edits).text;
    assert.equal(
      fixed,
      code + '  tls:\n    - hosts:\n        - a.example.com\n        - b.example.com\n      secretName: web-tls\n',
    );
    assert.deepEqual(runRule(rule, fixed), []);
  });
  it('replaces an empty list (pitfall 5)', () => {
    const code = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  tls: []\n  rules: [{http: {}}]\n';
    const [finding] = runRule(rule, code);
    const fixed = applyEdits(code, finding.suggestions![0].edits).text;
    assert.equal(fixed, 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  tls:\n    - secretName: web-tls\n  rules: [{http: {}}]\n');
    assert.deepEqual(runRule(rule, fixed), []);
  });
});
