import type { KubernetesRuleContext, ProposedChange } from '../../engine/rule';
import { defineKubernetesRule } from '../../engine/rule';
import { ensureEntries, normalizeEdits, OverlappingEdits, removePair } from '../../engine/yaml/edits';
import { child, str, type NodeRef } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, isSet, withPodSpec, WORKLOAD_KINDS } from '../helpers';
import { inContainer } from './changes';

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
    withPodSpec(context, (pod) => checkProfile(context, child(pod.securityContext, 'seccompProfile'), 'The pod', "in the pod's securityContext"));
    forEachContainer(context, (container) => {
      checkProfile(context, child(container.securityContext, 'seccompProfile'), `The ${describeContainer(container)}`, inContainer(container));
    });
  },
});

function checkProfile(context: KubernetesRuleContext, profile: NodeRef | undefined, who: string, where: string): void {
  if (!isSet(profile)) return;
  const type = child(profile, 'type');
  const value = str(type) ?? '';
  if (ALLOWED_SECCOMP_TYPES.has(value)) return;
  context.report({
    at: isSet(type) ? type : profile,
    message: `${who} sets the seccomp profile type to "${value}", which disables or bypasses the syscall filter. Set seccompProfile.type to RuntimeDefault or Localhost.`,
    suggestions: () => runtimeDefaultChange(context, profile, where),
  });
}

/**
 * seccompProfile.type: RuntimeDefault, a suggestion: the default profile blocks syscalls an
 * unconfined workload may make. The API accepts localhostProfile only with type Localhost, so
 * a stray one goes too.
 */
function runtimeDefaultChange(context: KubernetesRuleContext, profile: NodeRef, where: string): ProposedChange[] {
  const typeEdits = ensureEntries(context.text, profile, { type: 'RuntimeDefault' });
  const strayEdits = child(profile, 'localhostProfile') ? removePair(context.text, profile, 'localhostProfile') : [];
  if (!typeEdits?.length || !strayEdits) return [];
  try {
    const edits = normalizeEdits([...typeEdits, ...strayEdits]);
    const removal = strayEdits.length > 0 ? ' and remove its localhostProfile' : '';
    return [{ title: `Set seccompProfile.type: RuntimeDefault${removal} ${where}`, edits }];
  } catch (error) {
    if (error instanceof OverlappingEdits) return [];
    throw error;
  }
}
