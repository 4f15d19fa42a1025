import rule from '../../../../rules/kubernetes/exposure/ingress-nginx-annotation-injection';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'plain URLs with nginx variables',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: i
          annotations:
            nginx.ingress.kubernetes.io/auth-url: "https://auth.example.com/oauth2/auth"
            nginx.ingress.kubernetes.io/auth-signin: "https://$host/oauth2/start?rd=$escaped_request_uri"
            nginx.ingress.kubernetes.io/server-alias: "a b"
      `,
    },
  ],
  invalid: [
    {
      name: 'a directive end and a line break',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: i
          annotations:
            nginx.ingress.kubernetes.io/auth-url: "http://x/;}location /a {return 200;"
            nginx.ingress.kubernetes.io/mirror-target: "http://m/\\nproxy_pass x"
      `,
      errors: [
        {
          range: [5, 4, 5, 40],
          path: 'metadata.annotations["nginx.ingress.kubernetes.io/auth-url"]',
          message:
            'The Ingress "i" sets "nginx.ingress.kubernetes.io/auth-url" to a value with ";", which ends the NGINX directive and injects configuration. Write a plain URL or host name instead.',
        },
        { range: [6, 4, 6, 45], message: /"nginx.ingress.kubernetes.io\/mirror-target" to a value with a line break/ },
      ],
    },
  ],
});
