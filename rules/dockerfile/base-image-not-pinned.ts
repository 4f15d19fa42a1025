import { defineDockerfileRule } from '../engine/rule';
import { baseImages, instructionPath } from './helpers';

export default defineDockerfileRule({
  meta: {
    id: 'base-image-not-pinned',
    title: 'Base image not pinned by digest',
    severity: 'info',
    category: 'Dockerfile',
    tier: 'strict',
    description: 'Tags move: `node:20` is rebuilt and re-pushed regularly. Only a digest names exactly one image, which makes builds reproducible and a swapped image detectable.',
    remediation: 'Append the digest: `FROM node:20.18-alpine3.20@sha256:<digest>` (from `docker buildx imagetools inspect node:20.18-alpine3.20`), and let a bot such as Renovate update it.',
    references: { links: ['https://docs.docker.com/build/building/best-practices/#pin-base-image-versions'] },
  },
  check(context) {
    for (const base of baseImages(context.dockerfile)) {
      if (base.reference.digest) continue;
      context.report({ start: base.start, end: base.end, path: instructionPath(base.stage, base.stage.from), message: `${base.image} is not pinned by digest: append @sha256:<digest>.` });
    }
  },
});
