import type { KubernetesRuleContext } from '../../engine/rule';
import { defineKubernetesRule } from '../../engine/rule';
import { atLeast } from '../../engine/version';
import { child, num, type NodeRef } from '../../engine/yaml/nav';
import type { YamlObject } from '../../engine/yaml/edits';
import { snippetObject } from '../fixes';
import { describeContainer, forEachContainer, usesUserNamespace, withPodSpec, WORKLOAD_KINDS } from '../helpers';
import { inContainer, mapChange, offered } from './changes';

/** The non-root UID the pod securityContext snippet proposes (10001, above the node's user range). */
const NON_ROOT_USER: YamlObject = { runAsUser: (snippetObject('Pod securityContext').securityContext as YamlObject).runAsUser };

export default defineKubernetesRule({
  meta: {
    id: 'run-as-root-user',
    title: 'Runs as UID 0',
    severity: 'warning',
    category: 'Pod security',
    tier: 'recommended',
    description:
      '`runAsUser: 0` runs the container\'s processes as root, whatever the image says. The restricted Pod Security Standard forbids it on the pod and on every container (a container override does not excuse a pod-level 0). From Kubernetes 1.35, pods with `hostUsers: false` are exempt: UID 0 in a user namespace maps to an unprivileged UID on the node.',
    remediation: 'Set `runAsUser` to a non-zero UID (for example 10001), or remove it and set `runAsNonRoot: true` with an image whose USER is numeric and non-root.',
    references: {
      pss: { level: 'restricted', control: 'Running as Non-root user (v1.23+)' },
      kubeLinter: ['run-as-non-root'],
      trivy: ['KSV105'],
      polaris: ['runAsRootAllowed'],
      kubeScore: ['container-security-context-user-group-id'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    const pod = context.object.podSpec;
    if (!pod || (atLeast(context.options.kubernetesVersion, 35) && usesUserNamespace(pod))) return;
    withPodSpec(context, (p) => checkUser(context, p.securityContext, 'The pod', "in the pod's securityContext"));
    forEachContainer(context, (container) => {
      checkUser(context, container.securityContext, `The ${describeContainer(container)}`, inContainer(container));
    });
  },
});

function checkUser(context: KubernetesRuleContext, securityContext: NodeRef | undefined, who: string, where: string): void {
  const value = child(securityContext, 'runAsUser');
  if (num(value) !== 0) return;
  context.report({
    at: value!,
    message: `${who} runs as root (runAsUser: 0). Set runAsUser to a non-zero UID.`,
    // A suggestion: files the image gave to root may no longer be readable or writable.
    suggestions: () => offered(mapChange(context, securityContext!, NON_ROOT_USER, where)),
  });
}
