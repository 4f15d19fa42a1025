import { isWindowsStage, stageChain } from '../engine/dockerfile/model';
import { defineDockerfileRule } from '../engine/rule';

/** Users whose id is the same in the common base images. */
const KNOWN_IDS: Record<string, string> = { nonroot: '65532', nobody: '65534' };
import { argumentOffsets, finalStage, instructionPath, instructionsOf } from './helpers';

export default defineDockerfileRule({
  meta: {
    id: 'user-not-numeric',
    title: 'Final USER is a name, not a numeric id',
    severity: 'info',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      'Kubernetes `runAsNonRoot: true` can only verify a numeric user: with `USER app` the kubelet cannot tell that `app` is not root and refuses to start the container ("image has non-numeric user"). A numeric id also cannot be remapped to root by a modified `/etc/passwd`.',
    remediation: 'Use the numeric id: `USER 10001` (or `USER 10001:10001`).',
    references: { hadolint: ['DL3066'] },
  },
  check(context) {
    const model = context.dockerfile;
    const final = finalStage(model);
    // Windows containers name their users (ContainerUser) and Kubernetes uses runAsUserName there.
    if (!final || isWindowsStage(model, final)) return;
    const stage = stageChain(final).find((s) => instructionsOf(s, 'USER').length > 0);
    if (!stage) return;
    const users = instructionsOf(stage, 'USER');
    const last = users[users.length - 1];
    const user = (last.getArgumentsContent() ?? '').split(':')[0].trim();
    if (user === '' || /^\d+$/.test(user) || user === 'root' || user.includes('$')) return;
    const [start, end] = argumentOffsets(model, last);
    const known = KNOWN_IDS[user] ? ` (${user} is usually ${KNOWN_IDS[user]})` : '';
    context.report({ start, end, path: instructionPath(stage, last), message: `USER ${user} is a name: Kubernetes runAsNonRoot cannot verify it. Use its numeric id${known || ' (for example USER 10001)'}.` });
  },
});
