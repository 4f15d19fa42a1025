import rule from '../../../../rules/kubernetes/secrets/configmap-secret-value';
import { ruleTester, yaml } from '../../../harness/rule-tester';
import { FAKE } from '../../../engine/secrets/fake-secrets';

const base64 = (text: string) => Buffer.from(text).toString('base64');

ruleTester(rule, {
  valid: [
    {
      name: 'ordinary configuration, sensitive names without known formats, binary data',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: app}
        data:
          LOG_LEVEL: info
          DB_PASSWORD: hunter2
          application.properties: |
            server.port=8080
            spring.datasource.url=jdbc:postgresql://db:5432/app
        binaryData:
          logo.png: ${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]).toString('base64')}
      `,
    },
    { name: 'a Secret is not a ConfigMap', code: `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {t: ${FAKE.gitlab}}\n` },
  ],
  invalid: [
    {
      name: 'a token under data, plain scalar',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: app}
        data:
          settings: ${FAKE.stripe}
      `,
      errors: [
        {
          range: [4, 12, 4, 44],
          path: 'data.settings',
          message: 'ConfigMap "app" holds a credential under data key "settings" (Stripe Live Secret Key). Move it to a Secret.',
        },
      ],
    },
    {
      name: 'a token inside an embedded file, and a PEM key in a block scalar',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: app}
        data:
          config.yaml: |
            slack:
              token: ${FAKE.slack}
          tls.key: |
            ${FAKE.rsaPrivateKey.split('\n').join('\n            ')}
      `,
      errors: [
        { range: [4, 15, 7, 0], message: 'ConfigMap "app" holds a credential under data key "config.yaml" (slack token). Move it to a Secret.' },
        { range: [7, 11, 14, 0], message: 'ConfigMap "app" holds a private key under data key "tls.key" (private key). Move it to a Secret.' },
      ],
    },
    {
      name: 'base64 text in binaryData, flow style, second document',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: clean}
        data: {a: b}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: npmrc}
        binaryData: {.npmrc: ${base64(`//registry.npmjs.org/:_authToken=${FAKE.npm}\n`)}}
      `,
      errors: [
        {
          range: [8, 21, 8, 121],
          documentIndex: 1,
          path: 'binaryData[".npmrc"]',
          message: 'ConfigMap "npmrc" holds a credential under binaryData key ".npmrc" (npm access token). Move it to a Secret.',
        },
      ],
    },
  ],
});
