import { defineDockerfileRule } from '../engine/rule';
import type { ShellCommand, ShellWord } from '../engine/dockerfile/shell';
import { forEachRunCommandOf, instructionPath, isInstall, packageArguments, programOf, wordOffsets } from './helpers';

/** Is this package argument pinned to a version, in the syntax of its package manager? */
function isPinned(command: ShellCommand, word: ShellWord): boolean {
  const v = word.value;
  const program = programOf(command);
  // Variables are decided by the build; local files and folders are whatever the context holds.
  if (v.includes('$') || /^[./~]/.test(v) || /\.(deb|rpm|apk|whl|tar\.gz|tgz|zip)$/.test(v)) return true;
  if (program === 'go') return v.includes('@') && !v.endsWith('@latest');
  if (['apt-get', 'apt', 'apk'].includes(program)) return v.includes('=');
  if (/^pip[0-9.]*$/.test(program)) return /(==|===|~=|@)/.test(v);
  if (['npm', 'pnpm', 'yarn'].includes(program)) return /^@?[^@]+@.+/.test(v);
  if (program === 'gem') return command.words.some((w) => w.value === '-v' || w.value.startsWith('--version')) || v.includes(':');
  return true;
}

const INSTALLERS = /^(apt-get|apt|apk|gem|go|pip[0-9.]*|npm|pnpm|yarn)$/;

export default defineDockerfileRule({
  meta: {
    id: 'unpinned-package-versions',
    title: 'Package installed without a pinned version',
    severity: 'info',
    category: 'Dockerfile hygiene',
    tier: 'strict',
    description: 'Installing packages without a version makes every build install whatever is newest that day: builds are not reproducible, and a compromised or broken release goes straight into the image.',
    remediation: 'Pin versions: `apt-get install curl=8.5.0-2`, `apk add curl=8.9.1-r0`, `pip install requests==2.32.3`, `npm install -g pnpm@9.12.0`, `gem install rake -v 13.2.1`, `go install example.com/tool@v1.2.3`.',
    references: { hadolint: ['DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3033', 'DL3037', 'DL3041', 'DL3062'] },
  },
  check(context) {
    const isInstaller = (program: string) => INSTALLERS.test(program);
    forEachRunCommandOf(context.dockerfile, isInstaller, ({ stage, run, effective, script }) => {
      const installs = isInstall(effective, ['apt-get install', 'apt install', 'apk add', 'gem install', 'go install']) ||
        (/^pip[0-9.]*$/.test(programOf(effective)) && isInstall(effective, [`${programOf(effective)} install`])) ||
        (isInstall(effective, ['npm install', 'npm i', 'pnpm add', 'yarn add', 'yarn global']) && effective.words.some((w) => ['-g', '--global', 'global'].includes(w.value)));
      if (!installs) return;
      for (const word of packageArguments(effective)) {
        if (word.value === 'add' || word.value === 'global' || isPinned(effective, word)) continue;
        const [start, end] = wordOffsets(script, word);
        context.report({ start, end, path: `${instructionPath(stage, run)}.${word.value}`, message: `${word.value} is installed without a pinned version: pin it so builds are reproducible.` });
      }
    });
  },
});
