import assert from 'node:assert/strict';
import { runWorkspace } from '../../cross-file/workspace-tester';
import { deployment } from './fixtures';

const ID = 'missing-service-account';
const accounts = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: shop}\n';
const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: reader, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
  - {kind: ServiceAccount, name: web}
  - {kind: ServiceAccount, name: worker}
  - {kind: ServiceAccount, name: default}
`;

describe(ID, () => {
  it('reports workloads and binding subjects naming an account the namespace does not define', () => {
    const apps = [deployment('web', 'shop', '{app: web}', '\n      serviceAccountName: web'), deployment('job', 'shop', '{app: job}', '\n      serviceAccountName: runner')].join('---\n');
    assert.deepEqual(
      runWorkspace({ 'sa.yaml': accounts, 'rb.yaml': binding, 'apps.yaml': apps }, ID).map((f) => [f.file, f.range, f.message]),
      [
        ['rb.yaml', [6, 33, 6, 39], 'The RoleBinding "reader" grants its role to ServiceAccount "worker", which no scanned file defines in namespace "shop". Fix the name or add the ServiceAccount.'],
        ['apps.yaml', [19, 26, 19, 32], 'The Deployment "job" runs as ServiceAccount "runner", which no scanned file defines in namespace "shop". Fix the name or add the ServiceAccount.'],
      ],
    );
  });

  it('says nothing when the namespace defines no ServiceAccount among the files', () => {
    assert.deepEqual(runWorkspace({ 'rb.yaml': binding }, ID), []);
  });
});
