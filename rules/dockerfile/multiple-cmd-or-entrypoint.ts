import { defineDockerfileRule } from '../engine/rule';
import { instructionPath, instructionsOf, keywordOffsets } from './helpers';

export default defineDockerfileRule({
  meta: {
    id: 'multiple-cmd-or-entrypoint',
    title: 'More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage',
    severity: 'info',
    category: 'Dockerfile hygiene',
    tier: 'recommended',
    description: 'Only the last `CMD`, `ENTRYPOINT` and `HEALTHCHECK` of a stage take effect; earlier ones are dead code that misleads reviewers about what the image runs.',
    remediation: 'Keep one of each per stage and delete the others.',
    references: { hadolint: ['DL4003', 'DL4004', 'DL3012'], trivy: ['DS016', 'DS007', 'DS023'] },
  },
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      for (const keyword of ['CMD', 'ENTRYPOINT', 'HEALTHCHECK']) {
        const all = instructionsOf(stage, keyword);
        for (const overridden of all.slice(0, -1)) {
          const [start, end] = keywordOffsets(model, overridden);
          context.report({ start, end, path: instructionPath(stage, overridden), message: `This ${keyword} is overridden by a later ${keyword} in the same stage and has no effect. Remove it.` });
        }
      }
    }
  },
});
