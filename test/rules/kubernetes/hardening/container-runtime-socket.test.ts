import rule from '../../../../rules/kubernetes/hardening/container-runtime-socket';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'unrelated host paths; the root is left to sensitive-host-path',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a}]
          volumes:
            - {name: logs, hostPath: {path: /var/log}}
            - {name: root, hostPath: {path: /}}
            - {name: app, hostPath: {path: /run/app.sock}}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: sockets of each runtime and their directories',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers: [{name: web}]
              volumes:
                - name: docker
                  hostPath: {path: /var/run/docker.sock, type: Socket}
                - {name: containerd, hostPath: {path: /run/containerd/containerd.sock}}
                - {name: crio, hostPath: {path: "/var/run/crio/crio.sock/"}}
                - {name: podman, hostPath: {path: /run/user/1000/podman/podman.sock}}
                - {name: cri-dockerd, hostPath: {path: /var/run/cri-dockerd.sock}}
                - {name: run, hostPath: {path: /var/run}}
                - {name: containerd-dir, hostPath: {path: /run/containerd/}}
      `,
      errors: [
        {
          range: [9, 27, 9, 47],
          path: 'spec.template.spec.volumes[0].hostPath.path',
          message:
            'The hostPath volume "docker" (/var/run/docker.sock) mounts the container runtime socket, which gives root on the node. Remove the volume.',
        },
        { range: [10, 46, 10, 77], message: /"containerd" \(\/run\/containerd\/containerd\.sock\) mounts the container runtime socket/ },
        { range: [11, 40, 11, 66], message: /"crio" \(\/var\/run\/crio\/crio\.sock\) mounts the container runtime socket/ },
        { range: [12, 42, 12, 75], message: /"podman"/ },
        { range: [13, 47, 13, 72], message: /"cri-dockerd"/ },
        {
          range: [14, 39, 14, 47],
          message:
            'The hostPath volume "run" (/var/run) mounts a directory holding the container runtime socket /var/run/docker.sock, which gives root on the node. Remove the volume.',
        },
        { range: [15, 50, 15, 66], message: /"containerd-dir" \(\/run\/containerd\) mounts a directory holding the container runtime socket \/run\/containerd\/containerd\.sock/ },
      ],
    },
    {
      name: 'CronJob',
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
                  volumes: [{name: sock, hostPath: {path: /var/run/../run/docker.sock}}]
      `,
      errors: [{ range: [9, 50, 9, 77], message: /"sock" \(\/var\/run\/docker\.sock\) mounts the container runtime socket/ }],
    },
  ],
});
