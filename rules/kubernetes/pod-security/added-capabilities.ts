import { defineKubernetesRule } from '../../engine/rule';
import { at, stringItems } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, WORKLOAD_KINDS } from '../helpers';
import { hardenAll, offered, removeAddedCapabilityChange } from './changes';

/**
 * The capabilities a container runtime grants by default; the baseline level allows adding
 * these back and nothing else. Compared exactly, case included, as Pod Security Admission does.
 */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

export default defineKubernetesRule({
  meta: {
    id: 'added-capabilities',
    title: 'Capability added beyond the runtime defaults',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'Capabilities such as `SYS_ADMIN`, `NET_ADMIN`, `NET_RAW` or `SYS_PTRACE` give a container kernel powers that make escaping to the node much easier. The baseline Pod Security Standard allows `capabilities.add` to hold only the capabilities a container runtime grants by default (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT), spelled exactly so.',
    remediation:
      'Remove the capability from `securityContext.capabilities.add`. If the workload needs it, find a narrower design (a privileged node agent, a device plugin) and keep it in a namespace with the privileged level.',
    references: {
      pss: { level: 'baseline', control: 'Capabilities' },
      cis: ['5.2.9'],
      checkov: ['CKV_K8S_25'],
      trivy: ['KSV022'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container, pod) => {
      for (const capability of stringItems(at(container.securityContext, 'capabilities', 'add'))) {
        if (BASELINE_CAPABILITIES.has(capability.value)) continue;
        context.report({
          at: capability.ref,
          message: `The ${describeContainer(container)} adds the capability ${capability.value}, which the baseline Pod Security Standard forbids. Remove it from capabilities.add.`,
          // Suggestions: the workload may need the capability.
          suggestions: () => offered(removeAddedCapabilityChange(context, container, capability), hardenAll(context, container, pod)),
        });
      }
    });
  },
});
