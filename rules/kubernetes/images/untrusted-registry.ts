import { defineKubernetesRule } from '../../engine/rule';
import { describeContainer, WORKLOAD_KINDS } from '../helpers';
import { forEachContainerImage } from './container-images';
import { imageName, isFromTrustedRegistry } from './image-reference';

export default defineKubernetesRule({
  meta: {
    id: 'untrusted-registry',
    title: 'Image from an untrusted registry',
    severity: 'warning',
    category: 'Supply chain',
    tier: 'recommended',
    description:
      'Images from registries your organisation does not control can be replaced, typo-squatted or removed, and are not covered by your scanning and signing. Active only when `trustedRegistries` is configured in `.palisade.yaml`. Each entry is a prefix matched on whole path components of the normalised image name: `registry.example.com`, `ghcr.io/my-org/`, `bitnami/` (a Docker Hub namespace), and `nginx` (which means `docker.io/library/nginx`).',
    remediation: 'Mirror the image into a trusted registry and reference it from there, or add its registry to `trustedRegistries`.',
    references: {
      cis: ['5.5.1'],
      trivy: ['KSV034', 'KSV125'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    const trusted = context.options.trustedRegistries;
    if (trusted.length === 0) return;
    forEachContainerImage(context, ({ container, ref, image }) => {
      if (isFromTrustedRegistry(image, trusted)) return;
      context.report({
        at: ref,
        message: `The ${describeContainer(container)} image ${imageName(image)} is not from a trusted registry (${trusted.join(', ')}). Mirror it into a trusted registry and reference it from there.`,
      });
    });
  },
});
