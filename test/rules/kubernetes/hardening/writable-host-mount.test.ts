import rule from '../../../../rules/kubernetes/hardening/writable-host-mount';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'read-only hostPath mounts, writable emptyDir mounts',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              volumeMounts:
                - {name: logs, mountPath: /host/logs, readOnly: true}
                - {name: scratch, mountPath: /tmp}
          volumes:
            - {name: logs, hostPath: {path: /var/log}}
            - {name: scratch, emptyDir: {}}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: readOnly missing or false',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  volumeMounts:
                    - name: logs
                      mountPath: /host/logs
                    - {name: logs, mountPath: /again, readOnly: false}
              volumes:
                - name: logs
                  hostPath: {path: /var/log/}
      `,
      errors: [
        {
          range: [9, 20, 9, 24],
          path: 'spec.template.spec.containers[0].volumeMounts[0].name',
          message: 'The container "web" mounts the node\'s /var/log (volume "logs") at /host/logs writable. Add readOnly: true to the volumeMount.',
        },
        { range: [11, 56, 11, 61], path: 'spec.template.spec.containers[0].volumeMounts[1].readOnly', message: /at \/again writable/ },
      ],
    },
    {
      name: 'CronJob init and ephemeral containers',
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
                    - {name: init, volumeMounts: [{name: data, mountPath: /data}]}
                  ephemeralContainers:
                    - {name: debug, volumeMounts: [{name: data, mountPath: /data}]}
                  volumes: [{name: data, hostPath: {path: /srv/data}}]
      `,
      errors: [
        { range: [10, 49, 10, 53], message: /^The init container "init" mounts the node's \/srv\/data/ },
        { range: [12, 50, 12, 54], message: /^The ephemeral container "debug" mounts/ },
      ],
    },
  ],
});
