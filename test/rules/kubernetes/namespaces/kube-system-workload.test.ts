import rule from '../../../../rules/kubernetes/namespaces/kube-system-workload';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'other namespaces, control-plane and add-on workloads, non-workloads',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: kube-apiserver
          namespace: kube-system
          labels: {component: kube-apiserver, tier: control-plane}
        spec: {containers: [{name: a}]}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: dns, namespace: kube-system}
        spec:
          template:
            metadata: {labels: {addonmanager.kubernetes.io/mode: Reconcile}}
            spec: {containers: [{name: a}]}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: kube-system}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment and CronJob in kube-system',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: kube-system
          labels: {app: web, component: frontend}
        spec:
          template:
            spec: {containers: [{name: web}]}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: backup, namespace: kube-system}
        spec:
          jobTemplate:
            spec:
              template:
                spec: {containers: [{name: job}]}
      `,
      errors: [
        {
          range: [4, 13, 4, 24],
          path: 'metadata.namespace',
          message: 'The Deployment "web" runs in kube-system, next to the control plane and its privileged accounts. Deploy it in its own namespace.',
        },
        { range: [12, 36, 12, 47], documentIndex: 1, message: /^The CronJob "backup" runs in kube-system/ },
      ],
    },
  ],
});
