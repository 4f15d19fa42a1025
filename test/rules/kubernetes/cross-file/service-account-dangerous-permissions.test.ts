import assert from 'node:assert/strict';
import { runWorkspace } from '../../cross-file/workspace-tester';
import { deployment } from './fixtures';

const ID = 'service-account-dangerous-permissions';
const role = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ops}
rules:
  - {apiGroups: [""], resources: [secrets], verbs: [list]}
  - {apiGroups: [""], resources: [pods/exec], verbs: [create]}
  - {apiGroups: [""], resources: [configmaps], verbs: [get]}
`;
const bindings = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ops, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ops}
subjects: [{kind: ServiceAccount, name: web}, {kind: User, name: alice}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: root}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects: [{kind: ServiceAccount, name: deployer, namespace: ci}]
`;

describe(ID, () => {
  it('follows bindings to roles and reports the accounts, with the chain as related locations', () => {
    const files = {
      'role.yaml': role,
      'rb.yaml': bindings,
      'app.yaml': `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: shop}\n---\n${deployment('web', 'shop', '{app: web}', '\n      serviceAccountName: web')}`,
    };
    assert.deepEqual(runWorkspace(files, ID), [
      {
        file: 'rb.yaml',
        range: [4, 40, 4, 43],
        path: 'subjects[0].name',
        message: 'ServiceAccount "shop/web" can read Secrets, exec into pods in namespace "shop" through RoleBinding "ops" → ClusterRole "ops". Bind it to a role with only what its workloads need.',
        related: [
          { file: 'role.yaml', range: [4, 34, 4, 41], message: 'ClusterRole "ops" lets it read Secrets' },
          { file: 'role.yaml', range: [5, 34, 5, 43], message: 'ClusterRole "ops" lets it exec into pods' },
          { file: 'app.yaml', range: [1, 6, 1, 20], message: 'ServiceAccount "shop/web"' },
          { file: 'app.yaml', range: [12, 26, 12, 29], message: 'Deployment "web" runs as it' },
        ],
      },
      {
        file: 'rb.yaml',
        range: [10, 40, 10, 48],
        path: 'subjects[0].name',
        message: 'ServiceAccount "ci/deployer" can do anything (cluster-admin) cluster-wide through ClusterRoleBinding "root" → ClusterRole "cluster-admin". Bind it to a role with only what its workloads need.',
        related: [],
      },
    ]);
  });
});
