import rule from '../../../../rules/kubernetes/secrets/configmap-sensitive-key';
import { ruleTester, yaml } from '../../../harness/rule-tester';
import { FAKE } from '../../../engine/secrets/fake-secrets';

ruleTester(rule, {
  valid: [
    {
      name: 'references, paths, names about secrets, and known formats (left to configmap-secret-value)',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: app}
        data:
          DB_PASSWORD: \${DB_PASSWORD}
          PASSWORD_FILE: /etc/secrets/db
          SECRET_NAME: db-credentials
          AWS_ACCESS_KEY_ID: example
          API_TOKEN: ${FAKE.githubClassic}
          ENABLE_AUTH: "true"
          application.properties: |
            server.port=8080
            spring.datasource.password=\${DB_PASSWORD}
            token.path=/var/run/secrets/token
      `,
    },
  ],
  invalid: [
    {
      name: 'literal values under sensitive keys',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: app}
        data:
          db.password: hunter2
          clientSecret: "changeme"
      `,
      errors: [
        {
          range: [4, 15, 4, 22],
          path: 'data["db.password"]',
          message: 'ConfigMap "app" has a literal value under data key "db.password", whose name marks it as a secret (password). Move it to a Secret.',
        },
        {
          range: [5, 16, 5, 26],
          path: 'data.clientSecret',
          message: 'ConfigMap "app" has a literal value under data key "clientSecret", whose name marks it as a secret (secret). Move it to a Secret.',
        },
      ],
    },
    {
      name: 'an embedded properties file, flow style for the other document',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: flow}
        data: {API_KEY: abc-123-def}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: spring}
        data:
          application.properties: |
            server.port=8080
            spring.datasource.password=hunter2
            mail.password: "s3cret"
      `,
      errors: [
        { range: [3, 16, 3, 27], documentIndex: 0, message: /data key "API_KEY", whose name marks it as a secret \(API key\)/ },
        {
          range: [9, 26, 13, 0],
          documentIndex: 1,
          message: 'ConfigMap "spring" data key "application.properties" sets "spring.datasource.password" and 1 more to a literal secret (password). Move it to a Secret.',
        },
      ],
    },
  ],
});
