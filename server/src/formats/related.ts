/**
 * A finding's related locations as every report shows them: those in the finding's own file
 * first, then those in other files (the order a diagnostic lists them in), each with its file,
 * its 0-based range and its message.
 *
 * The range is the engine's when the finding carries one; otherwise it is computed from the
 * offsets over the file's text, which the caller supplies (`textOf`). Without either, a note
 * has no range and reports show the file alone.
 */
import type { Range } from '../../../rules/engine/types';
import { lineIndexOf } from '../../../rules/engine/text';
import type { WorkspaceFinding } from '../../../rules/engine/workspace';

export interface RelatedNote {
  /** Same convention as the finding's file: relative to the cwd in the CLI. */
  file: string;
  range?: Range;
  message: string;
}

/** The text a finding's offsets count in, by the file name the scan used; undefined if unknown. */
export type TextOf = (file: string) => string | undefined;

/** What the engine gives for a related location; `range` may be absent in older findings. */
interface OffsetLocation {
  start: number;
  end: number;
  range?: Range;
  message: string;
}

export function relatedNotes(finding: WorkspaceFinding, file: string, textOf?: TextOf): RelatedNote[] {
  const here = (finding.related ?? []).map((r: OffsetLocation) => toNote(file, r, textOf));
  const elsewhere = (finding.crossFileRelated ?? []).map((r) => toNote(r.file, r, textOf));
  return [...here, ...elsewhere];
}

/** The files whose text `relatedNotes` needs: those of related locations without a range. */
export function filesNeedingText(findings: Iterable<{ file: string; findings: readonly WorkspaceFinding[] }>): Set<string> {
  const files = new Set<string>();
  for (const { file, findings: list } of findings) {
    for (const f of list) {
      for (const r of (f.related ?? []) as OffsetLocation[]) if (!r.range) files.add(file);
      for (const r of f.crossFileRelated ?? []) if (!(r as OffsetLocation).range) files.add(r.file);
    }
  }
  return files;
}

function toNote(file: string, location: OffsetLocation, textOf: TextOf | undefined): RelatedNote {
  const range = location.range ?? rangeFromText(textOf?.(file), location);
  return { file, ...(range ? { range } : {}), message: location.message };
}

function rangeFromText(text: string | undefined, { start, end }: OffsetLocation): Range | undefined {
  return text === undefined ? undefined : lineIndexOf(text).rangeAt(start, end);
}
