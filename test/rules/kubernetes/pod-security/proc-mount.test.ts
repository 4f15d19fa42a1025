import rule from '../../../../rules/kubernetes/pod-security/proc-mount';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const userNamespacePod = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: userns}
  spec:
    hostUsers: false
    containers:
      - name: a
        securityContext: {procMount: Unmasked}
`;

ruleTester(rule, {
  valid: [
    {
      name: 'Default, null and unset',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, securityContext: {procMount: Default}}
            - {name: b, securityContext: {procMount: null}}
            - {name: c}
      `,
    },
    { name: 'hostUsers: false relaxes the baseline level from 1.35', code: userNamespacePod, kubernetesVersion: '1.35' },
  ],
  invalid: [
    {
      name: 'hostUsers: false does not relax it before 1.35',
      code: userNamespacePod,
      kubernetesVersion: '1.34',
      errors: [
        {
          range: [7, 35, 7, 43],
          path: 'spec.containers[0].securityContext.procMount',
          message: 'The container "a" sets procMount: "Unmasked", which unmasks /proc. Remove procMount or set it to Default.',
        },
      ],
    },
    {
      name: 'Deployment init container; empty string counts as not Default',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              hostUsers: true
              containers:
                - name: web
                  securityContext:
                    procMount: ""
              initContainers:
                - {name: init, securityContext: {procMount: Unmasked}}
      `,
      errors: [
        { range: [10, 23, 10, 25], message: /^The container "web" sets procMount: "",/ },
        { range: [12, 52, 12, 60], message: /^The init container "init" sets procMount: "Unmasked"/ },
      ],
    },
    {
      name: 'suggests procMount: Default, keeping the comment',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: builder
              securityContext:
                procMount: Unmasked   # nested containers
      `,
      errors: [
        {
          range: [7, 19, 7, 27],
          suggestions: [
            {
              title: 'Set procMount: Default in the securityContext of the container "builder"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: builder
                      securityContext:
                        procMount: Default   # nested containers
              `,
            },
          ],
        },
      ],
    },
  ],
});
