import { defineKubernetesRule } from '../../engine/rule';
import { describeContainer, WORKLOAD_KINDS } from '../helpers';
import { baselineRelaxesProcMount, defaultProcMountChanges, unmaskedProcMounts } from './proc-mount';

export default defineKubernetesRule({
  meta: {
    id: 'proc-mount-restricted',
    title: 'Unmasked /proc in a user-namespace pod',
    severity: 'warning',
    category: 'Pod security',
    tier: 'recommended',
    description:
      'From Kubernetes 1.35 the baseline Pod Security Standard accepts any `procMount` in a pod with `hostUsers: false`, but the restricted level still allows only `Default`: an unmasked `/proc` exposes kernel interfaces even inside a user namespace. Other pods are reported by `proc-mount`.',
    remediation: 'Remove `securityContext.procMount`, or set it to `Default`.',
    references: {
      pss: { level: 'restricted', control: '/proc Mount Type' },
      kubeLinter: ['unsafe-proc-mount'],
      trivy: ['KSV027'],
      polaris: ['procMount'],
      links: ['https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    const pod = context.object.podSpec;
    // Only what the baseline rule lets through: together they give the restricted verdict.
    if (!pod || !baselineRelaxesProcMount(pod, context.options.kubernetesVersion)) return;
    for (const { container, ref, value } of unmaskedProcMounts(pod)) {
      context.report({
        at: ref,
        message: `The ${describeContainer(container)} sets procMount: "${value}"; the restricted Pod Security Standard allows only Default, even with hostUsers: false. Remove procMount or set it to Default.`,
        suggestions: () => defaultProcMountChanges(context, container),
      });
    }
  },
});
