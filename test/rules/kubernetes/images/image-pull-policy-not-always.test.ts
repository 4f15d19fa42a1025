import rule from '../../../../rules/kubernetes/images/image-pull-policy-not-always';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const DIGEST = `sha256:${'c'.repeat(64)}`;

ruleTester(rule, {
  valid: [
    {
      name: 'Always; unset with latest or no tag (Kubernetes defaults to Always); digests',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: nginx:1.27, imagePullPolicy: Always}
            - {name: b, image: nginx}
            - {name: c, image: "localhost:5000/app:latest"}
            - {name: d, image: "nginx:1.27@${DIGEST}", imagePullPolicy: IfNotPresent}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: explicit IfNotPresent and Never, unset with a version tag',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  imagePullPolicy: IfNotPresent
                - name: latest
                  image: nginx:latest
                  imagePullPolicy: Never
                - name: side
                  image: envoyproxy/envoy:v1.31
      `,
      errors: [
        {
          range: [9, 27, 9, 39],
          path: 'spec.template.spec.containers[0].imagePullPolicy',
          message:
            'The container "web" pulls nginx:1.27 with imagePullPolicy IfNotPresent, so nodes may run a stale or unauthorised copy. Set imagePullPolicy: Always or pin the image by digest.',
        },
        { range: [12, 27, 12, 32], message: /^The container "latest" pulls nginx:latest with imagePullPolicy Never/ },
        {
          range: [13, 16, 13, 20],
          path: 'spec.template.spec.containers[2].name',
          message:
            'The container "side" sets no imagePullPolicy, so envoyproxy/envoy:v1.31 defaults to IfNotPresent and nodes may run a stale or unauthorised copy. Add imagePullPolicy: Always or pin the image by digest.',
        },
      ],
    },
    {
      name: 'CronJob init container, flow style',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: job, image: busybox}]
                  initContainers: [{name: init, image: busybox:1.36, imagePullPolicy: IfNotPresent}]
      `,
      errors: [{ range: [9, 78, 9, 90], message: /^The init container "init" pulls busybox:1.36 with imagePullPolicy IfNotPresent/ }],
    },
    {
      name: 'suggests Always in place (quotes kept) or as a new key of a flow container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: web
              image: registry.example.com/web:1.4
              imagePullPolicy: "IfNotPresent"
            - {name: side, image: "registry.example.com/side:2.0"}
      `,
      errors: [
        {
          range: [7, 23, 7, 37],
          suggestions: [
            {
              title: 'Set imagePullPolicy: Always on the container "web"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: web
                      image: registry.example.com/web:1.4
                      imagePullPolicy: "Always"
                    - {name: side, image: "registry.example.com/side:2.0"}
              `,
            },
          ],
        },
        {
          range: [8, 13, 8, 17],
          suggestions: [
            {
              title: 'Set imagePullPolicy: Always on the container "side"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: web
                      image: registry.example.com/web:1.4
                      imagePullPolicy: "IfNotPresent"
                    - {name: side, image: "registry.example.com/side:2.0", imagePullPolicy: Always}
              `,
            },
          ],
        },
      ],
    },
  ],
});
