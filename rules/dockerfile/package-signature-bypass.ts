import { defineDockerfileRule } from '../engine/rule';
import type { ShellCommand, ShellWord } from '../engine/dockerfile/shell';
import { findOption, forEachRunCommand, instructionPath, programOf, wordOffsets } from './helpers';

/** Options that make a package manager install packages whose signature it did not check. */
const BYPASSES: Array<{ programs: readonly string[]; long: readonly string[]; short?: readonly string[] }> = [
  { programs: ['apt-get', 'apt', 'aptitude'], long: ['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories', '--allow-downgrades'] },
  { programs: ['apk'], long: ['--allow-untrusted'] },
  { programs: ['yum', 'dnf', 'tdnf', 'microdnf'], long: ['--nogpgcheck', '--no-gpgchecks'] },
  { programs: ['zypper'], long: ['--no-gpg-checks', '--no-gpg-check'] },
  { programs: ['rpm'], long: ['--nosignature', '--nodigest', '--noverify', '--nofiledigest'] },
];

function bypassIn(command: ShellCommand): ShellWord | undefined {
  const program = programOf(command);
  for (const b of BYPASSES) {
    if (!b.programs.includes(program)) continue;
    const word = findOption(command, b.long, b.short);
    if (word) return word;
  }
  if (['apt-get', 'apt'].includes(program)) {
    const i = command.words.findIndex((w) => /^APT::Get::AllowUnauthenticated=(true|1|yes)$/i.test(w.value) || /AllowInsecureRepositories=(true|1|yes)$/i.test(w.value));
    if (i > 0) return command.words[i];
  }
  // `echo "deb [trusted=yes] http://..." > /etc/apt/sources.list.d/x.list`; a `file:` repository
  // holds packages built earlier in the same build, so there is no network to trust.
  return command.words.find((w) => w.value.includes('trusted=yes') && /\[[^\]]*\btrusted=yes\b[^\]]*\]/.test(w.value) && !/\]\s*file:/.test(w.value));
}

export default defineDockerfileRule({
  meta: {
    id: 'package-signature-bypass',
    title: 'Package signature checks bypassed',
    severity: 'error',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      'Package managers verify signatures so that a mirror, proxy or attacker on the network cannot hand you a modified package. `--allow-unauthenticated`, `--force-yes`, `[trusted=yes]`, `apk --allow-untrusted`, `--nogpgcheck` and `rpm --nosignature` switch that off.',
    remediation: 'Remove the option and import the repository\'s signing key instead (`curl -fsSLo /etc/apt/keyrings/x.asc <key url>` and `signed-by=` in the source entry; `rpm --import <key>`).',
    references: { checkov: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'] },
  },
  check(context) {
    forEachRunCommand(context.dockerfile, ({ stage, run, effective, script }) => {
      const word = bypassIn(effective);
      if (!word) return;
      const [start, end] = wordOffsets(script, word);
      const what = word.value.startsWith('-') || word.value.includes('::') ? `${programOf(effective)} is told to skip package signature checks (${word.value})` : 'This APT source is marked [trusted=yes], which skips package signature checks';
      context.report({ start, end, path: instructionPath(stage, run), message: `${what}. Remove it and import the repository's signing key instead.` });
    });
  },
});
