import { defineKubernetesRule } from '../../engine/rule';
import { child } from '../../engine/yaml/nav';
import { CLUSTER_SCOPED_KINDS } from './scope';

export default defineKubernetesRule({
  meta: {
    id: 'default-namespace',
    title: 'Object in the default namespace',
    severity: 'warning',
    category: 'Namespaces',
    tier: 'recommended',
    description:
      'The `default` namespace is where everything lands when nobody chose: objects there share one set of RBAC bindings, quotas, network policies and Pod Security labels with every stray workload. This rule reports an explicit `metadata.namespace: default`; an unset namespace, usual in manifests applied with `kubectl -n`, is reported by `namespace-not-set` in the strict profile. The `default` ServiceAccount and the `kubernetes` Service, which Kubernetes itself creates there, are exempt.',
    remediation: 'Create a namespace for the application and set `metadata.namespace` to it.',
    references: {
      cis: ['5.6.1', '5.6.4'],
      kubeLinter: ['use-namespace'],
      checkov: ['CKV_K8S_21'],
      trivy: ['KSV110'],
    },
  },
  check(context) {
    const { object } = context;
    if (object.namespace !== 'default' || CLUSTER_SCOPED_KINDS.has(object.kind)) return;
    if ((object.kind === 'ServiceAccount' && object.name === 'default') || (object.kind === 'Service' && object.name === 'kubernetes')) return;
    context.report({
      at: child(object.metadata, 'namespace')!,
      message: `The ${object.kind} "${object.name}" is in the default namespace, shared by every workload that did not choose one. Set metadata.namespace to the application's own namespace.`,
    });
  },
});
