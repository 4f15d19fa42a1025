import { defineWorkspaceRule, type WorkspaceObject } from '../../engine/rule';
import { WORKLOAD_KINDS } from '../helpers';
import { child, str, type NodeRef } from '../../engine/yaml/nav';
import { ALL, BINDING_KINDS, firstGrant, isKubernetesDefault, policyRules, queries, roleRefOf, subjectsOf, type PermissionQuery } from '../rbac/permissions';
import { isWorkload, namespaceOf } from './workspace-index';

interface Danger {
  what: string;
  queries: readonly PermissionQuery[];
}

/** The rights that make a ServiceAccount token worth stealing. */
const DANGERS: readonly Danger[] = [
  { what: 'read Secrets', queries: queries('', ['secrets'], ['get', 'list', 'watch']) },
  { what: 'exec into pods', queries: queries('', ['pods/exec', 'pods/attach'], ['create', 'get']) },
  {
    what: 'escalate, bind or impersonate',
    queries: [...queries('rbac.authorization.k8s.io', ['roles', 'clusterroles'], ['escalate', 'bind']), ...queries('', ['users', 'groups', 'serviceaccounts'], ['impersonate'])],
  },
];

/** Default ClusterRoles that are not in manifests but whose rights are known. */
const BUILTIN_ROLES: Record<string, string[]> = {
  'cluster-admin': ['do anything (cluster-admin)'],
  admin: ['read Secrets', 'exec into pods'],
  edit: ['read Secrets', 'exec into pods'],
};

export default defineWorkspaceRule({
  meta: {
    id: 'service-account-dangerous-permissions',
    title: 'ServiceAccount with dangerous permissions through a binding',
    severity: 'warning',
    category: 'RBAC',
    tier: 'recommended',
    description:
      'Follows each RoleBinding and ClusterRoleBinding to its role (among the scanned files, or the well-known `cluster-admin`, `admin` and `edit`) and reports ServiceAccounts that end up able to read Secrets, exec into pods, escalate/bind/impersonate, or hold `*` on `*`. A pod running as that account (or anyone who steals its token) gets those rights. The chain is shown as related locations: the role\'s rules, the ServiceAccount and the workloads that use it. Bindings Kubernetes ships (label `kubernetes.io/bootstrapping: rbac-defaults`) are skipped.',
    remediation: 'Give the account a role with only what the workload calls, bound per namespace; keep the dangerous rights to people and break-glass accounts.',
    references: {
      cis: ['5.1.1', '5.1.2', '5.1.3', '5.1.8'],
      checkov: ['CKV2_K8S_1', 'CKV2_K8S_2', 'CKV2_K8S_3', 'CKV2_K8S_5'],
      polaris: ['clusterrolebindingClusterAdmin', 'clusterrolebindingPodExecAttach', 'rolebindingRolePodExecAttach', 'rolebindingClusterRolePodExecAttach'],
      links: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    },
  },
  reads: [...WORKLOAD_KINDS, 'ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'],
  check(context) {
    const roles = context.objects.filter((o) => o.object.kind === 'Role' || o.object.kind === 'ClusterRole');
    for (const binding of context.objects) {
      const { object } = binding;
      if (!(BINDING_KINDS as readonly string[]).includes(object.kind) || isKubernetesDefault(object)) continue;
      const roleRef = roleRefOf(object);
      if (!roleRef.name) continue;
      const role = roles.find((r) => r.object.kind === roleRef.kind && r.object.name === roleRef.name && (r.object.kind === 'ClusterRole' || namespaceOf(r.object) === namespaceOf(object)));
      const rights = role ? rightsOf(role) : (roleRef.kind === 'ClusterRole' ? (BUILTIN_ROLES[roleRef.name] ?? []) : []).map((what) => ({ what, at: undefined }));
      if (rights.length === 0) continue;
      const scope = object.kind === 'ClusterRoleBinding' ? 'cluster-wide' : `in namespace "${namespaceOf(object)}"`;
      for (const subject of subjectsOf(object)) {
        if (subject.kind !== 'ServiceAccount' || !subject.name || !subject.nameRef || !subject.namespace) continue;
        const account = `${subject.namespace}/${subject.name}`;
        const whats = [...new Set(rights.map((r) => r.what))];
        context.report(binding, {
          at: subject.nameRef,
          message: `ServiceAccount "${account}" can ${whats.join(', ')} ${scope} through ${object.kind} "${object.name}" → ${roleRef.kind} "${roleRef.name}". Bind it to a role with only what its workloads need.`,
          related: [
            ...rights.flatMap((r) => (r.at && role ? [{ at: r.at, message: `${roleRef.kind} "${roleRef.name}" lets it ${r.what}`, in: role }] : [])),
            ...usersOf(context.objects, subject.namespace, subject.name),
          ],
        });
      }
    }
  },
});

function rightsOf(role: WorkspaceObject): Array<{ what: string; at?: NodeRef }> {
  const rules = policyRules(role.object);
  const out: Array<{ what: string; at?: NodeRef }> = [];
  for (const rule of rules) {
    const wildcard = rule.verbs.some((v) => v.value === ALL) && rule.resources.find((r) => r.value === ALL);
    if (wildcard) out.push({ what: 'do anything ("*" on "*")', at: wildcard.ref });
    for (const danger of DANGERS) {
      const found = firstGrant(rule, danger.queries);
      if (found && !found.grant.resourceNames) out.push({ what: danger.what, at: found.grant.resource });
    }
  }
  return out;
}

/** The ServiceAccount's manifest and the workloads running as it, as related locations. */
function usersOf(objects: readonly WorkspaceObject[], namespace: string, name: string) {
  return objects.flatMap((o) => {
    if (namespaceOf(o.object) !== namespace) return [];
    if (o.object.kind === 'ServiceAccount' && o.object.name === name) return [{ at: o.object.kindRef, message: `ServiceAccount "${namespace}/${name}"`, in: o }];
    if (!isWorkload(o.object)) return [];
    const ref = child(o.object.podSpec!.ref, 'serviceAccountName') ?? child(o.object.podSpec!.ref, 'serviceAccount');
    return ref && str(ref) === name ? [{ at: ref, message: `${o.object.kind} "${o.object.name}" runs as it`, in: o }] : [];
  });
}
