import assert from 'node:assert/strict';
import { runWorkspace } from '../../cross-file/workspace-tester';

const ID = 'ingress-backend-missing-service';
const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  rules:
    - http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 8080}}}}
          - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {name: http}}}}
          - {path: /docs, pathType: Prefix, backend: {service: {name: "$DOCS", port: {number: 80}}}}
`;
const service = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  ports: [{name: http, port: 80}]
`;

describe(ID, () => {
  it('reports missing Services and ports, with the Service ports as related', () => {
    assert.deepEqual(runWorkspace({ 'ing.yaml': ingress, 'svc.yaml': service }, ID), [
      {
        file: 'ing.yaml',
        range: [7, 86, 7, 90],
        path: 'spec.rules[0].http.paths[0].backend.service.port.number',
        message: 'The Ingress "shop" routes to port 8080 of Service "web", which has no such port. Use one of the ports the Service declares.',
        related: [{ file: 'svc.yaml', range: [4, 2, 4, 7], message: 'ports of Service "web"' }],
      },
      {
        file: 'ing.yaml',
        range: [8, 69, 8, 72],
        path: 'spec.rules[0].http.paths[1].backend.service.name',
        message: 'The Ingress "shop" routes to Service "api", which no scanned file defines in namespace "shop" ("web" exist). Fix the name or add the Service.',
        related: [],
      },
    ]);
  });

  it('says nothing when no Service of the namespace is among the files', () => {
    assert.deepEqual(runWorkspace({ 'ing.yaml': ingress }, ID), []);
  });
});
