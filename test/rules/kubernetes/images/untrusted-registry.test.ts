import rule from '../../../../rules/kubernetes/images/untrusted-registry';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const TRUSTED = ['registry.example.com/', 'ghcr.io/my-org', 'nginx'];

const mixedImages = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    template:
      spec:
        containers:
          - name: web
            image: nginx:1.27
          - name: app
            image: registry.example.com/team/app:1.0
          - name: redis
            image: redis:7
          - name: tool
            image: ghcr.io/my-org-fake/tool:1
`;

ruleTester(rule, {
  valid: [
    { name: 'no trusted registries configured: the rule is off', code: mixedImages },
    {
      name: 'every image trusted',
      trustedRegistries: TRUSTED,
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: docker.io/library/nginx:1.27}
            - {name: b, image: ghcr.io/my-org/b:2}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: Docker Hub image and a look-alike organisation',
      trustedRegistries: TRUSTED,
      code: mixedImages,
      errors: [
        {
          range: [12, 17, 12, 24],
          path: 'spec.template.spec.containers[2].image',
          message:
            'The container "redis" image docker.io/library/redis is not from a trusted registry (registry.example.com/, ghcr.io/my-org, nginx). Mirror it into a trusted registry and reference it from there.',
        },
        { range: [14, 17, 14, 43], message: /^The container "tool" image ghcr.io\/my-org-fake\/tool is not from a trusted registry/ },
      ],
    },
    {
      name: 'CronJob init container',
      trustedRegistries: ['registry.example.com'],
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: job, image: registry.example.com/job:1}]
                  initContainers: [{name: init, image: "quay.io/org/init:1"}]
      `,
      errors: [{ range: [9, 47, 9, 67], message: /^The init container "init" image quay.io\/org\/init is not from a trusted registry \(registry.example.com\)/ }],
    },
  ],
});
