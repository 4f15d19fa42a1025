import rule from '../../../../rules/kubernetes/exposure/gateway-http-on-https-port';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'HTTP on 80, HTTPS on 443, another API group',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: g}
        spec:
          gatewayClassName: c
          listeners:
            - {name: http, protocol: HTTP, port: 80}
            - {name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: cert}]}}
        ---
        apiVersion: example.com/v1
        kind: Gateway
        metadata: {name: other}
        spec: {listeners: [{name: web, protocol: HTTP, port: 443}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'HTTP on 443',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: g}
        spec:
          gatewayClassName: c
          listeners:
            - name: web
              protocol: HTTP
              port: 443
      `,
      errors: [
        {
          range: [7, 16, 7, 20],
          path: 'spec.listeners[0].protocol',
          message: 'The listener "web" of Gateway "g" serves plain HTTP on port 443, where clients expect TLS. Set protocol: HTTPS with tls.certificateRefs, or use port 80.',
        },
      ],
    },
  ],
});
