import rule from '../../../../rules/kubernetes/pod-security/allow-privilege-escalation';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'false on every container type',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers: [{name: i, securityContext: {allowPrivilegeEscalation: false}}]
          containers: [{name: a, securityContext: {allowPrivilegeEscalation: no}}]
          ephemeralContainers: [{name: e, securityContext: {allowPrivilegeEscalation: false}}]
      `,
    },
    {
      name: 'Windows pod is exempt',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  os: {name: windows}\n  containers: [{name: a}]\n',
    },
  ],
  invalid: [
    {
      name: 'Deployment: explicit true, missing, null',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  securityContext:
                    allowPrivilegeEscalation: true
                - name: side
                  image: side:1
                - name: nulled
                  securityContext: {allowPrivilegeEscalation: null}
      `,
      errors: [
        {
          range: [9, 38, 9, 42],
          path: 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
          message: 'The container "web" allows privilege escalation. Set allowPrivilegeEscalation: false.',
        },
        {
          range: [10, 16, 10, 20],
          path: 'spec.template.spec.containers[1].name',
          message: 'The container "side" does not forbid privilege escalation. Set securityContext.allowPrivilegeEscalation: false.',
        },
        { range: [12, 16, 12, 22], message: /^The container "nulled" does not forbid/ },
      ],
    },
    {
      name: 'CronJob init and ephemeral containers of a Linux pod',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  os: {name: linux}
                  containers: [{name: c, securityContext: {allowPrivilegeEscalation: false}}]
                  initContainers: [{name: init}]
                  ephemeralContainers: [{name: debug, securityContext: {allowPrivilegeEscalation: true}}]
      `,
      errors: [
        { range: [10, 34, 10, 38], message: /^The init container "init" does not forbid/ },
        { range: [11, 90, 11, 94], message: /^The ephemeral container "debug" allows/ },
      ],
    },
  ],
});
