import rule from '../../../../rules/kubernetes/images/gatekeeper-open-repo-prefix';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const constraint = (repos: string) => yaml`
  apiVersion: constraints.gatekeeper.sh/v1beta1
  kind: K8sAllowedRepos
  metadata: {name: prod-repos}
  spec:
    parameters:
      repos: ${repos}
`;

ruleTester(rule, {
  valid: [
    { name: 'every entry ends with /', code: constraint('["registry.example.com/", "docker.io/acme/"]') },
    { name: 'another API group', code: 'apiVersion: example.com/v1\nkind: K8sAllowedRepos\nspec: {parameters: {repos: [a]}}\n' },
  ],
  invalid: [
    {
      name: 'open-ended entries',
      code: constraint('["registry.example.com", "docker.io/acme/"]'),
      errors: [
        {
          range: [5, 12, 5, 34],
          path: 'spec.parameters.repos[0]',
          message: 'The allowed repo "registry.example.com" has no final "/", so images from "registry.example.com-anything" or "registry.example.com.other-domain" are allowed too. Write "registry.example.com/".',
          suggestions: [{ title: 'Write "registry.example.com/" (allow only repositories under it)', output: constraint('["registry.example.com/", "docker.io/acme/"]') }],
        },
      ],
    },
  ],
});
