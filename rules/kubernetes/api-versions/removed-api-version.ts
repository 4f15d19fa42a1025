import { defineKubernetesRule } from '../../engine/rule';
import { formatVersion } from '../../engine/version';
import { advice, apiVersionRef, migration } from './report';
import { apiChangeOf } from './table';

export default defineKubernetesRule({
  meta: {
    id: 'removed-api-version',
    title: 'API version removed in the target Kubernetes version',
    severity: 'error',
    category: 'API versions',
    tier: 'recommended',
    description:
      'The object uses a group/version that the target Kubernetes version (option `kubernetesVersion`) no longer serves: the API server rejects it, and tools that still accept it (old clients, Helm charts) fail at deploy time. PodSecurityPolicy has no replacement: Pod Security Admission took over in 1.25.',
    remediation:
      'Move to the replacement version shown in the message. Where only `apiVersion` changes the quick fix does it; where fields changed (Ingress, webhooks, CRDs, apps/v1) update them as the migration guide says.',
    references: {
      kubeLinter: ['no-extensions-v1beta'],
      trivy: ['KSV107'],
      kubeScore: ['stable-version'],
      links: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/', 'https://kubernetes.io/docs/concepts/security/pod-security-admission/'],
    },
  },
  check(context) {
    const { object, options } = context;
    const change = apiChangeOf(object.apiVersion, object.kind);
    if (!change?.removedIn || options.kubernetesVersion.minor < change.removedIn) return;
    context.report({
      at: apiVersionRef(context),
      message: `${object.apiVersion} ${object.kind} was removed in Kubernetes 1.${change.removedIn}; the target ${formatVersion(options.kubernetesVersion)} rejects it. ${advice(change)}`,
      ...migration(context, change),
    });
  },
});
