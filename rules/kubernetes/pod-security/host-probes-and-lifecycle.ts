import { defineKubernetesRule } from '../../engine/rule';
import { atLeast } from '../../engine/version';
import { at, str } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, WORKLOAD_KINDS } from '../helpers';

/** Every handler whose `host` the control restricts, as paths under the container. */
const HOST_PATHS: ReadonlyArray<readonly string[]> = ['livenessProbe', 'readinessProbe', 'startupProbe']
  .map((probe) => [probe])
  .concat([['lifecycle', 'postStart'], ['lifecycle', 'preStop']])
  .flatMap((handler) => [
    [...handler, 'httpGet', 'host'],
    [...handler, 'tcpSocket', 'host'],
  ]);

export default defineKubernetesRule({
  meta: {
    id: 'host-probes-and-lifecycle',
    title: 'Probe or lifecycle hook aimed at another host',
    severity: 'error',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'The kubelet runs HTTP and TCP probes and lifecycle hooks from the node. A `host` field points those requests at any address the node can reach (cloud metadata, the node\'s own localhost services), which turns the pod spec into a server-side request forgery. From Kubernetes 1.34 the baseline Pod Security Standard forbids a non-empty `host` in `httpGet` and `tcpSocket` probes and lifecycle handlers.',
    remediation: 'Remove `host` so the kubelet probes the pod\'s own IP; for a virtual host, set the `Host` header in `httpGet.httpHeaders` instead.',
    references: {
      pss: { level: 'baseline', control: 'Host Probes / Lifecycle Hooks (v1.34+)' },
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    if (!atLeast(context.options.kubernetesVersion, 34)) return;
    forEachContainer(context, (container) => {
      for (const path of HOST_PATHS) {
        const host = at(container.ref, ...path);
        const value = str(host) ?? '';
        if (value === '') continue;
        context.report({
          at: host!,
          message: `The ${describeContainer(container)} sends its ${path.slice(0, -2).join('.')} ${path[path.length - 2]} to host "${value}" from the node. Remove host (use an httpHeaders Host header for virtual hosts).`,
        });
      }
    });
  },
});
