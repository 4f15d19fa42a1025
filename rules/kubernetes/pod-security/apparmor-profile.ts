import type { KubernetesRuleContext } from '../../engine/rule';
import { defineKubernetesRule } from '../../engine/rule';
import { child, entries, str, type NodeRef } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, isSet, withPodSpec, WORKLOAD_KINDS } from '../helpers';

const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);
const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** The deprecated annotation accepts empty, `runtime/default` and `localhost/<profile>`. */
function allowedAnnotationValue(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

export default defineKubernetesRule({
  meta: {
    id: 'apparmor-profile',
    title: 'AppArmor disabled or overridden',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'On nodes with AppArmor, the runtime confines every container with its default profile. Setting the profile to `Unconfined` (or to any type other than `RuntimeDefault` or `Localhost`) removes that confinement. The baseline Pod Security Standard checks both the `securityContext.appArmorProfile` field (pod and containers) and the deprecated `container.apparmor.security.beta.kubernetes.io/<container>` annotations, which may only be empty, `runtime/default` or `localhost/<profile>`.',
    remediation:
      'Remove the override, or set `appArmorProfile: {type: RuntimeDefault}` (or `type: Localhost` with `localhostProfile`). Replace the deprecated annotation by the field.',
    references: {
      pss: { level: 'baseline', control: 'AppArmor' },
      nsa: ['1.9'],
      trivy: ['KSV002'],
      polaris: ['linuxHardening'],
      kubesec: ['ApparmorUnconfined'],
      links: ['https://kubernetes.io/docs/tutorials/security/apparmor/'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      checkProfile(context, child(pod.securityContext, 'appArmorProfile'), 'The pod');
      for (const [key, value] of entries(child(pod.metadata, 'annotations'))) {
        const text = str(value);
        if (!key.startsWith(ANNOTATION_PREFIX) || text === undefined || allowedAnnotationValue(text)) continue;
        context.report({
          at: value,
          message: `The annotation ${key} sets the AppArmor profile "${text}". Use runtime/default or localhost/<profile>, or better the securityContext.appArmorProfile field.`,
        });
      }
    });
    forEachContainer(context, (container) => {
      const label = `The ${describeContainer(container)}`;
      checkProfile(context, child(container.securityContext, 'appArmorProfile'), label);
    });
  },
});

function checkProfile(context: KubernetesRuleContext, profile: NodeRef | undefined, who: string): void {
  if (!isSet(profile)) return;
  const type = child(profile, 'type');
  const value = str(type) ?? '';
  if (ALLOWED_TYPES.has(value)) return;
  context.report({
    at: isSet(type) ? type : profile,
    message: `${who} sets the AppArmor profile type to "${value}", which removes the default confinement. Set appArmorProfile.type to RuntimeDefault or Localhost.`,
  });
}
