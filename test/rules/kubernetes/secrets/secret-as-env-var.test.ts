import rule from '../../../../rules/kubernetes/secrets/secret-as-env-var';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const REMEDY =
  'Environment variables leak through logs, crash reports, /proc and child processes: mount the Secret as a volume and read the file instead.';

ruleTester(rule, {
  valid: [
    {
      name: 'Secret mounted as a volume, ConfigMap refs in env',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: app
              env:
                - {name: DB_PASSWORD_FILE, value: /etc/db/password}
                - name: MODE
                  valueFrom: {configMapKeyRef: {name: settings, key: mode}}
              envFrom:
                - configMapRef: {name: settings}
              volumeMounts: [{name: db, mountPath: /etc/db, readOnly: true}]
          volumes:
            - name: db
              secret: {secretName: db}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: secretKeyRef and envFrom.secretRef',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: db
                          key: password
                  envFrom:
                    - secretRef:
                        name: api-keys
      `,
      errors: [
        {
          range: [11, 16, 11, 28],
          path: 'spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef',
          message: `The container "web" reads key "password" of Secret "db" into env var "DB_PASSWORD". ${REMEDY}`,
        },
        {
          range: [15, 14, 15, 23],
          path: 'spec.template.spec.containers[0].envFrom[0].secretRef',
          message: `The container "web" loads every key of Secret "api-keys" as env vars (envFrom). ${REMEDY}`,
        },
      ],
    },
    {
      name: 'CronJob init container, flow style, second document',
      code: yaml`
        apiVersion: v1
        kind: Secret
        metadata: {name: token}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: sync}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                  - {name: login, env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: token, key: t}}}]}
      `,
      errors: [
        {
          range: [13, 58, 13, 70],
          documentIndex: 1,
          message: `The init container "login" reads key "t" of Secret "token" into env var "TOKEN". ${REMEDY}`,
        },
      ],
    },
  ],
});
