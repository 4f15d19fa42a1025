/**
 * What an RBAC role grants, evaluated the way the API server's authorizer does
 * (`rbac/v1` ResourceMatches/VerbMatches): `*` matches every verb, group or resource,
 * a resource `*` followed by `/scale` matches the `scale` subresource of any resource, `pods/*` matches nothing but a
 * resource literally named so, and `resourceNames` narrows a rule to named objects (which
 * never grants `create`, `list`, `watch` or `deletecollection` of a resource: those requests
 * carry no name; `create` of a subresource such as `pods/exec` does name the pod).
 */
import type { K8sObject } from '../../engine/kubernetes/object';
import { child, items, stringItems, str, type NodeRef } from '../../engine/yaml/nav';

export const ALL = '*';

/** One item of a role's `rules`, with the nodes of its lists. */
export interface PolicyRuleView {
  ref: NodeRef;
  verbs: Array<{ value: string; ref: NodeRef }>;
  apiGroups: Array<{ value: string; ref: NodeRef }>;
  resources: Array<{ value: string; ref: NodeRef }>;
  resourceNames: string[];
}

/** A request to ask about: `{verb: 'create', group: '', resource: 'pods/exec'}`. */
export interface PermissionQuery {
  verb: string;
  /** '' is the core group. */
  group: string;
  /** `resource` or `resource/subresource`. */
  resource: string;
}

export interface Grant {
  rule: PolicyRuleView;
  /** The verb item that grants (`*` or the verb itself). */
  verb: NodeRef;
  /** The resource item that grants (`*`, a star with a subresource, or the resource itself). */
  resource: NodeRef;
  /** Names the grant is limited to; undefined when it covers every object. */
  resourceNames?: string[];
}

/** Verbs whose requests name no object, so `resourceNames` can never allow them. */
const UNNAMED_VERBS = new Set(['create', 'list', 'watch', 'deletecollection']);

export const ROLE_KINDS = ['Role', 'ClusterRole'] as const;
export const BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'] as const;

/** The rules of a Role or ClusterRole (empty for aggregated roles: the controller fills them). */
export function policyRules(role: K8sObject): PolicyRuleView[] {
  return items(child(role.root, 'rules')).map((ref) => ({
    ref,
    verbs: stringItems(child(ref, 'verbs')),
    apiGroups: stringItems(child(ref, 'apiGroups')),
    resources: stringItems(child(ref, 'resources')),
    resourceNames: stringItems(child(ref, 'resourceNames')).map((i) => i.value),
  }));
}

function resourceMatches(ruleResource: string, requested: string): boolean {
  if (ruleResource === ALL || ruleResource === requested) return true;
  const slash = requested.indexOf('/');
  return slash > 0 && ruleResource === `*/${requested.slice(slash + 1)}`;
}

/** How `rule` grants `query`, or undefined when it does not. */
export function grantOf(rule: PolicyRuleView, query: PermissionQuery): Grant | undefined {
  const verb = rule.verbs.find((v) => v.value === ALL || v.value === query.verb);
  if (!verb || !rule.apiGroups.some((g) => g.value === ALL || g.value === query.group)) return undefined;
  const resource = rule.resources.find((r) => resourceMatches(r.value, query.resource));
  if (!resource) return undefined;
  if (rule.resourceNames.length === 0) return { rule, verb: verb.ref, resource: resource.ref };
  // `create` on a subresource (pods/exec, serviceaccounts/token) names its parent object.
  if (UNNAMED_VERBS.has(query.verb) && !query.resource.includes('/')) return undefined;
  return { rule, verb: verb.ref, resource: resource.ref, resourceNames: rule.resourceNames };
}

/** Every grant of `query` by any rule of the role. */
export function grantsOf(rules: readonly PolicyRuleView[], query: PermissionQuery): Grant[] {
  return rules.flatMap((rule) => grantOf(rule, query) ?? []);
}

/** The first grant of any of the queries by `rule` (for "any of these verbs on these resources"). */
export function firstGrant(rule: PolicyRuleView, queries: readonly PermissionQuery[]): { grant: Grant; query: PermissionQuery } | undefined {
  for (const query of queries) {
    const grant = grantOf(rule, query);
    if (grant) return { grant, query };
  }
  return undefined;
}

/** Every combination of verbs × resources in one group. */
export function queries(group: string, resources: readonly string[], verbs: readonly string[]): PermissionQuery[] {
  return resources.flatMap((resource) => verbs.map((verb) => ({ verb, group, resource })));
}

/**
 * The ClusterRoles and bindings Kubernetes itself creates (cluster-admin, system:node, ...)
 * carry this label; a dump of a cluster's RBAC contains them and they are what they are by design.
 */
export function isKubernetesDefault(object: K8sObject): boolean {
  return object.labels['kubernetes.io/bootstrapping'] === 'rbac-defaults';
}

/** `roleRef` of a binding. */
export function roleRefOf(binding: K8sObject): { kind?: string; name?: string; nameRef?: NodeRef; ref?: NodeRef } {
  const ref = child(binding.root, 'roleRef');
  const nameRef = child(ref, 'name');
  return { kind: str(child(ref, 'kind')), name: str(nameRef), nameRef, ref };
}

export interface SubjectView {
  ref: NodeRef;
  kind?: string;
  name?: string;
  nameRef?: NodeRef;
  /** The subject's namespace; a namespaced binding's ServiceAccount without one is in the binding's. */
  namespace?: string;
}

export function subjectsOf(binding: K8sObject): SubjectView[] {
  return items(child(binding.root, 'subjects')).map((ref) => {
    const nameRef = child(ref, 'name');
    const kind = str(child(ref, 'kind'));
    const own = str(child(ref, 'namespace'));
    const namespace = own ?? (kind === 'ServiceAccount' && binding.kind === 'RoleBinding' ? binding.namespace : undefined);
    return { ref, kind, name: str(nameRef), nameRef, namespace };
  });
}

/** "get, list" → `"get", "list"`. */
export function quoteList(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}
