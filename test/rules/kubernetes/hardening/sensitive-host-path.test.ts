import rule from '../../../../rules/kubernetes/hardening/sensitive-host-path';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'ordinary host paths, time zone data, CA certificates, runtime sockets (another rule)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a}]
          volumes:
            - {name: logs, hostPath: {path: /var/log/app}}
            - {name: tz, hostPath: {path: /etc/localtime}}
            - {name: zones, hostPath: {path: /usr/share/zoneinfo/}}
            - {name: certs, hostPath: {path: /etc/ssl/certs}}
            - {name: sock, hostPath: {path: /var/run/docker.sock}}
            - {name: etcish, hostPath: {path: /etcetera}}
            - {name: data, emptyDir: {}}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: root, system directories, normalised paths',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers: [{name: web}]
              volumes:
                - name: root
                  hostPath:
                    path: /
                - name: etc
                  hostPath: {path: /etc/}
                - name: sneaky
                  hostPath: {path: "/var/log/../../proc", type: Directory}
                - name: kubelet
                  hostPath: {path: //var/lib/kubelet/pods}
                - name: home
                  hostPath: {path: /home/user/.ssh}
      `,
      errors: [
        {
          range: [10, 18, 10, 19],
          path: 'spec.template.spec.volumes[0].hostPath.path',
          message: 'The hostPath volume "root" (/) exposes the node\'s whole filesystem. Remove it, or use a ConfigMap, Secret or PersistentVolumeClaim instead.',
        },
        {
          range: [12, 27, 12, 32],
          message: 'The hostPath volume "etc" (/etc) exposes the node\'s /etc. Remove it, or use a ConfigMap, Secret or PersistentVolumeClaim instead.',
        },
        { range: [14, 27, 14, 48], message: /^The hostPath volume "sneaky" \(\/proc\) exposes the node's \/proc\./ },
        {
          range: [16, 27, 16, 49],
          message:
            'The hostPath volume "kubelet" (/var/lib/kubelet/pods) exposes a path inside the node\'s /var/lib/kubelet. Remove it, or use a ConfigMap, Secret or PersistentVolumeClaim instead.',
        },
        { range: [18, 27, 18, 42], message: /"home" \(\/home\/user\/\.ssh\) exposes a path inside the node's \/home/ },
      ],
    },
    {
      name: 'CronJob, second document, anchored volume',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: ok}
        spec: {containers: [{name: a}]}
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
                  volumes:
                    - &sys {name: sys, hostPath: {path: /sys}}
      `,
      errors: [{ range: [15, 48, 15, 52], documentIndex: 1, message: /"sys" \(\/sys\)/ }],
    },
  ],
});
