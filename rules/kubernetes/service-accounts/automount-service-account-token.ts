import { defineKubernetesRule } from '../../engine/rule';
import { bool, child } from '../../engine/yaml/nav';
import { podAnchor, withPodSpec, WORKLOAD_KINDS } from '../helpers';
import { offered, podSpecChange } from '../pod-security/changes';

export default defineKubernetesRule({
  meta: {
    id: 'automount-service-account-token',
    title: 'Service account token mounted',
    severity: 'info',
    category: 'Service accounts',
    tier: 'recommended',
    description:
      'Unless told otherwise, Kubernetes mounts a token of the pod\'s service account into every container. Most applications never call the Kubernetes API, but anyone who compromises them can use the token with all the rights of that account. The ServiceAccount object can also disable automounting; this rule sees one document at a time, hence the info severity.',
    remediation:
      'Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount). Pods that call the API keep the default, or mount a projected token with a short expiry.',
    references: {
      cis: ['5.1.6'],
      nsa: ['1.11'],
      checkov: ['CKV_K8S_38'],
      trivy: ['KSV036'],
      polaris: ['automountServiceAccountToken'],
      kubesec: ['AutomountServiceAccountToken'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      const automount = child(pod.ref, 'automountServiceAccountToken');
      if (bool(automount) === false) return;
      const reason = automount ? 'automountServiceAccountToken is not false' : 'the pod does not set automountServiceAccountToken';
      context.report({
        at: automount ?? podAnchor(context, pod),
        message: `Every container gets a Kubernetes API token because ${reason}. Set automountServiceAccountToken: false in the pod spec unless the application calls the API.`,
        // A suggestion: an application that calls the API loses its credentials.
        suggestions: () => offered(podSpecChange(context, pod, { automountServiceAccountToken: false })),
      });
    });
  },
});
