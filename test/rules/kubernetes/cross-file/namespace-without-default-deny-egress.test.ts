import assert from 'node:assert/strict';
import { applyEdits, runWorkspace, workspaceFindings } from '../../cross-file/workspace-tester';

const ID = 'namespace-without-default-deny-egress';
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n';
const policy = (name: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec: ${spec}\n`;
const INGRESS_DENY = policy('deny-in', '{podSelector: {}, policyTypes: [Ingress]}');

describe(ID, () => {
  it('reports a namespace whose default deny covers ingress only', () => {
    assert.deepEqual(runWorkspace({ 'ns.yaml': NAMESPACE, 'np.yaml': INGRESS_DENY }, ID), [
      {
        file: 'ns.yaml',
        range: [2, 17, 2, 21],
        path: 'metadata.name',
        message:
          'Namespace "shop" denies ingress by default but not egress: its pods can connect to any address, the cloud metadata endpoint included. Add Egress to the default-deny policy\'s policyTypes and allow DNS and each dependency explicitly.',
        related: [{ file: 'np.yaml', range: [1, 6, 1, 19], message: 'NetworkPolicy "deny-in" denies ingress only' }],
      },
    ]);
    assert.deepEqual(runWorkspace({ 'ns.yaml': NAMESPACE, 'np.yaml': INGRESS_DENY }, 'namespace-without-default-deny'), []);
  });

  it('counts egress denied in another policy, not one with an empty egress rule; ignores namespaces without ingress deny', () => {
    const egress = policy('deny-out', '{podSelector: {}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: db}}}]}]}');
    assert.deepEqual(runWorkspace({ 'np.yaml': `${INGRESS_DENY}---\n${egress}` }, ID), []);
    const openEgress = policy('all', '{podSelector: {}, policyTypes: [Ingress, Egress], egress: [{}]}');
    assert.deepEqual(
      runWorkspace({ 'np.yaml': openEgress }, ID).map((f) => [f.range, f.path, f.related]),
      [[[2, 33, 2, 37], 'metadata.namespace', [{ file: 'np.yaml', range: [1, 6, 1, 19], message: 'NetworkPolicy "all" denies ingress only' }]]],
      'an empty egress rule allows all egress',
    );
    assert.deepEqual(runWorkspace({ 'np.yaml': policy('web', '{podSelector: {matchLabels: {app: web}}}') }, ID), []);
  });

  it('suggests the full default-deny policy, which clears the finding', () => {
    const [finding] = workspaceFindings({ 'np.yaml': INGRESS_DENY }, ID);
    const [suggestion] = finding.suggestions!;
    assert.equal(suggestion.title, 'Add the default-deny NetworkPolicy "default-deny" for namespace "shop" (blocks ingress and egress that no other policy allows)');
    assert.deepEqual(runWorkspace({ 'np.yaml': applyEdits(INGRESS_DENY, suggestion.edits) }, ID), []);
  });
});
