import rule from '../../../../rules/kubernetes/images/latest-image-tag';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const DIGEST = `sha256:${'a'.repeat(64)}`;

ruleTester(rule, {
  valid: [
    {
      name: 'versioned tags, digests (with latest too), templated and missing images',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: nginx:1.27.3}
            - {name: b, image: "localhost:5000/app:2.0"}
            - {name: c, image: "gcr.io/proj/app@${DIGEST}"}
            - {name: d, image: "nginx:latest@${DIGEST}"}
            - {name: e, image: "$(IMAGE)"}
            - {name: f}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: untagged, latest, registry with a port',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx
                - name: side
                  image: 'busybox:latest'
                - name: local
                  image: localhost:5000/app
      `,
      errors: [
        {
          range: [8, 17, 8, 22],
          path: 'spec.template.spec.containers[0].image',
          message: 'The container "web" image nginx has no tag, so it pulls latest, which can change at any time. Use a specific version tag or a digest.',
        },
        {
          range: [10, 17, 10, 33],
          message: 'The container "side" image busybox:latest uses the latest tag, which can change at any time. Use a specific version tag or a digest.',
        },
        { range: [12, 17, 12, 35], message: /^The container "local" image localhost:5000\/app has no tag/ },
      ],
    },
    {
      name: 'CronJob init and ephemeral containers, shared through an alias',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: job, image: &img alpine}]
                  initContainers: [{name: init, image: *img}]
                  ephemeralContainers: [{name: debug, image: "ghcr.io/org/tools:latest"}]
      `,
      errors: [
        { range: [8, 47, 8, 53], message: /^The container "job" image alpine has no tag/ },
        { range: [8, 47, 8, 53], path: 'spec.jobTemplate.spec.template.spec.initContainers[0].image', message: /^The init container "init"/ },
        { range: [10, 53, 10, 79], message: /^The ephemeral container "debug" image ghcr.io\/org\/tools:latest uses the latest tag/ },
      ],
    },
  ],
});
