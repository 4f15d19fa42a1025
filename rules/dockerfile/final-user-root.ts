import type { Instruction } from 'dockerfile-ast';
import { parseImageReference } from '../kubernetes/images/image-reference';
import { isWindowsStage, rootImage, stageChain, type DockerfileModel, type Stage } from '../engine/dockerfile/model';
import { defineDockerfileRule, type ProposedChange } from '../engine/rule';
import { detectEol } from '../engine/text';
import { argumentOffsets, finalStage, instructionPath, instructionsOf, keywordOf, keywordOffsets } from './helpers';

/** `root`, `0`, `root:staff`, `0:0`: the user part decides. Windows' root is ContainerAdministrator. */
function isRootUser(spec: string): boolean {
  const user = spec.split(':')[0].trim();
  return user === 'root' || user === '0' || user.toLowerCase() === 'containeradministrator';
}

/** The USER in effect at the end of a stage: its own last USER, else the one of the stage it is built on. */
function lastUser(stage: Stage): { stage: Stage; user: Instruction } | undefined {
  for (const s of stageChain(stage)) {
    const users = instructionsOf(s, 'USER');
    if (users.length > 0) return { stage: s, user: users[users.length - 1] };
  }
  return undefined;
}

/** Base images whose tag says they already run as a non-root user (`distroless/static:nonroot`). */
function baseRunsAsNonRoot(stage: Stage): boolean {
  const tag = parseImageReference(rootImage(stage) ?? '')?.tag ?? '';
  return /(^|-)nonroot($|-)/.test(tag);
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
    const found = lastUser(stage);
    // Windows users are names; ContainerUser is the unprivileged one every Windows base image has.
    const user = isWindowsStage(model, stage) ? 'ContainerUser' : '10001';
    const suggestions = () => [addNonRootUser(model, stage, found?.stage === stage ? found.user : undefined, user)];
    if (!found) {
      if (baseRunsAsNonRoot(stage)) return;
      const [start, end] = keywordOffsets(model, stage.from);
      context.report({
        start,
        end,
        path: instructionPath(stage, stage.from),
        message:
          user === '10001'
            ? 'The final stage sets no USER, so the container runs as root. Add `USER 10001` (a non-root numeric id) before CMD/ENTRYPOINT.'
            : 'The final stage sets no USER, so the container may run as ContainerAdministrator. Add `USER ContainerUser` before CMD/ENTRYPOINT.',
        suggestions,
      });
      return;
    }
    const spec = found.user.getArgumentsContent() ?? '';
    if (!isRootUser(spec)) return;
    const [start, end] = argumentOffsets(model, found.user);
    context.report({
      start,
      end,
      path: instructionPath(found.stage, found.user),
      message:
        user === '10001'
          ? `The final USER is ${spec.trim()}, so the container runs as root. Switch to a non-root numeric user such as USER 10001.`
          : `The final USER is ${spec.trim()}, so the container runs with administrator rights. Switch to USER ContainerUser.`,
      suggestions,
    });
  },
});

/**
 * Inserts `USER 10001` before the first CMD/ENTRYPOINT that follows the stage's last USER,
 * else at the end of the file (the final stage is the last one). A suggestion: RUN steps
 * after the insertion point would no longer run as root.
 */
function addNonRootUser(model: DockerfileModel, stage: Stage, lastUserOfStage: Instruction | undefined, user: string): ProposedChange {
  const eol = detectEol(model.text);
  const after = lastUserOfStage ? stage.instructions.indexOf(lastUserOfStage) + 1 : 0;
  const anchor = stage.instructions.slice(after).find((i) => ['CMD', 'ENTRYPOINT'].includes(keywordOf(i)));
  const title = `Run as non-root: add USER ${user}`;
  if (anchor) {
    const line = anchor.getRange().start.line;
    const start = model.lines.lineStart(line);
    const indent = /^[ \t]*/.exec(model.lines.lineText(line))?.[0] ?? '';
    return { title, edits: [{ start, end: start, newText: `${indent}USER ${user}${eol}` }] };
  }
  const end = model.text.length;
  const needsBreak = end > 0 && !/[\r\n]$/.test(model.text);
  return { title, edits: [{ start: end, end, newText: `${needsBreak ? eol : ''}USER ${user}${eol}` }] };
}
