import { offsetRange } from '../engine/dockerfile/model';
import { defineDockerfileRule } from '../engine/rule';
import { instructionPath, instructionsOf, keywordOffsets } from './helpers';

export default defineDockerfileRule({
  meta: {
    id: 'maintainer-deprecated',
    title: 'MAINTAINER is deprecated',
    severity: 'info',
    category: 'Dockerfile hygiene',
    tier: 'recommended',
    description: '`MAINTAINER` has been deprecated since Docker 1.13; tools read the OCI label instead.',
    remediation: 'Replace it with `LABEL org.opencontainers.image.authors="team@example.com"`.',
    references: { hadolint: ['DL4000'], trivy: ['DS022'], checkov: ['CKV_DOCKER_6'] },
  },
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      for (const maintainer of instructionsOf(stage, 'MAINTAINER')) {
        const [start, end] = keywordOffsets(model, maintainer);
        const authors = (maintainer.getArgumentsContent() ?? '').trim().replace(/["\\$]/g, (c) => `\\${c}`);
        const [, argsEnd] = offsetRange(model, maintainer.getRange());
        context.report({
          start,
          end,
          path: instructionPath(stage, maintainer),
          message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="..." instead.',
          fix: { title: 'Replace MAINTAINER with an OCI authors LABEL', edits: [{ start, end: argsEnd, newText: `LABEL org.opencontainers.image.authors="${authors}"` }] },
        });
      }
    }
  },
});
