import { defineKubernetesRule } from '../../engine/rule';
import { withPodSpec, WORKLOAD_KINDS } from '../helpers';
import { describeHostPath, hostPathVolumes, isWithin } from './host-paths';

/** Where the common container runtimes put their API socket. */
const RUNTIME_SOCKETS = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/run/k3s/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/var/run/podman/podman.sock',
  '/run/podman/podman.sock',
  '/var/run/cri-dockerd.sock',
  '/run/cri-dockerd.sock',
  '/var/run/dockershim.sock',
];
const SOCKET_FILE = /(?:^|[/-])(?:docker|containerd|crio|podman|cri-dockerd|dockershim)\.sock$/;

/** The socket a path exposes: the socket itself, or a directory that contains one. */
function exposedSocket(path: string): string | undefined {
  if (SOCKET_FILE.test(path)) return path;
  // `/` is reported by sensitive-host-path; any other ancestor of a socket exposes it.
  if (path === '/') return undefined;
  return RUNTIME_SOCKETS.find((socket) => isWithin(socket, path));
}

export default defineKubernetesRule({
  meta: {
    id: 'container-runtime-socket',
    title: 'Container runtime socket mounted',
    severity: 'error',
    category: 'Host access',
    tier: 'recommended',
    description:
      'The container runtime\'s API socket (Docker, containerd, CRI-O, Podman, cri-dockerd) lets whoever can write to it start a privileged container on the node: mounting it is equivalent to root on the node. Mounting a directory that holds the socket, such as `/var/run` or `/run/containerd`, exposes it just the same. Paths are normalised (trailing slashes, `..`).',
    remediation:
      'Remove the hostPath volume. To build images, use a daemonless builder (BuildKit rootless, Kaniko, Buildah); to inspect containers, use the Kubernetes API or a purpose-built node agent.',
    references: {
      kubeLinter: ['docker-sock'],
      checkov: ['CKV_K8S_27'],
      trivy: ['KSV006'],
      kubesec: ['DockerSock'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    withPodSpec(context, (pod) => {
      for (const volume of hostPathVolumes(pod)) {
        const socket = exposedSocket(volume.path);
        if (!socket) continue;
        const what = socket === volume.path ? 'the container runtime socket' : `a directory holding the container runtime socket ${socket}`;
        context.report({
          at: volume.pathRef,
          message: `The ${describeHostPath(volume)} mounts ${what}, which gives root on the node. Remove the volume.`,
        });
      }
    });
  },
});
