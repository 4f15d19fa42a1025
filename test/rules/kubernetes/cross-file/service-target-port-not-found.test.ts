import assert from 'node:assert/strict';
import { runWorkspace } from '../../cross-file/workspace-tester';

const ID = 'service-target-port-not-found';
const web = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          ports: [{name: http, containerPort: 8080}]
      initContainers:
        - name: proxy
          restartPolicy: Always
          ports: [{name: admin, containerPort: 9901}]
`;
const service = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports:
    - {name: a, port: 80, targetPort: http}
    - {name: b, port: 81, targetPort: admin}
    - {name: c, port: 82, targetPort: 8080}
    - {name: d, port: 83, targetPort: metrics}
    - {name: e, port: 84, targetPort: Bad_Name}
`;

describe(ID, () => {
  it('reports a named targetPort that no selected container declares', () => {
    assert.deepEqual(runWorkspace({ 'svc.yaml': service, 'web.yaml': web }, ID), [
      {
        file: 'svc.yaml',
        range: [9, 38, 9, 45],
        path: 'spec.ports[3].targetPort',
        message:
          'The targetPort "metrics" of Service "web" names no container port of the workloads it selects (Deployment "web"): the Service has no endpoint for it. Use a port name their containers declare, or the port number.',
        related: [{ file: 'web.yaml', range: [6, 6, 6, 12], message: 'Deployment "web" declares ports "http", "admin"' }],
      },
    ]);
  });

  it('is satisfied by any selected workload, in any folder (Kustomize bases split them)', () => {
    const other = web.replace('name: web, namespace: shop', 'name: metrics, namespace: shop').replace('name: http,', 'name: metrics,');
    assert.deepEqual(runWorkspace({ 'svc.yaml': service, 'web.yaml': web, 'other.yaml': other }, ID), []);
    const bare = (text: string) => text.replace(', namespace: shop', '');
    assert.deepEqual(runWorkspace({ 'a/svc.yaml': bare(service), 'a/web.yaml': bare(web), 'b/other.yaml': bare(other) }, ID), []);
  });

  it('says nothing when the Service selects no scanned workload', () => {
    assert.deepEqual(runWorkspace({ 'svc.yaml': service }, ID), []);
    assert.deepEqual(runWorkspace({ 'svc.yaml': service, 'web.yaml': web.replace('{app: web}', '{app: other}') }, ID), []);
  });
});
