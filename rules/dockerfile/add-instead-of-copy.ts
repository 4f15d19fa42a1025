import type { Instruction } from 'dockerfile-ast';
import { defineDockerfileRule } from '../engine/rule';
import { flagsOf, instructionPath, isRemoteSource, instructionsOf, keywordOffsets, sourcesOf } from './helpers';

/** Flags ADD and COPY share; an ADD with any other flag (`--keep-git-dir`, `--unpack`) keeps ADD. */
const COPY_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude', 'parents']);

/** ADD unpacks local tar archives: that is the one local use COPY cannot replace. */
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tar\.lz|tar\.lzma)$/i;

export default defineDockerfileRule({
  meta: {
    id: 'add-instead-of-copy',
    title: 'ADD used where COPY suffices',
    severity: 'warning',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      '`ADD` does more than copy: it fetches URLs and silently unpacks archives. Using it for plain local files hides that behaviour from reviewers, and a source that later becomes an archive changes the image without anyone noticing.',
    remediation: 'Use `COPY` for local files and folders. Keep `ADD` only to unpack a local tar archive, or for a remote file pinned with `--checksum`.',
    references: { hadolint: ['DL3020'], trivy: ['DS005'], checkov: ['CKV_DOCKER_4'] },
  },
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      for (const instruction of instructionsOf(stage, 'ADD')) {
        const sources = sourcesOf(instruction);
        // `$FILE` may name a URL or an archive: only the build knows.
        if (sources.length === 0 || sources.some((s) => isRemoteSource(s) || ARCHIVE.test(s) || s.includes('$'))) continue;
        const copyable = flagsOf(instruction).every((f) => COPY_FLAGS.has(f.getName()));
        const [start, end] = keywordOffsets(model, instruction);
        context.report({
          start,
          end,
          path: instructionPath(stage, instruction),
          message: `ADD copies local ${sources.length === 1 ? `"${sources[0]}"` : 'files'} here: use COPY, which does only that.`,
          ...(copyable ? { fix: { title: 'Replace ADD with COPY', edits: [{ start, end, newText: copyKeyword(instruction) }] } } : {}),
        });
      }
    }
  },
});

/** Keep the user's casing style (`add` -> `copy`). */
function copyKeyword(instruction: Instruction): string {
  return instruction.getInstruction() === instruction.getInstruction().toLowerCase() ? 'copy' : 'COPY';
}
