/**
 * Registry parity, in the manner of ESLint's checkRuleFiles: every rule in rules/index.ts is
 * one file named after its id, has a test file and complete metadata, and the generated docs
 * and config schema match the registry. Rules are added in parallel, so everything is read
 * from the registry and the file system at run time, never from a hand-written list.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { BUILTIN_META } from '../../rules/engine/builtin';
import { defaultConfig, resolveRules } from '../../rules/engine/config';
import { PROFILES } from '../../rules/engine/profiles';
import type { Rule } from '../../rules/engine/rule';
import { SEVERITIES } from '../../rules/engine/types';
import { RULES } from '../../rules/index';
import { CONFIG_SCHEMA, renderConfigSchema, renderRulesMarkdown, RULES_DOC } from '../../scripts/generate-docs';

const ROOT = resolve(__dirname, '../..');
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Where each language's rules live and where their tests live, relative to the root. */
const RULE_FOLDERS: Record<Rule['language'], { glob: RegExp; test: (file: string) => string }> = {
  kubernetes: { glob: /^rules\/kubernetes\/[a-z0-9-]+\/[a-z0-9-]+\.ts$/, test: (f) => f.replace(/^rules\//, 'test/rules/').replace(/\.ts$/, '.test.ts') },
  'kubernetes-workspace': {
    glob: /^rules\/kubernetes\/[a-z0-9-]+\/[a-z0-9-]+\.ts$/,
    test: (f) => f.replace(/^rules\//, 'test/rules/').replace(/\.ts$/, '.test.ts'),
  },
  dockerfile: { glob: /^rules\/dockerfile\/[a-z0-9-]+\.ts$/, test: (f) => f.replace(/^rules\//, 'test/rules/').replace(/\.ts$/, '.test.ts') },
};

function sourceFiles(folder: string): string[] {
  if (!existsSync(join(ROOT, folder))) return [];
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && entry.name !== 'index.ts' ? [path] : [];
  });
}

function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && 'meta' in value && 'language' in value && 'check' in value;
}

/** Rule files found on disk: every module under rules/kubernetes and rules/dockerfile whose default export is a rule. */
function ruleFilesOnDisk(): Map<Rule, string> {
  const found = new Map<Rule, string>();
  for (const file of [...sourceFiles('rules/kubernetes'), ...sourceFiles('rules/dockerfile')]) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported: unknown = require(join(ROOT, file)).default;
    if (isRule(exported)) found.set(exported, file);
  }
  return found;
}

function problems(check: (rule: Rule) => string | undefined): string[] {
  return RULES.flatMap((rule) => {
    const problem = check(rule);
    return problem ? [`${rule.meta.id}: ${problem}`] : [];
  });
}

describe('rule registry (meta)', () => {
  const files = ruleFilesOnDisk();

  it('has rules', () => {
    assert.ok(RULES.length > 0);
  });

  it('has unique kebab-case ids that do not collide with the engine’s own findings', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate ids');
    assert.deepEqual(ids.filter((id) => !KEBAB_CASE.test(id)), [], 'ids that are not kebab-case');
    const builtin = new Set(BUILTIN_META.map((m) => m.id));
    assert.deepEqual(ids.filter((id) => builtin.has(id)), [], 'ids reserved by the engine');
  });

  it('has one file per rule, named after its id, in its language’s folder', () => {
    assert.deepEqual(
      problems((rule) => {
        const file = files.get(rule);
        if (!file) return 'no file under rules/kubernetes/<area>/ or rules/dockerfile/ default-exports this rule';
        if (!RULE_FOLDERS[rule.language].glob.test(file)) return `${file} is not where ${rule.language} rules live`;
        return file.endsWith(`/${rule.meta.id}.ts`) ? undefined : `its file ${file} is not named ${rule.meta.id}.ts`;
      }),
      [],
    );
  });

  it('registers every rule file', () => {
    const registered = new Set<Rule>(RULES);
    const orphans = [...files].filter(([rule]) => !registered.has(rule)).map(([, file]) => file);
    assert.deepEqual(orphans, [], 'rule files missing from their area index.ts');
  });

  it('has a test file for every rule', () => {
    assert.deepEqual(
      problems((rule) => {
        const file = files.get(rule);
        if (!file) return undefined; // reported by the file test above
        const test = RULE_FOLDERS[rule.language].test(file);
        return existsSync(join(ROOT, test)) ? undefined : `missing ${test}`;
      }),
      [],
    );
  });

  it('has complete metadata', () => {
    assert.deepEqual(
      problems(({ meta }) => {
        const empty = (['title', 'category', 'description', 'remediation'] as const).filter((k) => !meta[k]?.trim());
        if (empty.length) return `empty ${empty.join(', ')}`;
        if (!SEVERITIES.includes(meta.severity)) return `invalid severity ${String(meta.severity)}`;
        if (meta.tier !== 'recommended' && meta.tier !== 'strict') return `invalid tier ${String(meta.tier)}`;
        const refs = Object.values(meta.references ?? {}).filter((v) => (Array.isArray(v) ? v.length > 0 : !!v));
        return refs.length === 0 ? 'no references (PSS, CIS, NSA, a peer tool id or a link)' : undefined;
      }),
      [],
    );
  });

  it('gives every Pod Security Standards rule its level and control, and the severity the level implies', () => {
    assert.deepEqual(
      problems((rule) => {
        const file = files.get(rule) ?? '';
        const pss = rule.meta.references.pss;
        if (file.startsWith('rules/kubernetes/pod-security/') && !pss) return 'a pod-security rule without references.pss';
        if (!pss) return undefined;
        if (pss.level !== 'baseline' && pss.level !== 'restricted') return `invalid pss.level ${String(pss.level)}`;
        if (!pss.control?.trim()) return 'empty pss.control';
        const expected = pss.level === 'baseline' ? 'error' : 'warning';
        return rule.meta.severity === expected ? undefined : `PSS ${pss.level} rules are ${expected}s, not ${rule.meta.severity}s`;
      }),
      [],
    );
  });

  it('has rules in every profile', () => {
    const empty = PROFILES.filter((profile) => resolveRules(RULES, { ...defaultConfig(), profile }).length === 0);
    assert.deepEqual(empty, []);
  });
});

describe('generated docs', () => {
  const cases: Array<[string, () => string]> = [
    [RULES_DOC, () => renderRulesMarkdown()],
    [CONFIG_SCHEMA, () => renderConfigSchema()],
  ];
  for (const [file, render] of cases) {
    it(`${file} is up to date with the registry`, () => {
      const path = join(ROOT, file);
      const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
      assert.ok(current === render(), `${relative(ROOT, path)} is out of date: run npm run docs`);
    });
  }
});
