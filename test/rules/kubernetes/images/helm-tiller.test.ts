import rule from '../../../../rules/kubernetes/images/helm-tiller';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'images and labels that only contain the word',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: distiller, labels: {app: distiller}}
        spec:
          template:
            spec:
              containers: [{name: web, image: example/tiller-docs:1}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment by image, Service by selector, Deployment by label',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: tiller-deploy, namespace: kube-system}
        spec:
          template:
            spec:
              containers:
                - name: tiller
                  image: gcr.io/kubernetes-helm/tiller:v2.16.12
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: tiller-deploy}
        spec:
          selector: {app: helm, name: tiller}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: custom
          labels: {app: helm}
        spec:
          template:
            spec:
              containers: [{name: t, image: registry.example.com/t:1}]
      `,
      errors: [
        {
          range: [8, 17, 8, 55],
          message:
            'The container "tiller" runs Helm 2 Tiller (gcr.io/kubernetes-helm/tiller:v2.16.12), which lets any pod that reaches it take over the cluster. Remove Tiller and use Helm 3.',
        },
        {
          range: [14, 30, 14, 36],
          documentIndex: 1,
          path: 'spec.selector.name',
          message: 'This Service belongs to Helm 2 Tiller, which lets any pod that reaches it take over the cluster. Remove Tiller and use Helm 3.',
        },
        { range: [20, 16, 20, 20], documentIndex: 2, path: 'metadata.labels.app', message: /^This Deployment belongs to Helm 2 Tiller/ },
      ],
    },
  ],
});
