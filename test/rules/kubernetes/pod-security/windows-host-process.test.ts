import rule from '../../../../rules/kubernetes/pod-security/windows-host-process';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'hostProcess false, other windowsOptions',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: w}
        spec:
          os: {name: windows}
          securityContext: {windowsOptions: {hostProcess: false, runAsUserName: ContainerUser}}
          containers: [{name: a, securityContext: {windowsOptions: {gmsaCredentialSpecName: spec}}}]
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment pod-level and container-level',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: agent}
        spec:
          template:
            spec:
              securityContext:
                windowsOptions:
                  hostProcess: true
              containers:
                - name: agent
                  securityContext: {windowsOptions: {hostProcess: true}}
      `,
      errors: [
        {
          range: [8, 23, 8, 27],
          path: 'spec.template.spec.securityContext.windowsOptions.hostProcess',
          message:
            "The pod runs as a Windows HostProcess container (hostProcess: true), with the node's privileges. Remove hostProcess or set it to false.",
        },
        { range: [11, 58, 11, 62], message: /^The container "agent" runs as a Windows HostProcess container/ },
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
                  containers: [{name: c}]
                  initContainers: [{name: init, securityContext: {windowsOptions: {hostProcess: true}}}]
      `,
      errors: [{ range: [9, 88, 9, 92], message: /^The init container "init"/ }],
    },
  ],
});
