import type { KubernetesRuleContext } from '../../engine/rule';
import { defineKubernetesRule } from '../../engine/rule';
import { child, str, type NodeRef } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, isSet, withPodSpec, WORKLOAD_KINDS } from '../helpers';

/** The seccomp profile types both levels accept when a profile is given (exact spelling). */
export const ALLOWED_SECCOMP_TYPES = new Set(['RuntimeDefault', 'Localhost']);

export default defineKubernetesRule({
  meta: {
    id: 'seccomp-unconfined',
    title: 'Seccomp disabled',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'Seccomp filters the system calls a container can make; `Unconfined` turns the filter off and exposes the whole kernel syscall surface. When a `seccompProfile` is given, at pod or container level, the baseline Pod Security Standard requires its type to be `RuntimeDefault` or `Localhost`.',
    remediation: 'Set `seccompProfile: {type: RuntimeDefault}` (or `type: Localhost` with a `localhostProfile`), or remove the `Unconfined` profile.',
    references: {
      pss: { level: 'baseline', control: 'Seccomp' },
      trivy: ['KSV104'],
      polaris: ['linuxHardening'],
      kubesec: ['SeccompUnconfined'],
      links: ['https://kubernetes.io/docs/tutorials/security/seccomp/'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => checkProfile(context, child(pod.securityContext, 'seccompProfile'), 'The pod'));
    forEachContainer(context, (container) => {
      checkProfile(context, child(container.securityContext, 'seccompProfile'), `The ${describeContainer(container)}`);
    });
  },
});

function checkProfile(context: KubernetesRuleContext, profile: NodeRef | undefined, who: string): void {
  if (!isSet(profile)) return;
  const type = child(profile, 'type');
  const value = str(type) ?? '';
  if (ALLOWED_SECCOMP_TYPES.has(value)) return;
  context.report({
    at: isSet(type) ? type : profile,
    message: `${who} sets the seccomp profile type to "${value}", which disables or bypasses the syscall filter. Set seccompProfile.type to RuntimeDefault or Localhost.`,
  });
}
