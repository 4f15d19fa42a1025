import assert from 'node:assert/strict';
import { runWorkspace } from '../../cross-file/workspace-tester';
import { deployment } from './fixtures';

const ID = 'network-policy-selects-nothing';
const policies = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: typo, namespace: shop}
spec:
  podSelector: {matchLabels: {app: wbe}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: fine, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: all, namespace: shop}
spec:
  podSelector: {}
`;

describe(ID, () => {
  it('reports a selector that matches no workload of the namespace', () => {
    assert.deepEqual(runWorkspace({ 'np.yaml': policies, 'web.yaml': deployment('web', 'shop', '{app: web}') }, ID), [
      {
        file: 'np.yaml',
        range: [4, 2, 4, 13],
        path: 'spec.podSelector',
        message: 'The podSelector of NetworkPolicy "typo" (app=wbe) matches no workload of namespace "shop": the policy protects nothing. Match the labels of the pods it is meant for.',
        related: [],
      },
    ]);
  });

  it('says nothing without workloads of the namespace, or next to custom resources that create pods', () => {
    assert.deepEqual(runWorkspace({ 'np.yaml': policies }, ID), []);
    const operator = 'apiVersion: monitoring.coreos.com/v1\nkind: Alertmanager\nmetadata: {name: main, namespace: shop}\n';
    assert.deepEqual(runWorkspace({ 'np.yaml': `${policies}---\n${operator}`, 'web.yaml': deployment('web', 'shop', '{app: web}') }, ID), []);
  });
});
