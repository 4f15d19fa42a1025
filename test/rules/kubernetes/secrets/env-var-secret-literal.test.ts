import rule from '../../../../rules/kubernetes/secrets/env-var-secret-literal';
import { ruleTester, yaml } from '../../../harness/rule-tester';
import { FAKE } from '../../../engine/secrets/fake-secrets';

const token = FAKE.githubClassic; // 40 characters
const REMEDY = 'Move it to a Secret mounted as a file, or reference it with valueFrom.secretKeyRef.';

ruleTester(rule, {
  valid: [
    {
      name: 'references, paths, settings about secrets and secretKeyRef',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: app
              env:
                - {name: DB_PASSWORD, value: $(FROM_SECRET)}
                - {name: API_TOKEN, value: "\${API_TOKEN}"}
                - {name: PASSWORD_FILE, value: /var/run/secrets/db/password}
                - {name: SECRET_NAME, value: db-credentials}
                - {name: TOKEN_TTL, value: "3600"}
                - {name: AUTH_ENABLED, value: "true"}
                - {name: EMPTY_SECRET, value: ""}
                - name: DB_PASSWORD_FROM_SECRET
                  valueFrom: {secretKeyRef: {name: db, key: password}}
                - name: LOG_LEVEL
                  value: debug
      `,
    },
    { name: 'not a workload', code: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {DB_PASSWORD: hunter2}\n` },
  ],
  invalid: [
    {
      name: 'Deployment: a literal password under a sensitive name',
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
                      value: hunter2
      `,
      errors: [
        {
          range: [10, 21, 10, 28],
          path: 'spec.template.spec.containers[0].env[0].value',
          message: `The container "web" has a literal value in env var "DB_PASSWORD", whose name marks it as a secret (password). ${REMEDY}`,
        },
      ],
    },
    {
      name: 'a token format under an innocent name; the message never prints the value',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: ci
              env:
                - name: SETTINGS
                  value: "${token}"
      `,
      errors: [
        {
          range: [8, 17, 8, 59],
          message: `The container "ci" has a literal secret in env var "SETTINGS" (GitHub Token). ${REMEDY}`,
        },
      ],
    },
    {
      name: 'CronJob init container, flow style',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: backup}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                  - {name: fetch, env: [{name: AWS_SECRET_ACCESS_KEY, value: ${FAKE.awsSecretAccessKey}}]}
                  containers:
                  - {name: main}
      `,
      errors: [
        {
          range: [9, 69, 9, 109],
          path: 'spec.jobTemplate.spec.template.spec.initContainers[0].env[0].value',
          message: `The init container "fetch" has a literal secret in env var "AWS_SECRET_ACCESS_KEY" (AWS secret access key). ${REMEDY}`,
        },
      ],
    },
    {
      name: 'a PEM private key in a block scalar, second document',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: clean}
        spec: {containers: [{name: a}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: ssh}
        spec:
          containers:
            - name: git
              env:
                - name: SSH_KEY
                  value: |
                    ${FAKE.rsaPrivateKey.split('\n').join('\n                    ')}
                - name: GIT_URL
                  value: https://gitbot:${'Tr0ub4dor' + '3'}@git.example.com/repo.git
      `,
      errors: [
        { range: [13, 17, 20, 0], documentIndex: 1, message: /literal secret in env var "SSH_KEY" \(private key\)/ },
        { range: [21, 17, 21, 67], documentIndex: 1, message: /literal secret in env var "GIT_URL" \(basic auth credential\)/ },
      ],
    },
  ],
});
