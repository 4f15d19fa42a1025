import { defineKubernetesRule } from '../../engine/rule';
import { KNOWN_NAMESPACED_KINDS } from './scope';

export default defineKubernetesRule({
  meta: {
    id: 'namespace-not-set',
    title: 'Namespace not set',
    severity: 'info',
    category: 'Namespaces',
    tier: 'strict',
    description:
      'An object without `metadata.namespace` lands in whatever namespace `kubectl` is pointed at, often `default`. Many teams set the namespace at apply time (`kubectl -n`, Kustomize, Helm, Argo CD), hence the strict profile only. Only well-known namespaced kinds are checked; custom resources may be cluster-scoped.',
    remediation: 'Set `metadata.namespace` in the manifest, or set it for the whole directory with Kustomize\'s `namespace:` field.',
    references: {
      cis: ['5.6.1'],
      kubeLinter: ['use-namespace'],
      checkov: ['CKV_K8S_21'],
      trivy: ['KSV110'],
    },
  },
  check(context) {
    const { object } = context;
    if (object.namespace !== undefined || !KNOWN_NAMESPACED_KINDS.has(object.kind)) return;
    context.report({
      at: object.kindRef,
      message: `The ${object.kind} "${object.name}" sets no namespace, so it goes wherever kubectl points, often default. Set metadata.namespace.`,
    });
  },
});
