import assert from 'node:assert/strict';
import rule from '../../../../rules/kubernetes/api-versions/deprecated-api-version';
import { runRule, ruleTester } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'removed in the target: the removed rule reports it', code: 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\n' },
    { name: 'not yet deprecated in the target', kubernetesVersion: '1.28', code: 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: {name: f}\n' },
  ],
  invalid: [
    {
      name: 'deprecated and scheduled for removal',
      kubernetesVersion: '1.25',
      code: 'apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\n',
      errors: [
        {
          range: [0, 12, 0, 31],
          path: 'apiVersion',
          message: 'autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated since Kubernetes 1.23 (target 1.25), and 1.26 removes it. Use autoscaling/v2 instead.',
        },
      ],
    },
    {
      name: 'deprecated without a removal date',
      code: 'apiVersion: v1\nkind: ComponentStatus\nmetadata: {name: c}\n',
      errors: [{ range: [0, 12, 0, 14], message: "v1 ComponentStatus is deprecated since Kubernetes 1.19 (target 1.37). Query the components' health endpoints instead." }],
    },
  ],
});

describe('deprecated-api-version changes', () => {
  it('fixes the version when the schema is the same', () => {
    const [finding] = runRule(rule, 'apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\n', { kubernetesVersion: '1.25' });
    assert.deepEqual(finding.fix, { title: 'Change apiVersion to autoscaling/v2', edits: [{ start: 12, end: 31, newText: 'autoscaling/v2' }] });
  });
});
