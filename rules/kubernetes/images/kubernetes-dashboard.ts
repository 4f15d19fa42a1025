import { defineKubernetesRule } from '../../engine/rule';
import { describeContainer, WORKLOAD_KINDS } from '../helpers';
import { forEachContainerImage } from './container-images';
import { findLabel } from './labels';

const DASHBOARD = 'kubernetes-dashboard';

export default defineKubernetesRule({
  meta: {
    id: 'kubernetes-dashboard',
    title: 'Kubernetes Dashboard deployed',
    severity: 'warning',
    category: 'Supply chain',
    tier: 'recommended',
    description:
      'The Kubernetes Dashboard is a web UI with broad access to the cluster. Exposed or over-privileged dashboards have repeatedly been the entry point of cluster takeovers (the 2018 Tesla cryptojacking). Recognised by the image (`kubernetesui/*`, `*kubernetes-dashboard*`) or the `app`/`k8s-app` label `kubernetes-dashboard`.',
    remediation:
      'Do not deploy the Dashboard in production; use `kubectl` or a read-only tool. If you need it, keep it unexposed (reach it through `kubectl proxy`), bind it to a minimal read-only role and require login, then suppress this finding with a reason.',
    references: {
      checkov: ['CKV_K8S_33'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    let found = false;
    forEachContainerImage(context, ({ container, ref, image }) => {
      if (!image.repository.startsWith('kubernetesui/') && !image.repository.includes(DASHBOARD)) return;
      found = true;
      context.report({
        at: ref,
        message: `The ${describeContainer(container)} runs the Kubernetes Dashboard (${image.raw}), a web UI with wide access to the cluster. Remove it or keep it unexposed with a read-only role.`,
      });
    });
    if (found) return;
    const label = findLabel(context, 'k8s-app', (v) => v === DASHBOARD) ?? findLabel(context, 'app', (v) => v === DASHBOARD);
    if (!label) return;
    context.report({
      at: label,
      message: `This ${context.object.kind} is labelled as the Kubernetes Dashboard, a web UI with wide access to the cluster. Remove it or keep it unexposed with a read-only role.`,
    });
  },
});
