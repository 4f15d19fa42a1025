import assert from 'node:assert/strict';
import { runWorkspace } from '../../cross-file/workspace-tester';

const ID = 'statefulset-service-name';
const statefulSet = (name: string, serviceName: string | undefined) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ${name}, namespace: data}
spec:
${serviceName === undefined ? '' : `  serviceName: ${serviceName}\n`}  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: db, image: postgres:17}]}
`;
const service = (name: string, clusterIP?: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: data}\nspec:\n${clusterIP ? `  clusterIP: ${clusterIP}\n` : ''}  selector: {app: pg}\n  ports: [{port: 5432}]\n`;

describe(ID, () => {
  it('accepts a headless Service of the namespace', () => {
    assert.deepEqual(runWorkspace({ 'sts.yaml': statefulSet('pg', 'pg-headless'), 'svc.yaml': `${service('pg')}---\n${service('pg-headless', 'None')}` }, ID), []);
  });

  it('reports a missing serviceName, a Service with a cluster IP, and a name no Service of the namespace has', () => {
    const files = {
      'a.yaml': statefulSet('pg', undefined),
      'b.yaml': statefulSet('pg', 'pg'),
      'c.yaml': statefulSet('pg', 'pg-hl'),
      'svc.yaml': service('pg', '10.0.0.7'),
    };
    assert.deepEqual(runWorkspace(files, ID), [
      {
        file: 'a.yaml',
        range: [1, 6, 1, 17],
        path: 'kind',
        message: 'The StatefulSet "pg" sets no spec.serviceName: its pods get no stable DNS names. Name a headless Service (clusterIP: None) of namespace "data" that selects its pods.',
        related: [],
      },
      {
        file: 'b.yaml',
        range: [4, 15, 4, 17],
        path: 'spec.serviceName',
        message: 'The StatefulSet "pg" is governed by Service "pg", which is not headless: its pods get no stable DNS names. Use a Service with clusterIP: None as serviceName.',
        related: [{ file: 'svc.yaml', range: [4, 13, 4, 21], message: 'Service "pg" has a cluster IP' }],
      },
      {
        file: 'c.yaml',
        range: [4, 15, 4, 20],
        path: 'spec.serviceName',
        message:
          'The StatefulSet "pg" is governed by Service "pg-hl", which no scanned file defines in namespace "data" ("pg" exist). Add a headless Service of that name (clusterIP: None) or fix the name.',
        related: [],
      },
    ]);
  });

  it('does not judge names when no Service of the namespace (or, without namespaces, of the folder) is scanned', () => {
    assert.deepEqual(runWorkspace({ 'sts.yaml': statefulSet('pg', 'pg-hl') }, ID), []);
    const bare = (text: string) => text.replace(', namespace: data', '');
    assert.deepEqual(runWorkspace({ 'a/sts.yaml': bare(statefulSet('pg', 'pg')), 'b/svc.yaml': bare(service('pg', '10.0.0.7')) }, ID), []);
    assert.equal(runWorkspace({ 'a/sts.yaml': bare(statefulSet('pg', 'pg')), 'a/svc.yaml': bare(service('pg', '10.0.0.7')) }, ID).length, 1);
  });

  it('skips StatefulSet fragments without a selector (Kustomize patches)', () => {
    const patch = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: pg}\nspec:\n  replicas: 3\n';
    assert.deepEqual(runWorkspace({ 'patch.yaml': patch }, ID), []);
  });
});
