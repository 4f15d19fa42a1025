import { defineKubernetesRule } from '../../engine/rule';
import { describeContainer, WORKLOAD_KINDS } from '../helpers';
import { forEachContainerImage } from './container-images';
import { isLatestOrUntagged } from './image-reference';

export default defineKubernetesRule({
  meta: {
    id: 'latest-image-tag',
    title: 'Image tag latest or missing',
    severity: 'warning',
    category: 'Supply chain',
    tier: 'recommended',
    description:
      'An image without a tag, or tagged `latest`, changes whenever someone pushes: two replicas can run different code, a rollback does not roll back, and a compromised push reaches the cluster on the next restart. A digest (`@sha256:...`) pins the image even with `latest`. The reference is parsed like the runtimes do, so `localhost:5000/app` is untagged.',
    remediation: 'Reference a specific version (`nginx:1.27.3`), ideally pinned by digest (`nginx:1.27.3@sha256:...`).',
    references: {
      kubeLinter: ['latest-tag'],
      checkov: ['CKV_K8S_14'],
      trivy: ['KSV013'],
      polaris: ['tagNotSpecified'],
      kubeScore: ['container-image-tag'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainerImage(context, ({ container, ref, image }) => {
      if (!isLatestOrUntagged(image)) return;
      const problem = image.tag === undefined ? 'has no tag, so it pulls latest' : 'uses the latest tag';
      context.report({
        at: ref,
        message: `The ${describeContainer(container)} image ${image.raw} ${problem}, which can change at any time. Use a specific version tag or a digest.`,
      });
    });
  },
});
