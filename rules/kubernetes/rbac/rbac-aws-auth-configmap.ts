import { defineKubernetesRule } from '../../engine/rule';
import { str } from '../../engine/yaml/nav';
import { RBAC_DOCS, rbacMeta } from './permission-rule';
import { firstGrant, isKubernetesDefault, policyRules, queries, ROLE_KINDS } from './permissions';

const AWS_AUTH = 'aws-auth';
const WRITES = queries('', ['configmaps'], ['update', 'patch', 'delete']);

/**
 * Only grants that name `aws-auth` in `resourceNames`: unnamed ConfigMap writes are
 * `rbac-manage-configmaps`' business, and naming the map shows the role is meant for it.
 */
export default defineKubernetesRule({
  meta: rbacMeta({
    id: 'rbac-aws-auth-configmap',
    title: 'Role can change the EKS aws-auth ConfigMap',
    severity: 'error',
    description:
      'On Amazon EKS the `aws-auth` ConfigMap of `kube-system` maps IAM roles and users to Kubernetes users and groups. Whoever can update, patch or delete it can map an IAM identity they control to `system:masters` and become cluster administrator, or lock every administrator out.',
    remediation:
      'Remove `update`, `patch` and `delete` on `aws-auth` from the role and manage the mapping from infrastructure code; on current EKS versions, move to EKS access entries and delete the ConfigMap-based mapping.',
    references: {
      trivy: ['KSV115'],
      links: [RBAC_DOCS, 'https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html', 'https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html'],
    },
  }),
  kinds: ROLE_KINDS,
  check(context) {
    const { object } = context;
    if (isKubernetesDefault(object)) return;
    for (const rule of policyRules(object)) {
      const found = firstGrant(rule, WRITES);
      if (!found?.grant.resourceNames?.includes(AWS_AUTH)) continue;
      const { grant, query } = found;
      const name = rule.resourceNames.length > 1 ? `"${AWS_AUTH}" among the resourceNames` : `"${AWS_AUTH}"`;
      context.report({
        at: grant.resource,
        message: `The ${object.kind} "${object.name}" lets its subjects ${query.verb} the ConfigMap ${name} (verb "${str(grant.verb)}"): on EKS that maps IAM identities to Kubernetes groups, system:masters included. Manage aws-auth from infrastructure code or use EKS access entries, and remove the write verbs.`,
        related: [{ at: grant.verb, message: `"${str(grant.verb)}" grants ${query.verb}` }],
      });
    }
  },
});
