import type { K8sObject } from '../../engine/kubernetes/object';
import { defineWorkspaceRule, type WorkspaceObject } from '../../engine/rule';
import { at, child, items, num, str, type NodeRef } from '../../engine/yaml/nav';
import { candidates, isPlaceholder, isService, operatorMayCreatePods, namespaceOf } from './workspace-index';

interface Backend {
  name: string;
  nameRef: NodeRef;
  port?: string | number;
  portRef?: NodeRef;
}

export default defineWorkspaceRule({
  meta: {
    id: 'ingress-backend-missing-service',
    title: 'Ingress backend points at a missing Service or port',
    severity: 'warning',
    category: 'Network',
    tier: 'recommended',
    description:
      'An Ingress backend names a Service (or a port of it) that no scanned file defines in the Ingress\'s namespace: the controller answers 503 for those paths. Only reported when the scanned files contain at least one Service of that namespace, so Services deployed from elsewhere do not flood the report.',
    remediation: 'Fix the Service name or port in the backend, or add the Service.',
    references: {
      kubeLinter: ['dangling-ingress'],
      kubeScore: ['ingress-targets-service'],
      links: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#the-ingress-resource'],
    },
  },
  reads: ['Ingress', 'Service'],
  check(context) {
    for (const target of context.objects) {
      const { object } = target;
      if (object.kind !== 'Ingress') continue;
      const namespace = namespaceOf(object);
      const known = candidates(context.objects, object.namespace, isService);
      if (known.length === 0) continue;
      for (const backend of backendsOf(object)) {
        const named = known.filter((s) => s.object.name === backend.name);
        const service = named[0];
        if (!service) {
          if (isPlaceholder(backend.name) || operatorMayCreatePods(context.objects, target)) continue;
          context.report(target, {
            at: backend.nameRef,
            message: `The Ingress "${object.name}" routes to Service "${backend.name}", which no scanned file defines in namespace "${namespace}" (${known.map((s) => `"${s.object.name}"`).join(', ')} exist). Fix the name or add the Service.`,
          });
        } else if (backend.port !== undefined && backend.portRef && !named.some((s) => hasPort(s, backend.port!))) {
          context.report(target, {
            at: backend.portRef,
            message: `The Ingress "${object.name}" routes to port ${JSON.stringify(backend.port)} of Service "${backend.name}", which has no such port. Use one of the ports the Service declares.`,
            related: [{ at: child(child(service.object.root, 'spec'), 'ports') ?? service.object.kindRef, message: `ports of Service "${backend.name}"`, in: service }],
          });
        }
      }
    }
  },
});

/** Backends of networking.k8s.io/v1 (service.name/port) and of the removed v1beta1 shape (serviceName/servicePort). */
function backendsOf(ingress: K8sObject): Backend[] {
  const spec = child(ingress.root, 'spec');
  const refs = [child(spec, 'defaultBackend'), child(spec, 'backend'), ...items(child(spec, 'rules')).flatMap((r) => items(at(r, 'http', 'paths')).map((p) => child(p, 'backend')))];
  return refs.flatMap((ref) => {
    if (!ref) return [];
    const service = child(ref, 'service');
    const nameRef = service ? child(service, 'name') : child(ref, 'serviceName');
    const portRef = service ? (child(child(service, 'port'), 'number') ?? child(child(service, 'port'), 'name')) : child(ref, 'servicePort');
    const name = str(nameRef);
    if (!name || !nameRef) return [];
    return [{ name, nameRef, port: num(portRef) ?? str(portRef), portRef }];
  });
}

function hasPort(service: WorkspaceObject, port: string | number): boolean {
  return items(child(child(service.object.root, 'spec'), 'ports')).some((p) => num(child(p, 'port')) === port || str(child(p, 'name')) === port);
}
