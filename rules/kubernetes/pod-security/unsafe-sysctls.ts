import { defineKubernetesRule } from '../../engine/rule';
import { atLeast, type KubernetesVersion } from '../../engine/version';
import { child, items, str } from '../../engine/yaml/nav';
import { withPodSpec, WORKLOAD_KINDS } from '../helpers';

/** The "safe" sysctls, namespaced per pod, by the Kubernetes minor that first allowed them. */
const SAFE_SYSCTLS_SINCE: ReadonlyArray<[minor: number, names: string[]]> = [
  [
    0,
    [
      'kernel.shm_rmid_forced',
      'net.ipv4.ip_local_port_range',
      'net.ipv4.tcp_syncookies',
      'net.ipv4.ping_group_range',
      'net.ipv4.ip_unprivileged_port_start',
    ],
  ],
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [29, ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  [32, ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
  [37, ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat']],
];

const safeByMinor = new Map<number, ReadonlySet<string>>();

/** The allow list of a version, built once per version: the rule runs on every pod. */
export function safeSysctls(version: KubernetesVersion): ReadonlySet<string> {
  let safe = safeByMinor.get(version.minor);
  if (!safe) {
    safe = new Set(SAFE_SYSCTLS_SINCE.filter(([minor]) => atLeast(version, minor)).flatMap(([, names]) => names));
    safeByMinor.set(version.minor, safe);
  }
  return safe;
}

export default defineKubernetesRule({
  meta: {
    id: 'unsafe-sysctls',
    title: 'Unsafe sysctl',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'Sysctls that are not namespaced per pod change kernel settings for the whole node, and some can disable security mechanisms. The baseline Pod Security Standard allows only a "safe" list in `securityContext.sysctls`, which grew over time: 5 names up to 1.26, `net.ipv4.ip_local_reserved_ports` from 1.27, the TCP keepalive and `tcp_fin_timeout` settings from 1.29, `tcp_rmem`/`tcp_wmem` from 1.32 and `tcp_slow_start_after_idle`/`tcp_notsent_lowat` from 1.37. Names are compared exactly (the slash form `net/ipv4/...` is not on the list).',
    remediation:
      'Remove the sysctl from `spec.securityContext.sysctls`. Set node-wide kernel parameters on the nodes themselves (node configuration or a privileged, dedicated DaemonSet), or check `kubernetesVersion` in `.palisade.yaml` if your cluster is newer.',
    references: {
      pss: { level: 'baseline', control: 'Sysctls' },
      kubeLinter: ['unsafe-sysctls'],
      trivy: ['KSV026'],
      links: ['https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      const sysctls = items(child(pod.securityContext, 'sysctls'));
      if (sysctls.length === 0) return;
      const safe = safeSysctls(context.options.kubernetesVersion);
      for (const sysctl of sysctls) {
        const nameRef = child(sysctl, 'name');
        const name = str(nameRef) ?? '';
        if (safe.has(name)) continue;
        context.report({
          at: nameRef ?? sysctl,
          message: `The pod sets the sysctl "${name}", which is not on the Kubernetes 1.${context.options.kubernetesVersion.minor} safe list. Remove it from securityContext.sysctls and tune the node instead.`,
        });
      }
    });
  },
});
