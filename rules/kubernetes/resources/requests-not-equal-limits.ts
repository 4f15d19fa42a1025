import { defineKubernetesRule } from '../../engine/rule';
import { at, scalar } from '../../engine/yaml/nav';
import { describeContainer, WORKLOAD_KINDS } from '../helpers';
import { parseQuantity, sameQuantity } from './quantity';
import { forEachResourcedContainer } from './requirements';

export default defineKubernetesRule({
  meta: {
    id: 'requests-not-equal-limits',
    title: 'Requests differ from limits',
    severity: 'info',
    category: 'Resources',
    tier: 'strict',
    description:
      'When a container\'s CPU or memory request is lower than its limit, the node can be overcommitted: under pressure the container is throttled or OOM-killed, or evicted before pods whose requests equal their limits (the Guaranteed QoS class). Only containers that set both values are checked; quantities are compared by value, so `1` equals `1000m` and `1Gi` equals `1024Mi`.',
    remediation: 'Set `resources.requests.<resource>` equal to `resources.limits.<resource>` for CPU and memory, to get the Guaranteed QoS class.',
    references: {
      kubeScore: ['container-resource-requests-equal-limits', 'container-cpu-requests-equal-limits', 'container-memory-requests-equal-limits'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachResourcedContainer(context, (container) => {
      for (const resource of ['cpu', 'memory']) {
        const request = at(container.ref, 'resources', 'requests', resource);
        const limit = at(container.ref, 'resources', 'limits', resource);
        const requested = quantityOf(request);
        const limited = quantityOf(limit);
        if (requested === undefined || limited === undefined || sameQuantity(requested, limited)) continue;
        context.report({
          at: request!,
          message: `The ${describeContainer(container)} requests ${String(scalar(request))} ${resource} but is limited to ${String(scalar(limit))}. Set requests.${resource} equal to limits.${resource}.`,
        });
      }
    });
  },
});

function quantityOf(ref: Parameters<typeof scalar>[0]): number | undefined {
  const value = scalar(ref);
  return typeof value === 'string' || typeof value === 'number' ? parseQuantity(value) : undefined;
}
