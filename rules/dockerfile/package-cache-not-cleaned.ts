import { defineDockerfileRule } from '../engine/rule';
import type { ShellCommand } from '../engine/dockerfile/shell';
import { findOption, forEachRunCommand, instructionPath, isInstall, programOf, subcommand, wordOffsets } from './helpers';

function cleansUp(commands: ShellCommand[], pattern: RegExp): boolean {
  return commands.some((c) => pattern.test(c.words.map((w) => w.value).join(' ')));
}

export default defineDockerfileRule({
  meta: {
    id: 'package-cache-not-cleaned',
    title: 'Package manager cache left in the image',
    severity: 'info',
    category: 'Dockerfile hygiene',
    tier: 'recommended',
    description:
      'Package indexes and download caches left in a layer make the image larger and ship stale metadata. They must be removed in the same `RUN` as the install: a later `RUN rm` does not shrink the earlier layer.',
    remediation:
      'End the install with the cleanup in the same RUN: `&& rm -rf /var/lib/apt/lists/*` (apt-get), `apk add --no-cache` (apk), `&& dnf clean all` (dnf/yum), `pip install --no-cache-dir`; or use a BuildKit cache mount.',
    references: { hadolint: ['DL3009', 'DL3019', 'DL3032', 'DL3036', 'DL3040', 'DL3042', 'DL3060'], trivy: ['DS017', 'DS019', 'DS020', 'DS025'] },
  },
  check(context) {
    forEachRunCommand(context.dockerfile, ({ stage, run, effective, script }) => {
      const path = instructionPath(stage, run);
      if (run.getFlags().some((f) => f.getName() === 'mount' && /type=cache/.test(f.getValue() ?? ''))) return;
      const sub = subcommand(effective);
      if (!sub) return;
      const [subStart, subEnd] = wordOffsets(script, sub);
      const last = effective.words[effective.words.length - 1];
      const [, lastEnd] = wordOffsets(script, last);
      const program = programOf(effective);
      if (isInstall(effective, ['apt-get install', 'apt install']) && !cleansUp(script.commands, /rm -[a-z]*r[a-z]* .*\/var\/lib\/apt\/lists|apt(-get)? dist-clean/)) {
        context.report({
          start: subStart,
          end: subEnd,
          path,
          message: `${program} install leaves /var/lib/apt/lists in the layer: add && rm -rf /var/lib/apt/lists/* to the same RUN.`,
          fix: { title: 'Remove the apt lists in the same RUN', edits: [{ start: lastEnd, end: lastEnd, newText: ' && rm -rf /var/lib/apt/lists/*' }] },
        });
      } else if (isInstall(effective, ['apk add']) && !findOption(effective, ['--no-cache']) && !cleansUp(script.commands, /\/var\/cache\/apk/)) {
        context.report({ start: subStart, end: subEnd, path, message: 'apk add keeps its index cache in the layer: use apk add --no-cache.', fix: { title: 'Add --no-cache', edits: [{ start: subEnd, end: subEnd, newText: ' --no-cache' }] } });
      } else if (isInstall(effective, ['yum install', 'dnf install', 'microdnf install', 'tdnf install', 'zypper install', 'zypper in']) && !cleansUp(script.commands, /\b(clean all|clean -a|zypper (clean|cc))\b|rm -[a-z]*r[a-z]* .*\/var\/cache\/(yum|dnf|zypp)/)) {
        context.report({ start: subStart, end: subEnd, path, message: `${program} install leaves its cache in the layer: add && ${program === 'zypper' ? 'zypper clean -a' : `${program} clean all`} to the same RUN.` });
      } else if (/^pip[0-9.]*$/.test(program) && sub.value === 'install' && !findOption(effective, ['--no-cache-dir']) && !/PIP_NO_CACHE_DIR/.test(script.commands.flatMap((c) => c.assignments.map((a) => a.value)).join(' '))) {
        context.report({ start: subStart, end: subEnd, path, message: 'pip install keeps its download cache in the layer: add --no-cache-dir.', fix: { title: 'Add --no-cache-dir', edits: [{ start: subEnd, end: subEnd, newText: ' --no-cache-dir' }] } });
      }
    });
  },
});
