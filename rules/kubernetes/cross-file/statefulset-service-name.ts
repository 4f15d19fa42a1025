import { defineWorkspaceRule, type WorkspaceObject } from '../../engine/rule';
import { child, str } from '../../engine/yaml/nav';
import { candidates, isPlaceholder, isService, mayShareScope, namespaceOf, operatorMayCreatePods } from './workspace-index';

export default defineWorkspaceRule({
  meta: {
    id: 'statefulset-service-name',
    title: 'StatefulSet without a headless governing Service',
    severity: 'warning',
    category: 'Network',
    tier: 'recommended',
    description:
      'A StatefulSet\'s pods get their stable DNS names (`<pod>.<serviceName>.<namespace>.svc`) from the headless Service (`clusterIP: None`) named by `spec.serviceName`. Without `serviceName`, or when it names a Service with a cluster IP, peers cannot address each other by name and clustered software (databases, brokers) fails to form. A name that matches no Service of the namespace is reported only when the scanned files contain Services of that namespace (for manifests without a namespace: of the same folder); StatefulSets without `spec.selector` are taken for patches and skipped.',
    remediation: 'Set `spec.serviceName` to a Service of the same namespace with `clusterIP: None` that selects the StatefulSet\'s pods; keep a separate ordinary Service for clients if needed.',
    references: {
      kubeScore: ['statefulset-has-servicename'],
      links: ['https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id'],
    },
  },
  reads: ['StatefulSet', 'Service'],
  check(context) {
    for (const target of context.objects) {
      const { object } = target;
      if (object.kind !== 'StatefulSet' || !object.apiVersion.startsWith('apps/')) continue;
      const spec = child(object.root, 'spec');
      // Without a selector (required in apps/v1) this is a fragment, such as a Kustomize patch.
      if (!child(spec, 'selector')) continue;
      const nameRef = child(spec, 'serviceName');
      const name = str(nameRef);
      if (!nameRef || !name) {
        context.report(target, {
          at: nameRef ?? object.kindRef,
          message: `The StatefulSet "${object.name}" sets no spec.serviceName: its pods get no stable DNS names. Name a headless Service (clusterIP: None) of namespace "${namespaceOf(object)}" that selects its pods.`,
        });
        continue;
      }
      // A headless Service of that name anywhere it may be deployed with the StatefulSet is
      // enough; a wrong or missing one is judged only where it surely is (mayShareScope).
      const everywhere = candidates(context.objects, object.namespace, isService);
      if (everywhere.some((s) => s.object.name === name && isHeadless(s))) continue;
      const services = everywhere.filter((s) => mayShareScope(target, s));
      const named = services.filter((s) => s.object.name === name);
      if (named.length > 0) {
        const service = named[0];
        const clusterIp = child(child(service.object.root, 'spec'), 'clusterIP');
        context.report(target, {
          at: nameRef,
          message: `The StatefulSet "${object.name}" is governed by Service "${name}", which is not headless: its pods get no stable DNS names. Use a Service with clusterIP: None as serviceName.`,
          related: [{ at: clusterIp ?? child(service.object.metadata, 'name') ?? service.object.kindRef, message: `Service "${name}" has a cluster IP`, in: service }],
        });
      } else if (services.length > 0 && !everywhere.some((s) => s.object.name === name) && !isPlaceholder(name) && !operatorMayCreatePods(context.objects, target)) {
        context.report(target, {
          at: nameRef,
          message: `The StatefulSet "${object.name}" is governed by Service "${name}", which no scanned file defines in namespace "${namespaceOf(object)}" (${listNames(services)} exist). Add a headless Service of that name (clusterIP: None) or fix the name.`,
        });
      }
    }
  },
});

function listNames(services: readonly WorkspaceObject[]): string {
  const names = [...new Set(services.map((s) => `"${s.object.name}"`))];
  return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
}

function isHeadless(service: WorkspaceObject): boolean {
  return str(child(child(service.object.root, 'spec'), 'clusterIP')) === 'None';
}
