/**
 * A finding's related locations as every report shows them: those in the finding's own file
 * first, then those in other files (the order a diagnostic lists them in), each with its file,
 * its 0-based range (the engine gives every location one) and its message.
 */
import type { Range } from '../../../rules/engine/types';
import type { WorkspaceFinding } from '../../../rules/engine/workspace';

export interface RelatedNote {
  /** Same convention as the finding's file: relative to the cwd in the CLI. */
  file: string;
  range: Range;
  message: string;
}

export function relatedNotes(finding: WorkspaceFinding, file: string): RelatedNote[] {
  const here = (finding.related ?? []).map((r) => ({ file, range: r.range, message: r.message }));
  const elsewhere = (finding.crossFileRelated ?? []).map((r) => ({ file: r.file, range: r.range, message: r.message }));
  return [...here, ...elsewhere];
}
