import assert from 'node:assert/strict';
import { runWorkspace } from '../../cross-file/workspace-tester';
import { deployment } from './fixtures';

const ID = 'network-policy-peer-selects-nothing';
const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
    - from:
        - podSelector: {matchLabels: {app: wbe}}
        - podSelector: {matchLabels: {app: web}}
        - podSelector: {matchLabels: {app: batch}}
          namespaceSelector: {matchLabels: {team: data}}
        - podSelector: {}
  egress:
    - to:
        - podSelector:
            matchExpressions: [{key: app, operator: In, values: [cache]}]
`;
const WORKLOADS = { 'web.yaml': deployment('web', 'shop', '{app: web}'), 'db.yaml': deployment('db', 'shop', '{app: db}') };

describe(ID, () => {
  it('reports same-namespace peers that match no workload, in both directions', () => {
    assert.deepEqual(runWorkspace({ 'np.yaml': POLICY, ...WORKLOADS }, ID), [
      {
        file: 'np.yaml',
        range: [7, 10, 7, 21],
        path: 'spec.ingress[0].from[0].podSelector',
        message:
          'The ingress peer podSelector of NetworkPolicy "db" (app=wbe) matches no workload of namespace "shop": this peer admits traffic from no pod. Match the labels of the pods it is meant for, or add a namespaceSelector if they run elsewhere.',
        related: [],
      },
      {
        file: 'np.yaml',
        range: [14, 10, 14, 21],
        path: 'spec.egress[0].to[0].podSelector',
        message:
          'The egress peer podSelector of NetworkPolicy "db" (app In (cache)) matches no workload of namespace "shop": this peer allows traffic to no pod. Match the labels of the pods it is meant for, or add a namespaceSelector if they run elsewhere.',
        related: [],
      },
    ]);
  });

  it('says nothing without workloads of the namespace, or when they are in another namespace', () => {
    assert.deepEqual(runWorkspace({ 'np.yaml': POLICY }, ID), []);
    assert.deepEqual(runWorkspace({ 'np.yaml': POLICY, 'web.yaml': deployment('web', 'other', '{app: web}') }, ID), []);
  });
});
