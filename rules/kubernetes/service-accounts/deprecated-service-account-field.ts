import { defineKubernetesRule } from '../../engine/rule';
import { child, str } from '../../engine/yaml/nav';
import { withPodSpec, WORKLOAD_KINDS } from '../helpers';

export default defineKubernetesRule({
  meta: {
    id: 'deprecated-service-account-field',
    title: 'Deprecated serviceAccount field',
    severity: 'info',
    category: 'Service accounts',
    tier: 'recommended',
    description:
      '`serviceAccount` is a deprecated alias of `serviceAccountName`. When both are set and differ, readers and tools disagree about which identity the pod runs as.',
    remediation: 'Rename `serviceAccount` to `serviceAccountName` (or delete it when `serviceAccountName` is already set).',
    references: {
      kubeLinter: ['deprecated-service-account-field'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      const deprecated = child(pod.ref, 'serviceAccount');
      const name = str(deprecated);
      if (!deprecated || name === undefined || name === '') return;
      const current = str(child(pod.ref, 'serviceAccountName'));
      const advice =
        current === undefined
          ? `Rename serviceAccount to serviceAccountName.`
          : current === name
            ? 'Delete it: serviceAccountName already says the same.'
            : `Delete it: it contradicts serviceAccountName "${current}".`;
      context.report({ at: deprecated, message: `The pod uses the deprecated serviceAccount field ("${name}"). ${advice}` });
    });
  },
});
