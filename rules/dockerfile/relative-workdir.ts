import { defineDockerfileRule } from '../engine/rule';
import { argumentOffsets, instructionPath, instructionsOf } from './helpers';

export default defineDockerfileRule({
  meta: {
    id: 'relative-workdir',
    title: 'Relative WORKDIR',
    severity: 'info',
    category: 'Dockerfile hygiene',
    tier: 'recommended',
    description: 'A relative `WORKDIR` depends on every WORKDIR before it, including the base image\'s, which can change under you when the base image is updated.',
    remediation: 'Use an absolute path: `WORKDIR /app`.',
    references: { hadolint: ['DL3000'], trivy: ['DS013'], checkov: ['CKV_DOCKER_10'] },
  },
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      for (const workdir of instructionsOf(stage, 'WORKDIR')) {
        const dir = (workdir.getArgumentsContent() ?? '').trim().replace(/^["']|["']$/g, '');
        // `$HOME/app` and Windows paths (`C:\app`) are absolute in practice.
        if (dir === '' || dir.startsWith('/') || dir.startsWith('$') || /^[A-Za-z]:[\\/]/.test(dir)) continue;
        const [start, end] = argumentOffsets(model, workdir);
        const example = dir.replace(/^\.\/?/, '') || 'app';
        context.report({ start, end, path: instructionPath(stage, workdir), message: `WORKDIR ${dir} is relative: use an absolute path such as /${example}.` });
      }
    }
  },
});
