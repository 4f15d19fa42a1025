import { defineKubernetesRule } from '../../engine/rule';
import type { KubernetesRuleContext, ProposedChange } from '../../engine/rule';
import { setScalar } from '../../engine/yaml/edits';
import { at, stringItems, type NodeRef } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, isPssWindowsPod, isSet, WORKLOAD_KINDS, type ContainerView, type PodSpecView } from '../helpers';
import { containerSettingsChange, hardenAll, offered } from './changes';

export default defineKubernetesRule({
  meta: {
    id: 'drop-all-capabilities',
    title: 'Capabilities not dropped',
    severity: 'warning',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'A container keeps the runtime\'s default capabilities (CHOWN, SETUID, NET_RAW on some runtimes...) unless it drops them. The restricted Pod Security Standard requires `capabilities.drop` to contain `ALL` (upper case, as Pod Security Admission compares it) on every container, init container and ephemeral container. Windows pods (`spec.os.name: windows`) are exempt.',
    remediation: 'Add `securityContext: {capabilities: {drop: ["ALL"]}}` to the container, then add back only `NET_BIND_SERVICE` if it is needed.',
    references: {
      pss: { level: 'restricted', control: 'Capabilities (v1.22+)' },
      cis: ['5.2.9'],
      checkov: ['CKV_K8S_37'],
      trivy: ['KSV003'],
      polaris: ['insecureCapabilities'],
      kubesec: ['CapDropAll'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container, pod) => {
      if (isPssWindowsPod(pod)) return;
      const drop = at(container.securityContext, 'capabilities', 'drop');
      if (stringItems(drop).some((item) => item.value === 'ALL')) return;
      const listed = isSet(drop);
      context.report({
        at: listed ? drop : container.anchor,
        message: listed
          ? `The ${describeContainer(container)} drops some capabilities but not ALL. Write drop: ["ALL"] in its capabilities.`
          : `The ${describeContainer(container)} keeps the runtime's default capabilities. Set securityContext.capabilities.drop: ["ALL"].`,
        suggestions: () => dropAllChanges(context, container, pod, drop),
      });
    });
  },
});

/**
 * ALL joins the drop list (created when missing). A list holding `all` in another case already
 * counts as ALL for the builders, which add nothing: the change then rewrites that item, and the
 * harden-all change, which would not touch it, is left out.
 */
function dropAllChanges(context: KubernetesRuleContext, container: ContainerView, pod: PodSpecView, drop: NodeRef | undefined): ProposedChange[] {
  const spelled = stringItems(drop).find((item) => item.value.trim().toUpperCase() === 'ALL');
  if (!spelled) return offered(containerSettingsChange(context, container, 'capabilities'), hardenAll(context, container, pod));
  const edits = setScalar(context.text, spelled.ref, 'ALL');
  return edits?.length ? [{ title: `Write ALL in upper case in capabilities.drop of the ${describeContainer(container)}`, edits }] : [];
}
