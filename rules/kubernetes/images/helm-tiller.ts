import { defineKubernetesRule } from '../../engine/rule';
import { at } from '../../engine/yaml/nav';
import { describeContainer, WORKLOAD_KINDS } from '../helpers';
import { forEachContainerImage } from './container-images';
import { findLabel } from './labels';

export default defineKubernetesRule({
  meta: {
    id: 'helm-tiller',
    title: 'Helm v2 Tiller deployed',
    severity: 'warning',
    category: 'Supply chain',
    tier: 'recommended',
    description:
      'Tiller, the server side of Helm 2, listens on an unauthenticated gRPC port and usually runs with cluster-admin: any pod that reaches it can take over the cluster. Helm 2 is end-of-life since 2020. Recognised by an image named `tiller`, or the labels `app: helm` or `name: tiller` on a workload or Service (including a Service selector).',
    remediation: 'Remove Tiller and migrate to Helm 3, which has no in-cluster component (`helm 2to3` migrates releases).',
    references: {
      checkov: ['CKV_K8S_34', 'CKV_K8S_44', 'CKV_K8S_45'],
      trivy: ['KSV102'],
    },
  },
  kinds: [...WORKLOAD_KINDS, 'Service'],
  check(context) {
    let found = false;
    forEachContainerImage(context, ({ container, ref, image }) => {
      if (image.repository.split('/').pop() !== 'tiller') return;
      found = true;
      context.report({
        at: ref,
        message: `The ${describeContainer(container)} runs Helm 2 Tiller (${image.raw}), which lets any pod that reaches it take over the cluster. Remove Tiller and use Helm 3.`,
      });
    });
    if (found) return;
    const selector = at(context.object.root, 'spec', 'selector');
    const label =
      findLabel(context, 'name', (v) => v === 'tiller', [selector]) ?? findLabel(context, 'app', (v) => v === 'helm', [selector]);
    if (!label) return;
    context.report({
      at: label,
      message: `This ${context.object.kind} belongs to Helm 2 Tiller, which lets any pod that reaches it take over the cluster. Remove Tiller and use Helm 3.`,
    });
  },
});
