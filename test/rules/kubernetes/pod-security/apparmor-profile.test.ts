import rule from '../../../../rules/kubernetes/pod-security/apparmor-profile';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'RuntimeDefault and Localhost fields, allowed annotations, null profile',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          annotations:
            container.apparmor.security.beta.kubernetes.io/a: runtime/default
            container.apparmor.security.beta.kubernetes.io/b: localhost/k8s-b
            container.apparmor.security.beta.kubernetes.io/c: ""
            other.example.com/apparmor: unconfined
        spec:
          securityContext: {appArmorProfile: {type: RuntimeDefault}}
          containers:
            - name: a
              securityContext: {appArmorProfile: {type: Localhost, localhostProfile: k8s-a}}
            - name: b
              securityContext: {appArmorProfile: null}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: pod Unconfined, container empty profile, template annotation',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            container.apparmor.security.beta.kubernetes.io/web: unconfined
        spec:
          template:
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/web: unconfined
            spec:
              securityContext:
                appArmorProfile:
                  type: Unconfined
              containers:
                - name: web
                  securityContext: {appArmorProfile: {}}
      `,
      errors: [
        {
          range: [14, 16, 14, 26],
          path: 'spec.template.spec.securityContext.appArmorProfile.type',
          message:
            'The pod sets the AppArmor profile type to "Unconfined", which removes the default confinement. Set appArmorProfile.type to RuntimeDefault or Localhost.',
        },
        {
          range: [10, 60, 10, 70],
          path: 'spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/web"]',
          message:
            'The annotation container.apparmor.security.beta.kubernetes.io/web sets the AppArmor profile "unconfined". Use runtime/default or localhost/<profile>, or better the securityContext.appArmorProfile field.',
        },
        { range: [17, 28, 17, 43], message: /^The container "web" sets the AppArmor profile type to ""/ },
      ],
    },
    {
      name: 'CronJob init container, and an annotation naming no container',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                metadata:
                  annotations: {container.apparmor.security.beta.kubernetes.io/ghost: "Runtime/Default"}
                spec:
                  containers: [{name: c}]
                  initContainers: [{name: init, securityContext: {appArmorProfile: {type: unconfined}}}]
      `,
      errors: [
        { range: [8, 78, 8, 95], message: /annotation container\.apparmor\.security\.beta\.kubernetes\.io\/ghost sets the AppArmor profile "Runtime\/Default"/ },
        { range: [11, 82, 11, 92], message: /^The init container "init" sets the AppArmor profile type to "unconfined"/ },
      ],
    },
  ],
});
