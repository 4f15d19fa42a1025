import rule from '../../../../rules/kubernetes/hardening/host-users-not-disabled';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const podWithoutUserNamespace = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers: [{name: a}]
`;

ruleTester(rule, {
  valid: [
    { name: 'hostUsers: false', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostUsers: false\n  containers: [{name: a}]\n' },
    { name: 'before Kubernetes 1.33 user namespaces are off by default', code: podWithoutUserNamespace, kubernetesVersion: '1.32' },
    { name: 'Windows pods', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  os: {name: windows}\n  containers: [{name: a}]\n' },
  ],
  invalid: [
    {
      name: 'Pod without hostUsers',
      code: podWithoutUserNamespace,
      kubernetesVersion: '1.33',
      errors: [
        {
          range: [3, 0, 3, 4],
          path: 'spec',
          message: "The pod shares the node's user namespace, so root in a container is root on the node. Set hostUsers: false in the pod spec.",
        },
      ],
    },
    {
      name: 'Deployment with hostUsers: true, CronJob without, flow style',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec: {hostUsers: true, containers: [{name: web}]}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: job}]
      `,
      errors: [
        { range: [5, 22, 5, 26], path: 'spec.template.spec.hostUsers', documentIndex: 0 },
        { range: [14, 8, 14, 12], path: 'spec.jobTemplate.spec.template.spec', documentIndex: 1 },
      ],
    },
  ],
});
