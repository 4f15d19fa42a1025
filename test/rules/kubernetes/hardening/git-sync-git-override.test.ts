import rule from '../../../../rules/kubernetes/hardening/git-sync-git-override';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'other git-sync settings',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: sync
              image: registry.k8s.io/git-sync/git-sync:v4.2.4
              env:
                - {name: GITSYNC_REPO, value: https://github.com/example/repo}
                - {name: GITSYNC_GIT_CONFIG, value: "safe.directory:*"}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment sidecar and CronJob init container (v3 name)',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: sync
                  env:
                    - name: GITSYNC_GIT
                      value: /tmp/git
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: job}]
                  initContainers: [{name: init, env: [{name: GIT_SYNC_GIT, value: /bin/sh}]}]
      `,
      errors: [
        {
          range: [9, 20, 9, 31],
          path: 'spec.template.spec.containers[0].env[0].name',
          message: 'The container "sync" sets GITSYNC_GIT, which makes git-sync execute another program as git. Remove GITSYNC_GIT.',
        },
        { range: [21, 53, 21, 65], documentIndex: 1, message: /^The init container "init" sets GIT_SYNC_GIT/ },
      ],
    },
  ],
});
