import { defineDockerfileRule } from '../engine/rule';
import { imageName, isFromTrustedRegistry } from '../kubernetes/images/image-reference';
import { baseImages, instructionPath } from './helpers';

export default defineDockerfileRule({
  meta: {
    id: 'base-image-untrusted-registry',
    title: 'Base image from an untrusted registry',
    severity: 'warning',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      'When `trustedRegistries` is set in `.palisade.yaml`, base images must come from those registries (or repository prefixes), the same list the Kubernetes image rule uses. Without the setting the rule reports nothing.',
    remediation: 'Mirror the image into a trusted registry and use it from there, or add the registry to `trustedRegistries` if it is trusted.',
    references: { hadolint: ['DL3026'] },
  },
  check(context) {
    const trusted = context.options.trustedRegistries;
    if (trusted.length === 0) return;
    for (const base of baseImages(context.dockerfile)) {
      if (isFromTrustedRegistry(base.reference, trusted)) continue;
      context.report({ start: base.start, end: base.end, path: instructionPath(base.stage, base.stage.from), message: `${imageName(base.reference)} is not from a trusted registry (${trusted.join(', ')}).` });
    }
  },
});
