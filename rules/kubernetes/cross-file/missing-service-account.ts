import { defineWorkspaceRule } from '../../engine/rule';
import { WORKLOAD_KINDS } from '../helpers';
import { child, str, type NodeRef } from '../../engine/yaml/nav';
import { BINDING_KINDS, subjectsOf } from '../rbac/permissions';
import { candidates, isPlaceholder, isWorkload } from './workspace-index';

export default defineWorkspaceRule({
  meta: {
    id: 'missing-service-account',
    title: 'Reference to a ServiceAccount that does not exist',
    severity: 'warning',
    category: 'Service accounts',
    tier: 'recommended',
    description:
      'A workload\'s `serviceAccountName`, or a ServiceAccount subject of a RoleBinding or ClusterRoleBinding, names an account that no scanned file defines in that namespace. Pods of the workload are not created until the account exists, and a binding to a missing account is a grant waiting for whoever creates it. `default` is ignored (every namespace has it), and the check only runs for namespaces where the scanned files define at least one ServiceAccount.',
    remediation: 'Fix the name, or add the ServiceAccount to the manifests.',
    references: {
      kubeLinter: ['non-existent-service-account'],
      links: ['https://kubernetes.io/docs/concepts/security/service-accounts/'],
    },
  },
  reads: [...WORKLOAD_KINDS, 'RoleBinding', 'ClusterRoleBinding'],
  check(context) {
    const missing = (namespace: string | undefined, name: string) => {
      if (name === 'default' || isPlaceholder(name)) return false;
      const known = candidates(context.objects, namespace, (o) => o.kind === 'ServiceAccount' && o.apiVersion === 'v1');
      return known.length > 0 && !known.some((a) => a.object.name === name);
    };
    for (const target of context.objects) {
      const { object } = target;
      const references: Array<{ namespace: string | undefined; name: string; at: NodeRef; by: string }> = [];
      if (isWorkload(object)) {
        const ref = child(object.podSpec!.ref, 'serviceAccountName') ?? child(object.podSpec!.ref, 'serviceAccount');
        const name = str(ref);
        if (ref && name) references.push({ namespace: object.namespace, name, at: ref, by: `The ${object.kind} "${object.name}" runs as` });
      } else if ((BINDING_KINDS as readonly string[]).includes(object.kind)) {
        for (const subject of subjectsOf(object)) {
          if (subject.kind !== 'ServiceAccount' || !subject.name || !subject.nameRef || !subject.namespace) continue;
          references.push({ namespace: subject.namespace, name: subject.name, at: subject.nameRef, by: `The ${object.kind} "${object.name}" grants its role to` });
        }
      }
      for (const r of references) {
        if (!missing(r.namespace, r.name)) continue;
        context.report(target, {
          at: r.at,
          message: `${r.by} ServiceAccount "${r.name}", which no scanned file defines in namespace "${r.namespace ?? 'default'}". Fix the name or add the ServiceAccount.`,
        });
      }
    }
  },
});
