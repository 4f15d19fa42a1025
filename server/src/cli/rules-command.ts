/** `palisade rules`: the rule list, generated from the registry's metadata. */
import { BUILTIN_META } from '../../../rules/engine/builtin';
import { inProfile, PROFILES, type ProfileName } from '../../../rules/engine/profiles';
import type { References, RuleMeta, Severity, Tier } from '../../../rules/engine/types';
import { ALL_META } from '../../../rules/index';
import { referenceLines } from '../formats/references';
import { PALISADE_VERSION } from '../formats/tool';
import type { RulesArgs } from './args';

export interface RuleListing {
  id: string;
  title: string;
  severity: Severity;
  category: string;
  tier: Tier;
  /** Profiles that turn the rule on; engine findings are always on. */
  profiles: ProfileName[];
  /** True for what the engine reports itself (parse errors, skipped files): no profile turns it off. */
  builtin: boolean;
  description: string;
  remediation: string;
  references: References;
}

const BUILTIN_IDS = new Set(BUILTIN_META.map((m) => m.id));

export function listRules(): RuleListing[] {
  return ALL_META.map((meta: RuleMeta) => {
    const builtin = BUILTIN_IDS.has(meta.id);
    return {
      id: meta.id,
      title: meta.title,
      severity: meta.severity,
      category: meta.category,
      tier: meta.tier,
      profiles: builtin ? [...PROFILES] : PROFILES.filter((p) => inProfile(meta, p)),
      builtin,
      description: meta.description,
      remediation: meta.remediation,
      references: meta.references,
    };
  });
}

export function formatRules(args: RulesArgs): string {
  const rules = listRules();
  if (args.format === 'json') return `${JSON.stringify({ version: PALISADE_VERSION, rules }, null, 2)}\n`;
  return `${rules.map(formatRule).join('\n\n')}\n`;
}

function formatRule(rule: RuleListing): string {
  const profiles = rule.builtin ? 'always reported' : rule.profiles.length ? `profiles: ${rule.profiles.join(', ')}` : 'profiles: none';
  const lines = [
    `${rule.id}  ${rule.severity}  ${rule.category}  tier: ${rule.tier}  ${profiles}`,
    `  ${rule.title}`,
    ...referenceLines(rule.references).map((line) => `  - ${line}`),
  ];
  return lines.join('\n');
}
