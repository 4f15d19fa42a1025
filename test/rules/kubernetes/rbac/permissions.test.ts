import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { readKubernetesObject } from '../../../../rules/engine/kubernetes/object';
import { DocumentScope, str } from '../../../../rules/engine/yaml/nav';
import { grantOf, grantsOf, isKubernetesDefault, policyRules, subjectsOf } from '../../../../rules/kubernetes/rbac/permissions';

function object(text: string) {
  const o = readKubernetesObject(new DocumentScope(parseDocument(text, { version: '1.1' }) as never));
  if (!o) throw new Error('not an object');
  return o;
}

function role(rule: string) {
  return policyRules(object(`apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules:\n  - ${rule}\n`))[0];
}

/** [verb item, resource item, resourceNames] of the grant, or undefined. */
function ask(rule: string, verb: string, group: string, resource: string) {
  const grant = grantOf(role(rule), { verb, group, resource });
  return grant && [str(grant.verb), str(grant.resource), grant.resourceNames];
}

describe('rbac permissions', () => {
  it('matches verbs, groups and resources exactly or by "*"', () => {
    assert.deepEqual(ask('{apiGroups: [""], resources: [secrets], verbs: [get, list]}', 'list', '', 'secrets'), ['list', 'secrets', undefined]);
    assert.equal(ask('{apiGroups: [""], resources: [secrets], verbs: [get]}', 'list', '', 'secrets'), undefined);
    assert.equal(ask('{apiGroups: [apps], resources: [secrets], verbs: [get]}', 'get', '', 'secrets'), undefined);
    assert.deepEqual(ask('{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}', 'escalate', 'rbac.authorization.k8s.io', 'roles'), ['*', '*', undefined]);
  });

  it('matches subresources as the authorizer does', () => {
    assert.equal(ask('{apiGroups: [""], resources: [pods], verbs: [create]}', 'create', '', 'pods/exec'), undefined);
    assert.equal(ask('{apiGroups: [""], resources: ["pods/*"], verbs: [create]}', 'create', '', 'pods/exec'), undefined);
    assert.deepEqual(ask('{apiGroups: [""], resources: ["*/exec"], verbs: [create]}', 'create', '', 'pods/exec'), ['create', '*/exec', undefined]);
    assert.equal(ask('{apiGroups: [""], resources: ["*/exec"], verbs: [create]}', 'create', '', 'pods'), undefined);
    assert.deepEqual(ask('{apiGroups: [""], resources: ["*"], verbs: [get]}', 'get', '', 'nodes/proxy'), ['get', '*', undefined]);
  });

  it('narrows grants by resourceNames, which never allow create, list or watch of a resource', () => {
    const named = '{apiGroups: [""], resources: [secrets, serviceaccounts/token], resourceNames: [a, b], verbs: [get, list, create]}';
    assert.deepEqual(ask(named, 'get', '', 'secrets'), ['get', 'secrets', ['a', 'b']]);
    assert.equal(ask(named, 'list', '', 'secrets'), undefined);
    assert.equal(ask(named, 'create', '', 'secrets'), undefined);
    assert.deepEqual(ask(named, 'create', '', 'serviceaccounts/token'), ['create', 'serviceaccounts/token', ['a', 'b']]);
  });

  it('collects grants across rules and ignores aggregated roles without rules', () => {
    const rules = policyRules(
      object('kind: ClusterRole\napiVersion: rbac.authorization.k8s.io/v1\nmetadata: {name: r}\nrules:\n  - {apiGroups: [""], resources: [secrets], verbs: [get]}\n  - {apiGroups: [""], resources: ["*"], verbs: [get]}\n'),
    );
    assert.equal(grantsOf(rules, { verb: 'get', group: '', resource: 'secrets' }).length, 2);
    assert.deepEqual(policyRules(object('kind: ClusterRole\napiVersion: rbac.authorization.k8s.io/v1\nmetadata: {name: r}\naggregationRule: {}\n')), []);
  });

  it('recognises the defaults Kubernetes ships and reads subjects with their namespace', () => {
    assert.equal(isKubernetesDefault(object('kind: ClusterRole\napiVersion: v1\nmetadata: {name: "system:node", labels: {kubernetes.io/bootstrapping: rbac-defaults}}\n')), true);
    assert.equal(isKubernetesDefault(object('kind: ClusterRole\napiVersion: v1\nmetadata: {name: "system:mine"}\n')), false);
    const binding = object('kind: RoleBinding\napiVersion: rbac.authorization.k8s.io/v1\nmetadata: {name: b, namespace: team}\nsubjects: [{kind: ServiceAccount, name: a}, {kind: ServiceAccount, name: b, namespace: other}, {kind: User, name: u}]\n');
    assert.deepEqual(subjectsOf(binding).map((s) => [s.kind, s.name, s.namespace]), [
      ['ServiceAccount', 'a', 'team'],
      ['ServiceAccount', 'b', 'other'],
      ['User', 'u', undefined],
    ]);
  });
});
