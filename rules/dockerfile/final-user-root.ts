import { defineDockerfileRule } from '../engine/rule';
import { argumentOffsets, finalStage, instructionPath, instructionsOf, keywordOffsets } from './helpers';

/** `root`, `0`, `root:staff`, `0:0`: the user part decides. */
function isRootUser(spec: string): boolean {
  const user = spec.split(':')[0].trim();
  return user === 'root' || user === '0';
}

export default defineDockerfileRule({
  meta: {
    id: 'final-user-root',
    title: 'Image runs as root',
    severity: 'warning',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      'Containers run as the last `USER` of the final stage. Without one, or with `USER root`, every process of the image runs as root, so a compromised process can modify the image\'s files and is one kernel bug away from the host. Kubernetes `runAsNonRoot: true` will also refuse to start it.',
    remediation:
      'Create an unprivileged user and switch to it at the end of the final stage, with a numeric id so that Kubernetes can verify it: `RUN useradd --uid 10001 app` then `USER 10001`.',
    references: {
      nsa: ['1.0'],
      hadolint: ['DL3002'],
      trivy: ['DS002'],
      checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'],
    },
  },
  check(context) {
    const model = context.dockerfile;
    const stage = finalStage(model);
    if (!stage) return;
    const users = instructionsOf(stage, 'USER');
    const last = users[users.length - 1];
    if (!last) {
      const [start, end] = keywordOffsets(model, stage.from);
      context.report({
        start,
        end,
        path: instructionPath(stage, stage.from),
        message: 'The final stage sets no USER, so the container runs as root. Add `USER 10001` (a non-root numeric id) before CMD/ENTRYPOINT.',
      });
      return;
    }
    const spec = last.getArgumentsContent() ?? '';
    if (!isRootUser(spec)) return;
    const [start, end] = argumentOffsets(model, last);
    context.report({
      start,
      end,
      path: instructionPath(stage, last),
      message: `The final USER is ${spec.trim()}, so the container runs as root. Switch to a non-root numeric user such as USER 10001.`,
    });
  },
});
