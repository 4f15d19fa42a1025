/**
 * Human-readable reference lines for a rule (PSS control, CIS, NSA, peer tool ids), shared by
 * `palisade rules` and SARIF rule help so both say the same thing.
 */
import type { References } from '../../../rules/engine/types';
import { REFERENCE_SOURCES } from '../../../rules/engine/references';

const PEERS = REFERENCE_SOURCES;

/** One line per reference source, e.g. "Pod Security Standards (baseline): Privileged Containers". */
export function referenceLines(references: References): string[] {
  const lines: string[] = [];
  if (references.pss) lines.push(`Pod Security Standards (${references.pss.level}): ${references.pss.control}`);
  for (const [key, label] of PEERS) {
    const ids = references[key] as string[] | undefined;
    if (ids?.length) lines.push(`${label}: ${ids.join(', ')}`);
  }
  for (const link of references.links ?? []) lines.push(link);
  return lines;
}

/** The same lines in Markdown, links made clickable. */
export function referenceMarkdown(references: References): string[] {
  return referenceLines(references).map((line) => (/^https?:\/\//.test(line) ? `- <${line}>` : `- ${line}`));
}
