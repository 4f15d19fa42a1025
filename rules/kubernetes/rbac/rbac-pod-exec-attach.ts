import { definePermissionRule, RBAC_DOCS, rbacMeta } from './permission-rule';
import { queries } from './permissions';

export default definePermissionRule(
  rbacMeta({
    id: 'rbac-pod-exec-attach',
    title: 'Role can exec into or attach to pods',
    severity: 'warning',
    description:
      '`pods/exec` and `pods/attach` give a shell (or the stdin) of running containers: the holder acts with the container\'s identity, files, mounted Secrets and service account token. Older API servers authorised WebSocket exec with `get`, so both `get` and `create` count.',
    remediation: 'Remove `pods/exec` and `pods/attach` from roles used by workloads; keep them to break-glass roles for people, bound per namespace.',
    references: {
      trivy: ['KSV053', 'KSV054'],
      polaris: ['clusterrolePodExecAttach', 'rolePodExecAttach'],
      checkov: ['CKV2_K8S_2'],
      links: [RBAC_DOCS],
    },
  }),
  {
    queries: queries('', ['pods/exec', 'pods/attach'], ['create', 'get']),
    what: 'run commands in or attach to running containers',
    advice: 'Remove pods/exec and pods/attach unless this is a break-glass role for people.',
    evenWhenNamed: true,
  },
);
