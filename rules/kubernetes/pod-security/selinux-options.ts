import type { KubernetesRuleContext } from '../../engine/rule';
import { defineKubernetesRule } from '../../engine/rule';
import { child, str, type NodeRef } from '../../engine/yaml/nav';
import { atLeast } from '../../engine/version';
import { describeContainer, forEachContainer, isSet, withPodSpec, WORKLOAD_KINDS } from '../helpers';

const ALLOWED_TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
/** `container_engine_t` (for nested container engines) is allowed from Kubernetes 1.31. */
const ALLOWED_TYPES_1_31 = [...ALLOWED_TYPES, 'container_engine_t'];

export default defineKubernetesRule({
  meta: {
    id: 'selinux-options',
    title: 'Custom SELinux options',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'An SELinux type such as `spc_t` or `unconfined_t`, or a custom SELinux user or role, lifts the confinement the runtime gives every container. The baseline Pod Security Standard allows `seLinuxOptions.type` to be only empty, `container_t`, `container_init_t`, `container_kvm_t` or (from Kubernetes 1.31) `container_engine_t`, and forbids setting `user` or `role`, at pod and container level.',
    remediation: 'Remove `seLinuxOptions.type`, `user` and `role` (the runtime picks `container_t`), keeping only `level` if you need a specific MCS label.',
    references: {
      pss: { level: 'baseline', control: 'SELinux' },
      nsa: ['1.8'],
      trivy: ['KSV025'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    const allowed = atLeast(context.options.kubernetesVersion, 31) ? ALLOWED_TYPES_1_31 : ALLOWED_TYPES;
    withPodSpec(context, (pod) => checkOptions(context, child(pod.securityContext, 'seLinuxOptions'), 'The pod', allowed));
    forEachContainer(context, (container) => {
      const options = child(container.securityContext, 'seLinuxOptions');
      checkOptions(context, options, `The ${describeContainer(container)}`, allowed);
    });
  },
});

function checkOptions(context: KubernetesRuleContext, options: NodeRef | undefined, who: string, allowed: string[]): void {
  if (!isSet(options)) return;
  const type = child(options, 'type');
  const typeValue = str(type) ?? '';
  if (!allowed.includes(typeValue)) {
    context.report({
      at: type!,
      message: `${who} sets the SELinux type "${typeValue}", which lifts the container confinement. Remove seLinuxOptions.type or use ${allowed.filter(Boolean).join(', ')}.`,
    });
  }
  for (const field of ['user', 'role']) {
    const ref = child(options, field);
    const value = str(ref) ?? '';
    if (value === '') continue;
    context.report({
      at: ref!,
      message: `${who} sets the SELinux ${field} "${value}". Remove seLinuxOptions.${field}.`,
    });
  }
}
