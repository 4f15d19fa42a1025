import { defineKubernetesRule } from '../../engine/rule';
import { atLeast, type KubernetesVersion } from '../../engine/version';
import { child, str, type NodeRef } from '../../engine/yaml/nav';
import type { KubernetesRuleContext, ProposedChange } from '../../engine/rule';
import { containerSecurityContextChange } from '../fixes';
import { describeContainer, isSet, usesUserNamespace, WORKLOAD_KINDS, type ContainerView, type PodSpecView } from '../helpers';
import { offered } from './changes';

/** Containers whose procMount is set to anything but `Default` (PSA compares exactly; "" counts). */
export function unmaskedProcMounts(pod: PodSpecView): Array<{ container: ContainerView; ref: NodeRef; value: string }> {
  return pod.containers.flatMap((container) => {
    const ref = child(container.securityContext, 'procMount');
    if (!isSet(ref)) return [];
    const value = str(ref) ?? '';
    return value === 'Default' ? [] : [{ container, ref, value }];
  });
}

/**
 * procMount: Default, a suggestion: a workload that builds or runs containers inside its own
 * may need the unmasked /proc. Setting it (not removing it) keeps a securityContext that holds
 * nothing else from becoming empty.
 */
export function defaultProcMountChanges(context: KubernetesRuleContext, container: ContainerView): ProposedChange[] {
  return offered(containerSecurityContextChange(context, container, { procMount: 'Default' }));
}

/** From 1.35 the baseline level accepts any procMount in a pod with its own user namespace. */
export function baselineRelaxesProcMount(pod: PodSpecView, version: KubernetesVersion): boolean {
  return atLeast(version, 35) && usesUserNamespace(pod);
}

export default defineKubernetesRule({
  meta: {
    id: 'proc-mount',
    title: 'Unmasked /proc',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'The runtime masks and makes read-only sensitive parts of `/proc` (kcore, keys, sysrq-trigger...). `procMount: Unmasked` removes those masks, exposing kernel interfaces to the container. The baseline Pod Security Standard allows only `Default` (or no value); from Kubernetes 1.35 it accepts any value in a pod with `hostUsers: false`, whose user namespace contains the risk (the restricted level still forbids it: see `proc-mount-restricted`).',
    remediation: 'Remove `securityContext.procMount`, or set it to `Default`.',
    references: {
      pss: { level: 'baseline', control: '/proc Mount Type' },
      kubeLinter: ['unsafe-proc-mount'],
      trivy: ['KSV027'],
      polaris: ['procMount'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    const pod = context.object.podSpec;
    if (!pod || baselineRelaxesProcMount(pod, context.options.kubernetesVersion)) return;
    for (const { container, ref, value } of unmaskedProcMounts(pod)) {
      context.report({
        at: ref,
        message: `The ${describeContainer(container)} sets procMount: "${value}", which unmasks /proc. Remove procMount or set it to Default.`,
        suggestions: () => defaultProcMountChanges(context, container),
      });
    }
  },
});
