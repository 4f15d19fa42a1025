/**
 * Hover over a finding: the rule's explanation, fix and references, from the registry's
 * metadata, so it works offline.
 */
import type { Hover, Position } from 'vscode-languageserver/node';
import type { Finding, References, RuleMeta } from '../../../rules/engine/types';
import { findMeta } from '../../../rules/index';
import { docsUrl } from './docs-url';
import { REFERENCE_SOURCES } from '../../../rules/engine/references';
import { rangeContains } from '../../../rules/engine/text';

export function hoverFor(findings: readonly Finding[], position: Position): Hover | null {
  const here = findings.filter((f) => rangeContains(f.range, position));
  if (here.length === 0) return null;
  const ids = [...new Set(here.map((f) => f.ruleId))];
  const sections = ids.map((id) => {
    const meta = findMeta(id);
    const messages = here.filter((f) => f.ruleId === id).map((f) => f.message);
    return meta ? ruleMarkdown(meta, messages) : messages.join('\n\n');
  });
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range: here[0].range };
}

export function ruleMarkdown(meta: RuleMeta, messages: readonly string[] = []): string {
  const parts = [
    `**${meta.title}** ([\`${meta.id}\`](${docsUrl(meta.id)}), ${meta.severity})`,
    ...messages.map((m) => `> ${m}`),
    `**Why:** ${meta.description}`,
    `**Fix:** ${meta.remediation}`,
  ];
  const refs = referencesMarkdown(meta.references);
  if (refs) parts.push(`**References:** ${refs}`);
  return parts.join('\n\n');
}

// CIS and NSA are listed on their own lines above the peer tools.
const PEERS = REFERENCE_SOURCES.filter(([key]) => key !== 'cis' && key !== 'nsa');

export function referencesMarkdown(refs: References): string {
  const out: string[] = [];
  if (refs.pss) out.push(`Pod Security Standards ${refs.pss.level}: ${refs.pss.control}`);
  if (refs.cis?.length) out.push(`CIS ${refs.cis.join(', ')}`);
  if (refs.nsa?.length) out.push(`NSA/CISA ${refs.nsa.join(', ')}`);
  for (const [key, label] of PEERS) {
    const ids = refs[key] as string[] | undefined;
    if (ids?.length) out.push(`${label} ${ids.map((i) => `\`${i}\``).join(', ')}`);
  }
  for (const link of refs.links ?? []) out.push(`<${link}>`);
  return out.join(' · ');
}
