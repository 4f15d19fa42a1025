import rule from '../../../../rules/kubernetes/hardening/root-group';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'non-zero groups, unset groups',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {runAsGroup: 10001, fsGroup: 10001, supplementalGroups: [10002]}
          containers: [{name: a}, {name: b}]
      `,
    },
    {
      name: 'user namespaces remap group 0',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostUsers: false
          securityContext: {runAsGroup: 0, fsGroup: 0}
          containers: [{name: a}]
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: pod-level runAsGroup, fsGroup, supplementalGroups and a container override',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              securityContext:
                runAsGroup: 0
                fsGroup: 0
                supplementalGroups: [10001, 0]
              containers:
                - name: web
                - name: side
                - name: own
                  securityContext: {runAsGroup: 0}
                - name: fine
                  securityContext: {runAsGroup: 10001}
      `,
      errors: [
        {
          range: [7, 20, 7, 21],
          path: 'spec.template.spec.securityContext.runAsGroup',
          message: 'The pod-level runAsGroup: 0 puts the containers "web" and "side" in the root group. Set runAsGroup to a non-zero GID such as 10001.',
        },
        { range: [14, 40, 14, 41], message: 'The container "own" runs in the root group. Set runAsGroup to a non-zero GID such as 10001.' },
        {
          range: [8, 17, 8, 18],
          message: 'fsGroup: 0 gives the root group ownership of every volume of the pod. Set fsGroup to a non-zero GID such as 10001.',
        },
        {
          range: [9, 36, 9, 37],
          path: 'spec.template.spec.securityContext.supplementalGroups[1]',
          message: 'supplementalGroups lists 0, adding the root group to every container of the pod. Remove 0 from supplementalGroups.',
        },
      ],
    },
    {
      name: 'CronJob init container',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: job}]
                  initContainers:
                    - name: init
                      securityContext:
                        runAsGroup: 0
      `,
      errors: [{ range: [12, 28, 12, 29], message: /^The init container "init" runs in the root group/ }],
    },
  ],
});
