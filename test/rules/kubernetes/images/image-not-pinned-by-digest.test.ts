import rule from '../../../../rules/kubernetes/images/image-not-pinned-by-digest';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const DIGEST = `sha256:${'b'.repeat(64)}`;

ruleTester(rule, {
  valid: [
    {
      name: 'digests with and without a tag',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: "nginx@${DIGEST}"}
            - {name: b, image: "registry.example.com:5000/app:1.0@${DIGEST}"}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment and CronJob init container',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27.3
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: job, image: "alpine@${DIGEST}"}]
                  initContainers: [{name: init, image: alpine:3.20}]
      `,
      errors: [
        {
          range: [8, 17, 8, 29],
          message: 'The container "web" image nginx:1.27.3 is not pinned by digest. Append @sha256:<digest> to the image reference.',
        },
        { range: [19, 47, 19, 58], documentIndex: 1, message: /^The init container "init" image alpine:3.20 is not pinned/ },
      ],
    },
  ],
});
