import assert from 'node:assert/strict';
import { runWorkspace } from '../../cross-file/workspace-tester';
import { deployment } from './fixtures';

const ID = 'service-selects-nothing';
const services = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web, tier: front}
---
apiVersion: v1
kind: Service
metadata: {name: db-0, namespace: shop}
spec:
  selector: {app: db, statefulset.kubernetes.io/pod-name: db-0}
---
apiVersion: v1
kind: Service
metadata: {name: manual, namespace: shop}
spec:
  ports: [{port: 80}]
`;

describe(ID, () => {
  it('reports a selector no pod template matches; controller-added labels are ignored', () => {
    const apps = [deployment('web', 'shop', '{app: web}'), deployment('db', undefined, '{app: db}')].join('---\n');
    assert.deepEqual(runWorkspace({ 'svc.yaml': services, 'apps.yaml': apps }, ID), [
      {
        file: 'svc.yaml',
        range: [4, 2, 4, 10],
        path: 'spec.selector',
        message: 'The selector of Service "web" (app=web, tier=front) matches no workload of namespace "shop": it has no endpoints. Use the pod template labels of the workload it serves.',
        related: [],
      },
    ]);
  });

  it('says nothing when the namespace has no workload among the files', () => {
    assert.deepEqual(runWorkspace({ 'svc.yaml': services }, ID), []);
  });
});
