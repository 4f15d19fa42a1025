import rule from '../../../../rules/kubernetes/pod-security/host-probes-and-lifecycle';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const metadataProbe = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
      - name: app
        livenessProbe:
          httpGet: {host: 169.254.169.254, path: /latest/meta-data, port: 80}
`;

ruleTester(rule, {
  valid: [
    { name: 'before 1.34 the control does not exist', code: metadataProbe, kubernetesVersion: '1.33' },
    {
      name: 'no host, empty host, Host header',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: app
              readinessProbe: {httpGet: {path: /ready, port: 8080, httpHeaders: [{name: Host, value: app.example.com}]}}
              startupProbe: {tcpSocket: {host: "", port: 8080}}
              lifecycle: {preStop: {exec: {command: [sleep, "5"]}}}
      `,
    },
  ],
  invalid: [
    {
      name: 'liveness probe at 1.34',
      code: metadataProbe,
      kubernetesVersion: '1.34',
      errors: [
        {
          range: [7, 24, 7, 39],
          path: 'spec.containers[0].livenessProbe.httpGet.host',
          message:
            'The container "app" sends its livenessProbe httpGet to host "169.254.169.254" from the node. Remove host (use an httpHeaders Host header for virtual hosts).',
        },
      ],
    },
    {
      name: 'Deployment init container probes and lifecycle hooks',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers: [{name: web}]
              initContainers:
                - name: sidecar
                  startupProbe:
                    tcpSocket: {host: db.internal, port: 5432}
                  lifecycle:
                    postStart:
                      httpGet: {host: localhost, port: 10250}
                    preStop:
                      tcpSocket: {host: 10.0.0.1, port: 22}
      `,
      errors: [
        { range: [10, 30, 10, 41], message: /^The init container "sidecar" sends its startupProbe tcpSocket to host "db\.internal"/ },
        { range: [13, 30, 13, 39], message: /sends its lifecycle\.postStart httpGet to host "localhost"/ },
        { range: [15, 32, 15, 40], message: /sends its lifecycle\.preStop tcpSocket to host "10\.0\.0\.1"/ },
      ],
    },
    {
      name: 'CronJob ephemeral container readiness probe',
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
                  ephemeralContainers: [{name: debug, readinessProbe: {httpGet: {host: example.com, port: 80}}}]
      `,
      errors: [{ range: [9, 79, 9, 90], message: /^The ephemeral container "debug" sends its readinessProbe httpGet/ }],
    },
  ],
});
