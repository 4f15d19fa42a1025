import { defineWorkspaceRule, type WorkspaceObject } from '../../engine/rule';
import { WORKLOAD_KINDS } from '../helpers';
import { child, items, scalar, str } from '../../engine/yaml/nav';
import { portNameProblem } from '../exposure/port-names';
import { candidates, isEmptySelector, isService, isWorkload, mapSelector, operatorMayCreatePods, podLabelsAnchor, selects } from './workspace-index';

export default defineWorkspaceRule({
  meta: {
    id: 'service-target-port-not-found',
    title: 'Service targetPort names a port no selected container declares',
    severity: 'warning',
    category: 'Network',
    tier: 'recommended',
    description:
      'A named `targetPort` is looked up in the `ports` of each selected pod\'s containers; when none declares a port of that name the pod gets no endpoint for it and clients of the Service get connection errors. Checked against the workloads among the scanned files that the Service selects, only when it selects at least one (`service-selects-nothing` reports the others) and none of them declares the name.',
    remediation: 'Use the `name` of one of the container ports (or its number), or add the name to the container port the Service should reach.',
    references: {
      kubeLinter: ['invalid-target-ports'],
      links: ['https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports'],
    },
  },
  reads: [...WORKLOAD_KINDS, 'Service'],
  check(context) {
    for (const target of context.objects) {
      const { object } = target;
      if (!isService(object)) continue;
      const spec = child(object.root, 'spec');
      const selector = mapSelector(child(spec, 'selector'));
      if (isEmptySelector(selector) || str(child(spec, 'type')) === 'ExternalName') continue;
      const selected = candidates(context.objects, object.namespace, isWorkload).filter((w) => selects(selector, w.object.podSpec!.labels));
      if (selected.length === 0 || operatorMayCreatePods(context.objects, target)) continue;
      const declared = new Set(selected.flatMap((w) => [...declaredPortNames(w)]));
      for (const port of items(child(spec, 'ports'))) {
        const ref = child(port, 'targetPort');
        const name = scalar(ref);
        if (!ref || typeof name !== 'string' || /^\d+$/.test(name) || portNameProblem(name) || declared.has(name)) continue;
        context.report(target, {
          at: ref,
          message: `The targetPort "${name}" of Service "${object.name}" names no container port of the workloads it selects (${selected.map((w) => `${w.object.kind} "${w.object.name}"`).join(', ')}): the Service has no endpoint for it. Use a port name their containers declare, or the port number.`,
          related: selected.map((w) => ({ at: podLabelsAnchor(w.object), message: `${w.object.kind} "${w.object.name}" declares ${describeNames(declaredPortNames(w))}`, in: w })),
        });
      }
    }
  },
});

/** Names of the ports of a workload's containers and init containers (native sidecars serve too). */
function declaredPortNames(workload: WorkspaceObject): Set<string> {
  const containers = workload.object.podSpec!.containers.filter((c) => c.type !== 'ephemeralContainers');
  return new Set(containers.flatMap((c) => items(child(c.ref, 'ports')).flatMap((p) => str(child(p, 'name')) ?? [])));
}

function describeNames(names: Set<string>): string {
  return names.size === 0 ? 'no named port' : `ports ${[...names].map((n) => `"${n}"`).join(', ')}`;
}
