import assert from 'node:assert/strict';
import { runWorkspace } from '../../cross-file/workspace-tester';
import { deployment } from './fixtures';

const ID = 'pod-not-selected-by-network-policy';
const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-only, namespace: shop}
spec:
  podSelector:
    matchExpressions: [{key: tier, operator: In, values: [api, worker]}]
`;

describe(ID, () => {
  it('reports workloads of a namespace with policies that none of them selects, with the policies as related', () => {
    const files = {
      'policy.yaml': POLICY,
      'apps.yaml': [deployment('api', 'shop', '{tier: api}'), deployment('web', 'shop', '{tier: web}'), deployment('other', 'elsewhere', '{tier: web}')].join('---\n'),
    };
    assert.deepEqual(runWorkspace(files, ID), [
      {
        file: 'apps.yaml',
        range: [16, 6, 16, 12],
        path: 'spec.template.metadata.labels',
        message: 'No NetworkPolicy of namespace "shop" selects the pods of Deployment "web": they accept traffic from anywhere. Add a default-deny policy (podSelector: {}) or one that selects their labels.',
        related: [{ file: 'policy.yaml', range: [4, 2, 4, 13], message: 'NetworkPolicy "api-only" selects other pods' }],
      },
    ]);
  });

  it('counts namespace-less policies only for namespace-less workloads of the same folder', () => {
    const policy = POLICY.replace(', namespace: shop', '');
    const web = deployment('web', undefined, '{tier: web}');
    assert.equal(runWorkspace({ 'a/policy.yaml': policy, 'a/web.yaml': web }, ID).length, 1);
    assert.deepEqual(runWorkspace({ 'a/policy.yaml': policy, 'b/web.yaml': web }, ID), []);
  });
});
