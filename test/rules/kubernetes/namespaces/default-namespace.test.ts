import rule from '../../../../rules/kubernetes/namespaces/default-namespace';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'own namespace, unset namespace, exempt built-ins, cluster-scoped kinds',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: default, namespace: default}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: kubernetes, namespace: default}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: r, namespace: default}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment, Service and a custom resource in default',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: "default"}
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w, namespace: default}
      `,
      errors: [
        {
          range: [4, 13, 4, 20],
          path: 'metadata.namespace',
          message:
            'The Deployment "web" is in the default namespace, shared by every workload that did not choose one. Set metadata.namespace to the application\'s own namespace.',
        },
        { range: [8, 33, 8, 42], documentIndex: 1, message: /^The Service "web" is in the default namespace/ },
        { range: [12, 31, 12, 38], documentIndex: 2, message: /^The Widget "w" is in the default namespace/ },
      ],
    },
  ],
});
