import rule from '../../../../rules/kubernetes/pod-security/restricted-volume-types';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'allowed types, a volume with no source (defaulted to emptyDir), hostPath left to its own rule',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: nginx:1.27}]
          volumes:
            - {name: a, configMap: {name: c}}
            - {name: b, secret: {secretName: s}}
            - {name: c, emptyDir: {}}
            - {name: d, persistentVolumeClaim: {claimName: d}}
            - {name: e, projected: {sources: []}}
            - {name: f, downwardAPI: {items: []}}
            - {name: g, csi: {driver: x.example.com}}
            - {name: h, ephemeral: {volumeClaimTemplate: {spec: {}}}}
            - {name: i, image: {reference: "registry.example/data:1"}}
            - {name: j}
            - {name: k, hostPath: {path: /tmp}}
            - {name: l, nfs: null}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment nfs and gitRepo volumes',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers: [{name: web, image: nginx:1.27}]
              volumes:
                - name: shared
                  nfs: {server: nfs.example.com, path: /exports}
                - name: code
                  gitRepo:
                    repository: https://example.com/repo.git
      `,
      errors: [
        {
          range: [9, 10, 9, 13],
          path: 'spec.template.spec.volumes[0].nfs',
          message:
            'The volume "shared" is of type nfs, which the restricted Pod Security Standard forbids. Use a persistentVolumeClaim or a csi volume instead.',
        },
        { range: [11, 10, 11, 17], message: /^The volume "code" is of type gitRepo,/ },
      ],
    },
    {
      name: 'CronJob, flow style',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: c}]
                  volumes: [{name: disk, awsElasticBlockStore: {volumeID: vol-1}}]
      `,
      errors: [{ range: [9, 33, 9, 53], message: /"disk" is of type awsElasticBlockStore/ }],
    },
  ],
});
