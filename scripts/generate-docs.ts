/**
 * Generates the rule reference (docs/rules.md) and the JSON Schema of `.palisade.yaml`
 * (schemas/palisade-config.schema.json) from the registry, so neither is maintained by hand.
 *   npm run docs
 * test/rules/meta.test.ts fails when either file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_META } from '../rules/engine/builtin';
import { inProfile, PROFILE_DESCRIPTIONS, PROFILES, type ProfileName } from '../rules/engine/profiles';
import type { Rule } from '../rules/engine/rule';
import type { References, RuleMeta } from '../rules/engine/types';
import { SEVERITIES } from '../rules/engine/types';
import { LATEST_KUBERNETES_MINOR, OLDEST_KUBERNETES_MINOR } from '../rules/engine/version';
import { RULES } from '../rules/index';
import { REFERENCE_SOURCES } from '../rules/engine/references';

export const RULES_DOC = 'docs/rules.md';
export const CONFIG_SCHEMA = 'schemas/palisade-config.schema.json';

const PEERS = REFERENCE_SOURCES;

const LANGUAGE_LABEL: Record<Rule['language'], string> = {
  kubernetes: 'Kubernetes',
  'kubernetes-workspace': 'Kubernetes (across files)',
  dockerfile: 'Dockerfile',
};

function profilesOf(meta: RuleMeta): ProfileName[] {
  return PROFILES.filter((p) => inProfile(meta, p));
}

/** Markdown table cells must not contain raw pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function referenceLines(refs: References): string[] {
  const lines: string[] = [];
  if (refs.pss) lines.push(`- Pod Security Standards: ${refs.pss.level}, "${refs.pss.control}"`);
  for (const [key, label] of PEERS) {
    const ids = refs[key] as string[] | undefined;
    if (ids?.length) lines.push(`- ${label}: ${ids.map((id) => `\`${id}\``).join(', ')}`);
  }
  for (const link of refs.links ?? []) lines.push(`- <${link}>`);
  return lines;
}

function ruleSection(rule: Rule): string {
  const m = rule.meta;
  return [
    `### ${m.id}`,
    '',
    `**${m.title}**: ${m.severity}, ${m.category}, ${LANGUAGE_LABEL[rule.language]}. Profiles: ${profilesOf(m).join(', ')}.`,
    '',
    m.description.trim(),
    '',
    '**Remediation.** ' + m.remediation.trim(),
    '',
    ...(referenceLines(m.references).length ? ['**References**', '', ...referenceLines(m.references), ''] : []),
  ].join('\n');
}

export function renderRulesMarkdown(registry: readonly Rule[] = RULES): string {
  const profileRows = PROFILES.map((p) => `| \`${p}\` | ${registry.filter((r) => inProfile(r.meta, p)).length} | ${cell(PROFILE_DESCRIPTIONS[p])} |`);
  const ruleRows = registry.map((r) => {
    const m = r.meta;
    const pss = m.references.pss ? m.references.pss.level : '';
    return `| [\`${m.id}\`](#${m.id}) | ${cell(m.title)} | ${m.severity} | ${cell(m.category)} | ${pss} | ${m.tier} | ${LANGUAGE_LABEL[r.language]} |`;
  });
  const builtinRows = BUILTIN_META.map((m) => `| \`${m.id}\` | ${m.severity} | ${cell(m.description)} |`);
  return [
    '# Palisade rules',
    '',
    '<!-- Generated from the registry (rules/index.ts) by `npm run docs`. Do not edit by hand. -->',
    '',
    `${registry.length} rules. The \`recommended\` profile is the default; see the README for profiles and configuration.`,
    '',
    '## Profiles',
    '',
    '| Profile | Rules | What it contains |',
    '| --- | --- | --- |',
    ...profileRows,
    '',
    '## All rules',
    '',
    '| Rule | Title | Severity | Category | PSS level | Tier | Applies to |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...ruleRows,
    '',
    '## Findings about the file itself',
    '',
    'Reported by the engine, not by a rule; no profile turns them off.',
    '',
    '| Id | Severity | Meaning |',
    '| --- | --- | --- |',
    ...builtinRows,
    '',
    '## Rule reference',
    '',
    ...registry.map(ruleSection),
  ].join('\n');
}

export function renderConfigSchema(registry: readonly Rule[] = RULES): string {
  const ids = registry.map((r) => r.meta.id);
  const stringList = (description: string) => ({ type: 'array', description, items: { type: 'string' } });
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://palisade.dev/schemas/palisade-config.schema.json',
    title: 'Palisade configuration (.palisade.yaml)',
    description: 'Generated from the rule registry by `npm run docs`. Do not edit by hand.',
    type: 'object',
    additionalProperties: false,
    definitions: {
      ruleSetting: {
        enum: ['off', 'on', ...SEVERITIES],
        description: '`off` disables the rule, `on` enables it at its default severity, a severity enables it at that severity.',
      },
    },
    properties: {
      profile: {
        enum: [...PROFILES],
        default: 'recommended',
        description: PROFILES.map((p) => `${p}: ${PROFILE_DESCRIPTIONS[p]}`).join('\n'),
      },
      kubernetesVersion: {
        description: `Kubernetes version whose Pod Security Standards apply, 1.${OLDEST_KUBERNETES_MINOR} to 1.${LATEST_KUBERNETES_MINOR}, or "latest". Quote it ("1.30").`,
        anyOf: [{ type: 'string', pattern: '^(v?1\\.\\d+(\\.\\d+)?|latest)$' }, { type: 'number' }],
      },
      rules: {
        type: 'object',
        description: 'Per-rule setting; overrides the profile.',
        additionalProperties: false,
        properties: Object.fromEntries(
          registry.map((r) => [r.meta.id, { $ref: '#/definitions/ruleSetting', description: `${r.meta.title} (default: ${r.meta.severity}, ${r.meta.tier})` }]),
        ),
      },
      exclude: stringList('Glob patterns, relative to the config file, of files not to analyse.'),
      trustedRegistries: stringList('Image prefixes images may come from, e.g. "registry.example.com/".'),
      suppressions: {
        type: 'array',
        description: 'Accepted findings, each with the reason it is acceptable.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['rules', 'reason'],
          properties: {
            rules: { type: 'array', minItems: 1, items: { enum: ['*', ...ids] } },
            paths: stringList('Glob patterns of files the suppression applies to.'),
            objects: stringList('Objects as Kind/namespace/name or Kind/name; globs allowed.'),
            reason: { type: 'string', pattern: '\\S', description: 'Why the finding is acceptable.' },
          },
        },
      },
    },
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

function main(): void {
  const root = join(__dirname, '..');
  writeFileSync(join(root, RULES_DOC), renderRulesMarkdown());
  writeFileSync(join(root, CONFIG_SCHEMA), renderConfigSchema());
  console.log(`Wrote ${RULES_DOC} and ${CONFIG_SCHEMA} (${RULES.length} rules).`);
}

if (require.main === module) main();
