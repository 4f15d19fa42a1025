import { defineKubernetesRule } from '../../engine/rule';
import { describeContainer, WORKLOAD_KINDS } from '../helpers';
import { forEachContainerImage } from './container-images';

export default defineKubernetesRule({
  meta: {
    id: 'image-not-pinned-by-digest',
    title: 'Image not pinned by digest',
    severity: 'info',
    category: 'Supply chain',
    tier: 'strict',
    description:
      'Tags are mutable: whoever can push to the repository can make `app:1.4.2` mean different code tomorrow. Only a digest (`@sha256:...`) guarantees that every node runs exactly the image that was reviewed and scanned.',
    remediation: 'Append the image digest to the reference: `nginx:1.27.3@sha256:<digest>` (tools such as Renovate or `crane digest` keep it up to date).',
    references: {
      checkov: ['CKV_K8S_43'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainerImage(context, ({ container, ref, image }) => {
      if (image.digest) return;
      context.report({
        at: ref,
        message: `The ${describeContainer(container)} image ${image.raw} is not pinned by digest. Append @sha256:<digest> to the image reference.`,
      });
    });
  },
});
