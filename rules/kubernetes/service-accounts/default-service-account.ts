import { defineKubernetesRule } from '../../engine/rule';
import { bool, child, str } from '../../engine/yaml/nav';
import { podAnchor, withPodSpec, WORKLOAD_KINDS } from '../helpers';

export default defineKubernetesRule({
  meta: {
    id: 'default-service-account',
    title: 'Pod uses the default service account',
    severity: 'info',
    category: 'Service accounts',
    tier: 'strict',
    description:
      'Every pod of a namespace that names no service account runs as `default`. Any role granted to `default` for one workload is then shared by all of them, and their API requests cannot be told apart in audit logs. Pods with `automountServiceAccountToken: false` are skipped: without a token the identity is unused.',
    remediation: 'Create a ServiceAccount per workload and set `serviceAccountName` in the pod spec.',
    references: {
      cis: ['5.1.5'],
      kubeLinter: ['default-service-account'],
      kubesec: ['ServiceAccountName'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      if (bool(child(pod.ref, 'automountServiceAccountToken')) === false) return;
      // The deprecated `serviceAccount` field still names the account when serviceAccountName is absent.
      const named = child(pod.ref, 'serviceAccountName') ?? child(pod.ref, 'serviceAccount');
      const name = str(named);
      if (name !== undefined && name !== '' && name !== 'default') return;
      const problem = name === 'default' ? 'names the default service account' : 'names no service account, so it runs as default';
      context.report({
        at: named ?? podAnchor(context, pod),
        message: `The pod ${problem}, sharing its rights with every other such pod. Create a ServiceAccount for this workload and set serviceAccountName.`,
      });
    });
  },
});
