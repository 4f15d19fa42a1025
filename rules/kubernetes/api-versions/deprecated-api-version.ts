import { defineKubernetesRule } from '../../engine/rule';
import { formatVersion } from '../../engine/version';
import { advice, apiVersionRef, migration } from './report';
import { apiChangeOf } from './table';

export default defineKubernetesRule({
  meta: {
    id: 'deprecated-api-version',
    title: 'Deprecated API version',
    severity: 'info',
    category: 'API versions',
    tier: 'recommended',
    description:
      'The object uses a group/version that the target Kubernetes version (option `kubernetesVersion`) still serves but has deprecated: a later upgrade will remove it. Versions already removed in the target are reported by `removed-api-version` instead.',
    remediation: 'Move to the replacement version shown in the message before upgrading the cluster.',
    references: {
      trivy: ['KSV107'],
      kubeScore: ['stable-version'],
      links: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/'],
    },
  },
  check(context) {
    const { object, options } = context;
    const change = apiChangeOf(object.apiVersion, object.kind);
    const target = options.kubernetesVersion.minor;
    if (!change || target < change.deprecatedIn || (change.removedIn !== undefined && target >= change.removedIn)) return;
    const removal = change.removedIn !== undefined ? `, and 1.${change.removedIn} removes it` : '';
    context.report({
      at: apiVersionRef(context),
      message: `${object.apiVersion} ${object.kind} is deprecated since Kubernetes 1.${change.deprecatedIn} (target ${formatVersion(options.kubernetesVersion)})${removal}. ${advice(change)}`,
      ...migration(context, change),
    });
  },
});
