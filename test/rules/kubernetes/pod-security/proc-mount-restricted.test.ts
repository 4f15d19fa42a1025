import rule from '../../../../rules/kubernetes/pod-security/proc-mount-restricted';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const userNamespaceDeployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    template:
      spec:
        hostUsers: false
        containers:
          - name: web
            securityContext: {procMount: Unmasked}
          - name: ok
            securityContext: {procMount: Default}
`;

ruleTester(rule, {
  valid: [
    { name: 'before 1.35 the baseline rule reports it', code: userNamespaceDeployment, kubernetesVersion: '1.34' },
    {
      name: 'pods without a user namespace are the baseline rule\'s',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, securityContext: {procMount: Unmasked}}]
      `,
    },
  ],
  invalid: [
    {
      name: 'user-namespace Deployment from 1.35',
      code: userNamespaceDeployment,
      kubernetesVersion: '1.35',
      errors: [
        {
          range: [9, 39, 9, 47],
          path: 'spec.template.spec.containers[0].securityContext.procMount',
          message:
            'The container "web" sets procMount: "Unmasked"; the restricted Pod Security Standard allows only Default, even with hostUsers: false. Remove procMount or set it to Default.',
        },
      ],
    },
    {
      name: 'CronJob ephemeral container, YAML 1.1 hostUsers: no',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  hostUsers: no
                  containers: [{name: c}]
                  ephemeralContainers: [{name: debug, securityContext: {procMount: Unmasked}}]
      `,
      errors: [{ range: [10, 75, 10, 83], message: /^The ephemeral container "debug"/ }],
    },
    {
      name: 'suggests procMount: Default in a flow securityContext',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostUsers: false
          containers:
            - name: builder
              securityContext: {procMount: Unmasked}
      `,
      errors: [
        {
          range: [7, 35, 7, 43],
          suggestions: [
            {
              title: 'Set procMount: Default in the securityContext of the container "builder"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  hostUsers: false
                  containers:
                    - name: builder
                      securityContext: {procMount: Default}
              `,
            },
          ],
        },
      ],
    },
  ],
});
