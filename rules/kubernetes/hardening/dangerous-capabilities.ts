import { defineKubernetesRule } from '../../engine/rule';
import { at, stringItems } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, normalizeCapability, WORKLOAD_KINDS } from '../helpers';

/** Capabilities that hand a container a path to the node, with the reason told to the user. */
const DANGEROUS: Record<string, string> = {
  ALL: 'grants every capability, close to a privileged container',
  SYS_ADMIN: 'allows mounting filesystems and most known container escapes',
  NET_ADMIN: 'lets it reconfigure interfaces, routes and firewall rules, and intercept traffic',
  NET_RAW: 'lets it forge packets (ARP and DNS spoofing against its neighbours)',
  SYS_MODULE: 'lets it load kernel modules, that is run code in the node\'s kernel',
  SYS_PTRACE: 'lets it trace other processes and read their memory',
  SYS_RAWIO: 'gives raw access to devices and I/O ports',
  SYS_BOOT: 'lets it reboot the node',
  SYS_TIME: 'lets it change the node\'s clock',
  BPF: 'lets it load eBPF programs into the kernel',
  PERFMON: 'gives access to kernel performance monitoring, which leaks kernel memory',
  DAC_READ_SEARCH: 'bypasses file read permissions and enables the "shocker" escape',
  MAC_ADMIN: 'lets it reconfigure the Linux security modules (AppArmor, SELinux)',
  MAC_OVERRIDE: 'bypasses the Linux security modules (AppArmor, SELinux)',
  SYSLOG: 'lets it read the kernel log, which leaks kernel addresses',
};

export default defineKubernetesRule({
  meta: {
    id: 'dangerous-capabilities',
    title: 'Dangerous capability added',
    severity: 'error',
    category: 'Hardening',
    tier: 'recommended',
    description:
      'Some Linux capabilities (`SYS_ADMIN`, `NET_ADMIN`, `SYS_MODULE`, `SYS_PTRACE`, `BPF`, `NET_RAW`, `ALL` and a few more) each give a container a known path to the node or to its neighbours. The Pod Security Standards forbid them along with every other non-default capability (`added-capabilities`); this rule names the specific danger. Names are matched case-insensitively, with or without the `CAP_` prefix.',
    remediation:
      'Remove the capability from `securityContext.capabilities.add`. If the workload really needs it (a CNI plugin, a node agent), run it in a dedicated, locked-down namespace and suppress this finding with a reason.',
    references: {
      cis: ['5.2.8', '5.2.9'],
      kubeLinter: ['privilege-escalation-container', 'drop-net-raw-capability'],
      checkov: ['CKV_K8S_39', 'CKV_K8S_28'],
      trivy: ['KSV005', 'KSV119', 'KSV120'],
      polaris: ['dangerousCapabilities'],
      kubesec: ['CapSysAdmin'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container) => {
      for (const added of stringItems(at(container.securityContext, 'capabilities', 'add'))) {
        const name = normalizeCapability(added.value);
        const danger = DANGEROUS[name];
        if (!danger) continue;
        context.report({
          at: added.ref,
          message: `The ${describeContainer(container)} adds ${name}, which ${danger}. Remove it from capabilities.add.`,
        });
      }
    });
  },
});
