import rule from '../../../../rules/kubernetes/secrets/plaintext-secret';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const REMEDY = 'Use an external secret store, Sealed Secrets or SOPS instead.';

ruleTester(rule, {
  valid: [
    {
      name: 'service account token Secret without data',
      code: yaml`
        apiVersion: v1
        kind: Secret
        metadata:
          name: build-robot
          annotations: {kubernetes.io/service-account.name: build-robot}
        type: kubernetes.io/service-account-token
      `,
    },
    {
      name: 'every value empty, or filled in at deploy time',
      code: yaml`
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        data: {password: "", token: ~}
        stringData:
          url: \${DATABASE_URL}
          key: "{{ .Values.key }}"
      `,
    },
    {
      name: 'SOPS-encrypted file',
      code: yaml`
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        stringData:
          password: ENC[AES256_GCM,data:Zm9v,iv:YmFy,tag:YmF6,type:str]
        sops:
          version: 3.9.0
      `,
    },
    { name: 'a ConfigMap is not a Secret', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: 'data and stringData',
      code: yaml`
        apiVersion: v1
        kind: Secret
        metadata: {name: db}
        type: Opaque
        data:
          username: YWRtaW4=
          password: ""
        stringData:
          password: hunter2
          host: db.internal
      `,
      errors: [
        {
          range: [4, 0, 4, 4],
          path: 'data',
          message: `Secret "db" commits the value of "username" in plaintext under data (base64 is an encoding, not encryption). ${REMEDY}`,
        },
        { range: [7, 0, 7, 10], path: 'stringData', message: `Secret "db" commits 2 values in plaintext under stringData. ${REMEDY}` },
      ],
    },
    {
      name: 'flow style, second document, service account token Secret that carries data',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        ---
        {apiVersion: v1, kind: Secret, metadata: {name: t}, type: kubernetes.io/service-account-token, data: {token: ZmFrZQ==}}
      `,
      errors: [{ range: [4, 95, 4, 99], documentIndex: 1, message: /^Secret "t" commits the value of "token" in plaintext under data/ }],
    },
  ],
});
