import rule from '../../../../rules/kubernetes/exposure/gateway-without-https-listener';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'HTTP next to HTTPS, and a TCP gateway',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: g}
        spec:
          listeners:
            - {name: http, protocol: HTTP, port: 80}
            - {name: https, protocol: HTTPS, port: 443}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: t}
        spec:
          listeners:
            - {name: http, protocol: HTTP, port: 80}
            - {name: db, protocol: TCP, port: 5432}
      `,
    },
  ],
  invalid: [
    {
      name: 'two HTTP listeners',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: g}
        spec:
          listeners:
            - {name: a, protocol: HTTP, port: 80}
            - {name: b, protocol: HTTP, port: 8080}
      `,
      errors: [
        {
          range: [5, 26, 5, 30],
          path: 'spec.listeners[0].protocol',
          message: 'The Gateway "g" has only plain HTTP listeners: its routes are served unencrypted. Add an HTTPS listener with tls.certificateRefs and redirect HTTP to it.',
        },
      ],
    },
  ],
});
