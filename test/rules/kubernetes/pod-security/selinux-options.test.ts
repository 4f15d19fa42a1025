import rule from '../../../../rules/kubernetes/pod-security/selinux-options';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const engineType = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: nested}
  spec:
    securityContext:
      seLinuxOptions: {type: container_engine_t}
    containers: [{name: podman, image: podman:5}]
`;

ruleTester(rule, {
  valid: [
    {
      name: 'allowed types, level only, empty strings',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext:
            seLinuxOptions: {level: "s0:c123,c456"}
          containers:
            - name: a
              securityContext: {seLinuxOptions: {type: container_t, user: "", role: ""}}
            - name: b
              securityContext: {seLinuxOptions: {type: container_init_t}}
            - name: c
              securityContext: {seLinuxOptions: {type: container_kvm_t}}
            - name: d
              securityContext: {seLinuxOptions: {type: ""}}
      `,
    },
    { name: 'container_engine_t from 1.31', code: engineType, kubernetesVersion: '1.31' },
  ],
  invalid: [
    {
      name: 'container_engine_t before 1.31',
      code: engineType,
      kubernetesVersion: '1.30',
      errors: [
        {
          range: [5, 27, 5, 45],
          path: 'spec.securityContext.seLinuxOptions.type',
          message:
            'The pod sets the SELinux type "container_engine_t", which lifts the container confinement. Remove seLinuxOptions.type or use container_t, container_init_t, container_kvm_t.',
        },
      ],
    },
    {
      name: 'Deployment: spc_t, user and role',
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
                    seLinuxOptions:
                      type: spc_t
                      user: system_u
                      role: system_r
      `,
      errors: [
        { range: [10, 20, 10, 25], message: /^The container "web" sets the SELinux type "spc_t", .* use container_t, container_init_t, container_kvm_t, container_engine_t\.$/ },
        { range: [11, 20, 11, 28], message: 'The container "web" sets the SELinux user "system_u". Remove seLinuxOptions.user.' },
        { range: [12, 20, 12, 28], message: 'The container "web" sets the SELinux role "system_r". Remove seLinuxOptions.role.' },
      ],
    },
    {
      name: 'CronJob ephemeral container, flow style',
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
                  ephemeralContainers: [{name: debug, securityContext: {seLinuxOptions: {type: unconfined_t}}}]
      `,
      errors: [{ range: [9, 87, 9, 99], message: /^The ephemeral container "debug" sets the SELinux type "unconfined_t"/ }],
    },
  ],
});
