import assert from 'node:assert/strict';
import { applyEdits, runWorkspace, workspaceFindings } from '../../cross-file/workspace-tester';
import { deployment } from './fixtures';

const ID = 'namespace-without-default-deny';
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const policy = (name: string, namespace: string | undefined, spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n${spec}`;
const WEB_ONLY = policy('web', 'shop', '  podSelector:\n    matchLabels: {app: web}\n  policyTypes: [Ingress, Egress]\n');
const ALLOW_ALL = policy('open', 'shop', '  podSelector: {}\n  ingress:\n    - {}\n');
const EGRESS_DENY = policy('no-egress', 'shop', '  podSelector: {}\n  policyTypes: [Egress]\n');
const DENY_WITH_DNS = policy(
  'default-deny',
  'shop',
  '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  egress:\n    - to: [{namespaceSelector: {}}]\n      ports: [{port: 53, protocol: UDP}]\n',
);
const MESSAGE =
  'Namespace "shop" has NetworkPolicies but none that denies traffic by default: pods that no policy selects, including workloads added later, accept connections from anywhere. Add a default-deny policy (podSelector: {} with policyTypes Ingress and Egress).';

describe(ID, () => {
  it('reports on the Namespace manifest, with why each policy is no default deny', () => {
    assert.deepEqual(runWorkspace({ 'ns.yaml': NAMESPACE, 'np.yaml': `${WEB_ONLY}---\n${ALLOW_ALL}` }, ID), [
      {
        file: 'ns.yaml',
        range: [3, 8, 3, 12],
        path: 'metadata.name',
        message: MESSAGE,
        related: [
          { file: 'np.yaml', range: [6, 2, 6, 13], message: 'NetworkPolicy "web" selects only pods with app=web' },
          { file: 'np.yaml', range: [17, 2, 17, 9], message: 'NetworkPolicy "open" allows all ingress' },
        ],
      },
    ]);
  });

  it('reports on the first policy without a Namespace manifest, and names the missing ingress side', () => {
    assert.deepEqual(runWorkspace({ 'np.yaml': `${EGRESS_DENY}---\n${WEB_ONLY}` }, ID), [
      {
        file: 'np.yaml',
        range: [4, 13, 4, 17],
        path: 'metadata.namespace',
        message:
          'Namespace "shop" has NetworkPolicies but none that denies ingress by default: pods that no policy selects, including workloads added later, accept connections from anywhere. Add a default-deny policy (podSelector: {} with policyTypes Ingress and Egress).',
        related: [
          { file: 'np.yaml', range: [7, 2, 7, 13], message: 'NetworkPolicy "no-egress" does not restrict ingress' },
          { file: 'np.yaml', range: [15, 2, 15, 13], message: 'NetworkPolicy "web" selects only pods with app=web' },
        ],
      },
    ]);
  });

  it('accepts a default deny with narrow exceptions; leaves namespaces without policies to namespace-without-network-policy', () => {
    assert.deepEqual(runWorkspace({ 'ns.yaml': NAMESPACE, 'np.yaml': `${WEB_ONLY}---\n${DENY_WITH_DNS}` }, ID), []);
    assert.deepEqual(runWorkspace({ 'ns.yaml': NAMESPACE, 'web.yaml': deployment('web', 'shop', '{app: web}') }, ID), []);
    const implied = policy('deny', 'shop', '  podSelector: {}\n');
    assert.deepEqual(runWorkspace({ 'np.yaml': implied }, ID), [], 'policyTypes defaults to Ingress');
  });

  it('groups policies without a namespace per folder', () => {
    const open = policy('web', undefined, '  podSelector:\n    matchLabels: {app: web}\n');
    const deny = policy('deny', undefined, '  podSelector: {}\n  policyTypes: [Ingress]\n');
    const found = runWorkspace({ 'a/np.yaml': open, 'b/np.yaml': open, 'b/deny.yaml': deny }, ID);
    assert.deepEqual(
      found.map((f) => [f.file, f.range, f.path]),
      [['a/np.yaml', [1, 6, 1, 19], 'kind']],
    );
    assert.match(found[0].message, /^The namespace these NetworkPolicies are applied to \(they set none\) has NetworkPolicies but none that denies traffic by default/
    );
  });

  it('suggests a default-deny policy under a free name, which clears the finding', () => {
    const taken = policy('default-deny', 'shop', '  podSelector:\n    matchLabels: {app: web}\n');
    const files = { 'ns.yaml': NAMESPACE, 'np.yaml': taken };
    const [finding] = workspaceFindings(files, ID);
    const [suggestion] = finding.suggestions!;
    assert.equal(suggestion.title, 'Add the default-deny NetworkPolicy "default-deny-2" for namespace "shop" (blocks ingress and egress that no other policy allows)');
    const fixed = applyEdits(NAMESPACE, suggestion.edits);
    assert.equal(
      fixed,
      `${NAMESPACE}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-2\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes:\n    - Ingress\n    - Egress\n`,
    );
    assert.deepEqual(runWorkspace({ ...files, 'ns.yaml': fixed }, ID), []);
    assert.deepEqual(runWorkspace({ ...files, 'ns.yaml': fixed }, 'namespace-without-default-deny-egress'), []);
  });
});
