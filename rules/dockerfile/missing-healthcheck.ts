import { defineDockerfileRule } from '../engine/rule';
import { finalStage, instructionPath, instructionsOf, keywordOffsets } from './helpers';

export default defineDockerfileRule({
  meta: {
    id: 'missing-healthcheck',
    title: 'No HEALTHCHECK in the final stage',
    severity: 'info',
    category: 'Dockerfile hygiene',
    tier: 'strict',
    description:
      'Without `HEALTHCHECK`, Docker and Compose consider a hung process healthy. Kubernetes ignores HEALTHCHECK and uses probes instead, so this matters for images also run outside Kubernetes.',
    remediation: 'Add `HEALTHCHECK CMD ["/app", "healthcheck"]` (or `HEALTHCHECK NONE` to state that none is wanted), and define liveness/readiness probes in the Kubernetes manifest.',
    references: { hadolint: ['DL3057'], trivy: ['DS026'], checkov: ['CKV_DOCKER_2'] },
  },
  check(context) {
    const model = context.dockerfile;
    const stage = finalStage(model);
    if (!stage || instructionsOf(stage, 'HEALTHCHECK').length > 0) return;
    const [start, end] = keywordOffsets(model, stage.from);
    context.report({ start, end, path: instructionPath(stage, stage.from), message: 'The final stage has no HEALTHCHECK: add one, or HEALTHCHECK NONE to say none is wanted.' });
  },
});
