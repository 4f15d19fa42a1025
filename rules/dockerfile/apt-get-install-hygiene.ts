import { shippedStages } from '../engine/dockerfile/model';
import { defineDockerfileRule } from '../engine/rule';
import { findOption, forEachRunCommandOf, instructionPath, isInstall, programOf, subcommand, wordOffsets } from './helpers';

const APT = new Set(['apt-get', 'apt']);

export default defineDockerfileRule({
  meta: {
    id: 'apt-get-install-hygiene',
    title: 'apt-get install without --no-install-recommends or -y',
    severity: 'info',
    category: 'Dockerfile hygiene',
    tier: 'recommended',
    description:
      '`apt-get install` pulls in "recommended" packages by default: more software, more CVEs to patch, bigger images. Without `-y` it waits for a confirmation that never comes in a build. `apt` is meant for people and warns that its interface is unstable in scripts.',
    remediation: 'Write `apt-get install -y --no-install-recommends <packages>`.',
    references: { hadolint: ['DL3015', 'DL3014', 'DL3027'], trivy: ['DS029', 'DS021', 'DS027'], checkov: ['CKV_DOCKER_9'] },
  },
  check(context) {
    const shipped = shippedStages(context.dockerfile);
    forEachRunCommandOf(context.dockerfile, APT, ({ stage, run, effective, script }) => {
      if (!isInstall(effective, ['apt-get install', 'apt install'])) return;
      const path = instructionPath(stage, run);
      const sub = subcommand(effective)!;
      const [subStart, subEnd] = wordOffsets(script, sub);
      if (programOf(effective) === 'apt') {
        const [start, end] = wordOffsets(script, effective.words[0]);
        const fix = script.editable ? { fix: { title: 'Replace apt with apt-get', edits: [{ start, end, newText: 'apt-get' }] } } : {};
        context.report({ start, end, path, message: 'apt is for interactive use; use apt-get in Dockerfiles.', ...fix });
      }
      if (!findOption(effective, ['--yes', '--assume-yes'], ['y']) && !effective.words.some((w) => /^-[a-z]*q[a-z]*y|^-y/.test(w.value))) {
        const fix = script.editable ? { fix: { title: 'Add -y', edits: [{ start: subEnd, end: subEnd, newText: ' -y' }] } } : {};
        context.report({ start: subStart, end: subEnd, path, message: `${programOf(effective)} install without -y waits for a confirmation the build cannot give. Add -y.`, ...fix });
      }
      // Recommended packages only cost something in stages that end up in the image.
      if (shipped.has(stage) && !findOption(effective, ['--no-install-recommends']) && !effective.words.some((w) => /APT::Install-Recommends=(false|0)/i.test(w.value))) {
        context.report({
          start: subStart,
          end: subEnd,
          path,
          message: `${programOf(effective)} install also installs recommended packages: add --no-install-recommends to keep the image small and its attack surface low.`,
          ...(script.editable ? { suggestions: [{ title: 'Add --no-install-recommends (packages that were only recommended are no longer installed)', edits: [{ start: subEnd, end: subEnd, newText: ' --no-install-recommends' }] }] } : {}),
        });
      }
    });
  },
});
