import { defineDockerfileRule } from '../engine/rule';
import type { ShellCommand } from '../engine/dockerfile/shell';
import { effectiveCommand } from '../engine/dockerfile/shell';
import { forEachRunCommandOf, instructionPath, programOf, wordOffsets } from './helpers';

const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'aria2c', 'http', 'httpie']);
const INTERPRETERS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'fish', 'python', 'python2', 'python3', 'perl', 'ruby', 'node', 'php']);

function isInterpreter(command: ShellCommand): boolean {
  return INTERPRETERS.has(programOf(effectiveCommand(command)));
}

/** `sh -c "$(curl -fsSL https://...)"`: a download substituted into a shell's arguments. */
function substitutesDownload(command: ShellCommand): boolean {
  return isInterpreter(command) && command.words.slice(1).some((w) => /\$\(\s*(?:curl|wget)\b|`\s*(?:curl|wget)\b/.test(w.value));
}

export default defineDockerfileRule({
  meta: {
    id: 'remote-script-piped-to-shell',
    title: 'Remote script piped into a shell',
    severity: 'error',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      'Piping a download straight into an interpreter (`curl ... | sh`) runs whatever the server returns at build time, unreviewed and unpinned: a compromised or hijacked URL becomes code in your image, and a truncated download can run half a script.',
    remediation:
      'Download the script to a file, verify it against a pinned checksum (`echo "<sha256>  install.sh" | sha256sum -c -`), then run it. Better still, install a pinned package or copy the tool from a pinned image with `COPY --from`.',
    references: { links: ['https://docs.docker.com/build/building/best-practices/#run'] },
  },
  check(context) {
    const model = context.dockerfile;
    forEachRunCommandOf(model, INTERPRETERS, ({ stage, run, command, script, index }) => {
      const piped = command.pipedFromPrevious ? downloaderUpstream(script.commands, index) : undefined;
      if (!piped && !substitutesDownload(command)) return;
      const from = piped ?? command;
      const [start] = wordOffsets(script, from.words[0]);
      const [, end] = wordOffsets(script, command.words[command.words.length - 1]);
      const interpreter = programOf(effectiveCommand(command));
      context.report({
        start,
        end,
        path: instructionPath(stage, run),
        message: piped
          ? `A script downloaded with ${programOf(effectiveCommand(piped))} is piped into ${interpreter} unverified. Download it to a file, check its sha256, then run it.`
          : `${interpreter} runs a script substituted from a download, unverified. Download it to a file, check its sha256, then run it.`,
      });
    });
  },
});

/** The download command feeding this pipeline stage, looking back through `| tee`, `| sudo` etc. */
function downloaderUpstream(commands: ShellCommand[], index: number): ShellCommand | undefined {
  for (let i = index - 1; i >= 0; i--) {
    if (DOWNLOADERS.has(programOf(effectiveCommand(commands[i])))) return commands[i];
    if (!commands[i].pipedFromPrevious) return undefined;
  }
  return undefined;
}
