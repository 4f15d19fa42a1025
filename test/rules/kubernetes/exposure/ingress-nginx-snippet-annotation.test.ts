import rule from '../../../../rules/kubernetes/exposure/ingress-nginx-snippet-annotation';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'dedicated annotations',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: i
          annotations: {nginx.ingress.kubernetes.io/rewrite-target: /, nginx.ingress.kubernetes.io/enable-cors: "true"}
      `,
    },
  ],
  invalid: [
    {
      name: 'a block-scalar snippet is reported on its key, and NGINX Inc. snippets too',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: i
          annotations:
            nginx.ingress.kubernetes.io/configuration-snippet: |
              more_set_headers "X-Frame-Options: DENY";
            nginx.org/server-snippets: "listen 8080;"
      `,
      errors: [
        {
          range: [5, 4, 5, 53],
          path: 'metadata.annotations["nginx.ingress.kubernetes.io/configuration-snippet"]',
          message:
            'The Ingress "i" sets "nginx.ingress.kubernetes.io/configuration-snippet", which pastes raw NGINX configuration into the controller (CVE-2021-25742). Use the controller\'s dedicated annotations instead.',
        },
        { range: [7, 4, 7, 29], message: /sets "nginx.org\/server-snippets"/ },
      ],
    },
  ],
});
