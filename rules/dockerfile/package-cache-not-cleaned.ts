import { propertiesOf, shippedStages, stageChain, type Stage } from '../engine/dockerfile/model';
import { defineDockerfileRule } from '../engine/rule';
import type { TextEdit } from '../engine/types';
import type { ShellCommand } from '../engine/dockerfile/shell';
import { findOption, flagsOf, forEachRunCommandOf, instructionPath, isInstall, instructionsOf, programOf, subcommand, wordOffsets } from './helpers';

/** `ENV PIP_NO_CACHE_DIR=1` in the stage (or a stage it builds on), or as an inline assignment. */
function pipCacheDisabled(stage: Stage, commands: ShellCommand[]): boolean {
  if (commands.some((c) => c.assignments.some((a) => a.value.startsWith('PIP_NO_CACHE_DIR=')))) return true;
  return stageChain(stage).some((s) =>
    instructionsOf(s, 'ENV').some((i) => propertiesOf(i).some((p) => p.getName() === 'PIP_NO_CACHE_DIR')),
  );
}

const PACKAGE_MANAGERS = /^(apt-get|apt|apk|yum|dnf|microdnf|tdnf|zypper|pip[0-9.]*)$/;

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
    const shipped = shippedStages(context.dockerfile);
    const isPackageManager = (program: string) => PACKAGE_MANAGERS.test(program);
    forEachRunCommandOf(context.dockerfile, isPackageManager, ({ stage, run, effective, script }) => {
      // A build stage's cache never reaches the image (only what COPY --from takes does).
      if (!shipped.has(stage)) return;
      const program = programOf(effective);
      if (flagsOf(run).some((f) => f.getName() === 'mount' && /type=cache/.test(f.getValue() ?? ''))) return;
      const sub = subcommand(effective);
      if (!sub) return;
      const path = instructionPath(stage, run);
      const fix = (title: string, edit: TextEdit) => (script.editable ? { fix: { title, edits: [edit] } } : {});
      const [subStart, subEnd] = wordOffsets(script, sub);
      const last = effective.words[effective.words.length - 1];
      const [, lastEnd] = wordOffsets(script, last);
      if (isInstall(effective, ['apt-get install', 'apt install']) && !cleansUp(script.commands, /rm -[a-z]*r[a-z]* .*\/var\/lib\/apt\/lists|apt(-get)? dist-clean/)) {
        context.report({
          start: subStart,
          end: subEnd,
          path,
          message: `${program} install leaves /var/lib/apt/lists in the layer: add && rm -rf /var/lib/apt/lists/* to the same RUN.`,
          ...fix('Remove the apt lists in the same RUN', { start: lastEnd, end: lastEnd, newText: ' && rm -rf /var/lib/apt/lists/*' }),
        });
      } else if (isInstall(effective, ['apk add']) && !findOption(effective, ['--no-cache', '--no-network']) && !cleansUp(script.commands, /\/var\/cache\/apk/)) {
        // `--no-network` installs from what is already there and fetches no index.
        context.report({ start: subStart, end: subEnd, path, message: 'apk add keeps its index cache in the layer: use apk add --no-cache.', ...fix('Add --no-cache', { start: subEnd, end: subEnd, newText: ' --no-cache' }) });
      } else if (isInstall(effective, ['yum install', 'dnf install', 'microdnf install', 'tdnf install', 'zypper install', 'zypper in']) && !cleansUp(script.commands, /\b(clean all|clean -a|zypper (clean|cc))\b|rm -[a-z]*r[a-z]* .*\/var\/cache\/(yum|dnf|zypp)/)) {
        context.report({ start: subStart, end: subEnd, path, message: `${program} install leaves its cache in the layer: add && ${program === 'zypper' ? 'zypper clean -a' : `${program} clean all`} to the same RUN.` });
      } else if (/^pip[0-9.]*$/.test(program) && sub.value === 'install' && !findOption(effective, ['--no-cache-dir', '--no-cache']) && !pipCacheDisabled(stage, script.commands)) {
        context.report({ start: subStart, end: subEnd, path, message: 'pip install keeps its download cache in the layer: add --no-cache-dir.', ...fix('Add --no-cache-dir', { start: subEnd, end: subEnd, newText: ' --no-cache-dir' }) });
      }
    });
  },
});
