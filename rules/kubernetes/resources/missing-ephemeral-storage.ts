import { defineKubernetesRule } from '../../engine/rule';
import { describeContainer, WORKLOAD_KINDS } from '../helpers';
import { declares, forEachResourcedContainer, requirementAnchor, type Requirement } from './requirements';

const RESOURCE = 'ephemeral-storage';

export default defineKubernetesRule({
  meta: {
    id: 'missing-ephemeral-storage',
    title: 'No ephemeral-storage request or limit',
    severity: 'info',
    category: 'Resources',
    tier: 'strict',
    description:
      'Logs, writable layers and `emptyDir` volumes use the node\'s disk. Without an `ephemeral-storage` request the scheduler ignores that usage; without a limit one container can fill the disk and get every pod on the node evicted. A pod-level setting counts.',
    remediation: 'Add `resources.requests.ephemeral-storage` and `resources.limits.ephemeral-storage` to every container (for example `100Mi` and `1Gi`).',
    references: {
      kubeScore: ['container-ephemeral-storage-request-and-limit'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachResourcedContainer(context, (container, pod) => {
      const missing = (['requests', 'limits'] as Requirement[]).filter(
        (requirement) => !declares(container.ref, requirement, RESOURCE) && !declares(pod.ref, requirement, RESOURCE),
      );
      if (missing.length === 0) return;
      const what = missing.length === 2 ? 'no ephemeral-storage request or limit' : `no ephemeral-storage ${missing[0] === 'requests' ? 'request' : 'limit'}`;
      const add = missing.map((requirement) => `resources.${requirement}.${RESOURCE}`).join(' and ');
      context.report({
        at: requirementAnchor(container, missing[0]),
        message: `The ${describeContainer(container)} sets ${what}, so its disk usage is not accounted for. Add ${add}.`,
      });
    });
  },
});
