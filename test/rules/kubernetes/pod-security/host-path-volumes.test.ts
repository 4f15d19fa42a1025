import rule from '../../../../rules/kubernetes/pod-security/host-path-volumes';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'other volume types and a null hostPath',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: nginx:1.27}]
          volumes:
            - {name: cache, emptyDir: {}}
            - {name: data, persistentVolumeClaim: {claimName: data}}
            - {name: odd, hostPath: null, emptyDir: {}}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment hostPath volume',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: agent}
        spec:
          template:
            spec:
              containers: [{name: agent, image: agent:1}]
              volumes:
                - name: docker-sock
                  hostPath:
                    path: /var/run/docker.sock
      `,
      errors: [
        {
          range: [9, 10, 9, 18],
          path: 'spec.template.spec.volumes[0].hostPath',
          message:
            'The volume "docker-sock" mounts the node\'s filesystem at /var/run/docker.sock (hostPath). Use emptyDir, a configMap, a secret or a persistentVolumeClaim instead.',
        },
      ],
    },
    {
      name: 'CronJob, flow style, hostPath without a path',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: c, image: busybox:1.36}]
                  volumes: [{name: root, hostPath: {}}]
      `,
      errors: [{ range: [9, 33, 9, 41], message: /^The volume "root" mounts the node's filesystem \(hostPath\)\./ }],
    },
  ],
});
