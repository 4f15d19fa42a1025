import assert from 'node:assert/strict';
import rule from '../../../../rules/kubernetes/admission/invalid-pod-security-label';
import { runRule, ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'every label well formed, and other prefixes',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: team
          labels:
            pod-security.kubernetes.io/enforce: restricted
            pod-security.kubernetes.io/enforce-version: v1.30
            pod-security.kubernetes.io/audit: baseline
            pod-security.kubernetes.io/warn-version: latest
            app.kubernetes.io/name: team
      `,
    },
  ],
  invalid: [
    {
      name: 'wrong case, version without v, a typo key',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: team
          labels:
            pod-security.kubernetes.io/enforce: Restricted
            pod-security.kubernetes.io/enforce-version: "1.30"
            pod-security.kubernetes.io/enforcement: baseline
      `,
      errors: [
        {
          range: [5, 40, 5, 50],
          path: 'metadata.labels["pod-security.kubernetes.io/enforce"]',
          message: '"Restricted" is not a Pod Security level for pod-security.kubernetes.io/enforce: Pod Security Admission refuses the Namespace. Write one of privileged, baseline, restricted (lower case).',
        },
        {
          range: [6, 48, 6, 54],
          message: '"1.30" is not a Pod Security version for pod-security.kubernetes.io/enforce-version: Pod Security Admission refuses the Namespace. Write latest or v1.N (for example v1.30).',
        },
        {
          range: [7, 4, 7, 42],
          message:
            '"pod-security.kubernetes.io/enforcement" is not a Pod Security Admission label and has no effect. Use pod-security.kubernetes.io/enforce, audit or warn (and their -version labels).',
        },
      ],
    },
  ],
});

describe('invalid-pod-security-label suggestions', () => {
  it('suggests the lower-case level and the v-prefixed version', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: t\n  labels:\n    pod-security.kubernetes.io/warn: BASELINE\n    pod-security.kubernetes.io/warn-version: 1.29\n';
    const changes = runRule(rule, text).map((f) => f.suggestions);
    assert.deepEqual(changes, [
      [{ title: 'Change it to "baseline"', edits: [{ start: 98, end: 106, newText: 'baseline' }] }],
      [{ title: 'Change it to "v1.29"', edits: [{ start: 152, end: 156, newText: 'v1.29' }] }],
    ]);
  });
});
