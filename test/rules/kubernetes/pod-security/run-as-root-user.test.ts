import rule from '../../../../rules/kubernetes/pod-security/run-as-root-user';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const userNamespacePod = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: userns}
  spec:
    hostUsers: false
    securityContext: {runAsUser: 0}
    containers: [{name: a}]
`;

ruleTester(rule, {
  valid: [
    {
      name: 'non-zero and unset UIDs',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {runAsUser: 1000}
          containers: [{name: a, securityContext: {runAsUser: 10001}}, {name: b}]
      `,
    },
    { name: 'hostUsers: false from 1.35', code: userNamespacePod, kubernetesVersion: '1.35' },
  ],
  invalid: [
    {
      name: 'hostUsers: false before 1.35',
      code: userNamespacePod,
      kubernetesVersion: '1.34',
      errors: [
        {
          range: [5, 31, 5, 32],
          path: 'spec.securityContext.runAsUser',
          message: 'The pod runs as root (runAsUser: 0). Set runAsUser to a non-zero UID.',
        },
      ],
    },
    {
      name: 'Deployment: pod-level 0 with container overrides, and a container 0',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              securityContext:
                runAsUser: 0
              containers:
                - name: web
                  securityContext: {runAsUser: 1000}
              initContainers:
                - name: init
                  securityContext:
                    runAsUser: 0
      `,
      errors: [
        { range: [7, 19, 7, 20], message: /^The pod runs as root/ },
        { range: [14, 23, 14, 24], message: 'The init container "init" runs as root (runAsUser: 0). Set runAsUser to a non-zero UID.' },
      ],
    },
    {
      name: 'CronJob ephemeral container',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: c}]
                  ephemeralContainers: [{name: debug, securityContext: {runAsUser: 0}}]
      `,
      errors: [{ range: [9, 75, 9, 76], message: /^The ephemeral container "debug" runs as root/ }],
    },
    {
      name: 'suggests the snippet UID 10001, keeping the comment and the flow style',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext:
            runAsUser: 0  # from the old chart
          containers:
            - name: web
              securityContext: {runAsUser: 0, runAsGroup: 3000}
      `,
      errors: [
        {
          range: [5, 15, 5, 16],
          suggestions: [
            {
              title: "Set runAsUser: 10001 in the pod's securityContext",
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    runAsUser: 10001  # from the old chart
                  containers:
                    - name: web
                      securityContext: {runAsUser: 0, runAsGroup: 3000}
              `,
            },
          ],
        },
        {
          range: [8, 35, 8, 36],
          suggestions: [
            {
              title: 'Set runAsUser: 10001 in the securityContext of the container "web"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    runAsUser: 0  # from the old chart
                  containers:
                    - name: web
                      securityContext: {runAsUser: 10001, runAsGroup: 3000}
              `,
            },
          ],
        },
      ],
    },
  ],
});
