import { defineKubernetesRule } from '../../engine/rule';
import { withPodSpec, WORKLOAD_KINDS } from '../helpers';
import { describeHostPath, hostPathVolumes, isWithin } from './host-paths';

/** Node directories whose contents give control over, or secrets of, the node. */
const SENSITIVE_DIRECTORIES = [
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib64',
  '/bin',
  '/sbin',
  '/usr',
  '/proc',
  '/sys',
  '/root',
  '/home',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/kubelet',
  '/var/lib/etcd',
];
/** Read-only system data commonly and harmlessly shared with containers. */
const HARMLESS_FILES = ['/etc/localtime', '/etc/timezone', '/usr/share/zoneinfo', '/etc/ssl/certs', '/etc/pki/tls/certs', '/usr/share/ca-certificates'];

function sensitiveDirectory(path: string): string | undefined {
  if (path === '/') return '/';
  if (HARMLESS_FILES.some((dir) => isWithin(path, dir))) return undefined;
  return SENSITIVE_DIRECTORIES.find((dir) => isWithin(path, dir));
}

export default defineKubernetesRule({
  meta: {
    id: 'sensitive-host-path',
    title: 'Sensitive host path mounted',
    severity: 'error',
    category: 'Host access',
    tier: 'recommended',
    description:
      'A hostPath volume on the node\'s root, system directories (`/etc`, `/boot`, `/dev`, `/proc`, `/sys`, `/usr`, `/lib`), home directories or the runtime and kubelet state (`/var/lib/docker`, `/var/lib/kubelet`) exposes credentials, other pods\' data and the means to take over the node. Any path inside those directories counts, after normalising trailing slashes and `..`. Time-zone data and CA certificates are not reported.',
    remediation:
      'Remove the hostPath volume; pass configuration with a ConfigMap or Secret, and persistent data with a PersistentVolumeClaim. Node agents that truly need host files should mount the narrowest path, read-only, and carry a suppression with a reason.',
    references: {
      kubeLinter: ['sensitive-host-mounts'],
      trivy: ['KSV121'],
      kubesec: ['ProcMount'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      for (const volume of hostPathVolumes(pod)) {
        const dir = sensitiveDirectory(volume.path);
        if (!dir) continue;
        const what = dir === '/' ? "the node's whole filesystem" : volume.path === dir ? `the node's ${dir}` : `a path inside the node's ${dir}`;
        context.report({
          at: volume.pathRef,
          message: `The ${describeHostPath(volume)} exposes ${what}. Remove it, or use a ConfigMap, Secret or PersistentVolumeClaim instead.`,
        });
      }
    });
  },
});
