import rule from '../../../../rules/kubernetes/exposure/service-external-ips';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [{ name: 'none or empty', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {externalIPs: []}\n' }],
  invalid: [
    {
      name: 'two addresses',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          externalIPs:
            - 203.0.113.10
            - 203.0.113.11
      `,
      errors: [
        {
          range: [5, 6, 5, 18],
          path: 'spec.externalIPs[0]',
          message:
            "The Service \"s\" sets externalIPs (203.0.113.10, 203.0.113.11): nodes route traffic for those addresses to it, which can hijack another service's traffic (CVE-2020-8554). Use a LoadBalancer Service or an Ingress instead.",
        },
      ],
    },
  ],
});
