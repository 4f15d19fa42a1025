import rule from '../../../../rules/kubernetes/images/kubernetes-dashboard';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'ordinary workloads, a ConfigMap labelled as the dashboard',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          template:
            spec:
              containers: [{name: web, image: nginx:1.27}]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, labels: {k8s-app: kubernetes-dashboard}}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment by image; by label only',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: kubernetes-dashboard
          labels: {k8s-app: kubernetes-dashboard}
        spec:
          template:
            spec:
              containers:
                - name: dashboard
                  image: kubernetesui/dashboard:v2.7.0
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: dash}
        spec:
          template:
            metadata:
              labels:
                app: kubernetes-dashboard
            spec:
              containers: [{name: web, image: registry.example.com/ui:1}]
      `,
      errors: [
        {
          range: [10, 17, 10, 46],
          path: 'spec.template.spec.containers[0].image',
          message:
            'The container "dashboard" runs the Kubernetes Dashboard (kubernetesui/dashboard:v2.7.0), a web UI with wide access to the cluster. Remove it or keep it unexposed with a read-only role.',
        },
        {
          range: [19, 13, 19, 33],
          documentIndex: 1,
          path: 'spec.template.metadata.labels.app',
          message: 'This Deployment is labelled as the Kubernetes Dashboard, a web UI with wide access to the cluster. Remove it or keep it unexposed with a read-only role.',
        },
      ],
    },
  ],
});
