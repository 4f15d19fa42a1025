import { defineKubernetesRule } from '../../engine/rule';
import { child, items, num } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, WORKLOAD_KINDS } from '../helpers';

export default defineKubernetesRule({
  meta: {
    id: 'privileged-port',
    title: 'Container listens on a privileged port',
    severity: 'info',
    category: 'Host access',
    tier: 'strict',
    description:
      'Ports below 1024 can only be bound by root or with the `NET_BIND_SERVICE` capability, so a container declaring one usually runs with more privilege than it needs. Inside a pod the port number does not matter: a Service can expose port 80 while the container listens on 8080.',
    remediation: 'Make the application listen on a port of 1024 or higher (8080, 8443) and keep the well-known port on the Service (`port: 80`, `targetPort: 8080`).',
    references: {
      kubeLinter: ['privileged-ports'],
      trivy: ['KSV117'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container) => {
      for (const port of items(child(container.ref, 'ports'))) {
        const containerPort = child(port, 'containerPort');
        const value = num(containerPort);
        if (value === undefined || value <= 0 || value >= 1024) continue;
        context.report({
          at: containerPort!,
          message: `The ${describeContainer(container)} listens on port ${value}, which needs root or NET_BIND_SERVICE. Listen on a port of 1024 or higher and map it in the Service (targetPort).`,
        });
      }
    });
  },
});
