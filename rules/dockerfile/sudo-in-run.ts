import { defineDockerfileRule } from '../engine/rule';
import { forEachRunCommandOf, instructionPath, wordOffsets, type RunCommandVisit } from './helpers';

const SUDO = new Set(['sudo']);

export default defineDockerfileRule({
  meta: {
    id: 'sudo-in-run',
    title: 'sudo used in RUN',
    severity: 'warning',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      '`sudo` in an image means the image ships sudo and a user allowed to use it, so a process in the container can become root again. During the build it is never needed: switch users with `USER` instead.',
    remediation: 'Run the privileged steps before switching to the unprivileged `USER`, or switch back with `USER root` around them; do not install sudo.',
    references: { hadolint: ['DL3004'], trivy: ['DS010'], checkov: ['CKV2_DOCKER_1'] },
  },
  check(context) {
    const report = ({ stage, run, command, script }: RunCommandVisit) => {
      const [start, end] = wordOffsets(script, command.words[0]);
      context.report({ start, end, path: instructionPath(stage, run), message: 'sudo in RUN: run this step as root with USER root (before switching to the unprivileged user) instead.' });
    };
    // `sudo` as written: the program it runs is whatever follows.
    forEachRunCommandOf(context.dockerfile, SUDO, report, { written: true });
  },
});
