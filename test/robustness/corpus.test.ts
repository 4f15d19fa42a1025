/**
 * Robustness over real-world files: every registered rule (strict profile) runs over every
 * file of the shared corpus. Nothing may throw, no rule may fail (`internal-error`), files
 * that are not valid YAML must say so, and Helm templates must not produce a wall of noise.
 *
 * The corpus lives outside the project (`../shared/corpus`); a clone without it registers no
 * test here and says so, so the rest of the suite still runs.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeFile, type ResolvedRule } from '../../rules/engine/analyze';
import { defaultConfig, resolveRules } from '../../rules/engine/config';
import type { Finding } from '../../rules/engine/types';
import { RULES } from '../../rules/index';
import { ruleOptions } from '../harness/rule-tester';

const CORPUS = resolve(__dirname, '../../../shared/corpus');
const K8S = join(CORPUS, 'real-k8s');
const DOCKERFILES = join(CORPUS, 'dockerfiles');

/** The fields of a real-k8s index.json entry this test reads. */
interface K8sCorpusEntry {
  path: string;
  /** The parser message when the file is not valid YAML, else null. */
  parseError?: string | null;
  helmTemplate?: boolean;
}

const SYNTAX_FINDINGS = new Set(['parse-error', 'template-not-analyzed']);

function strictRules(): ResolvedRule[] {
  return resolveRules(RULES, { ...defaultConfig(), profile: 'strict' });
}

function readIndex<T>(folder: string): T[] {
  return (JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8')) as { files: T[] }).files;
}

function analyzeCorpusFile(folder: string, path: string, rules: readonly ResolvedRule[]): Finding[] {
  const text = readFileSync(join(folder, path), 'utf8');
  return analyzeFile(path, text, rules, ruleOptions()).findings;
}

function describeFailures(failures: string[]): string {
  return `${failures.length} file(s):\n  ${failures.slice(0, 20).join('\n  ')}`;
}

if (!existsSync(join(K8S, 'index.json'))) {
  console.log(`[robustness] corpus not found at ${CORPUS}: corpus tests not registered.`);
} else {
  describe('robustness over the real-world corpus', function () {
    this.timeout(300_000);
    const entries = readIndex<K8sCorpusEntry>(K8S);
    const results = new Map<string, Finding[]>();
    const crashes: string[] = [];

    before(() => {
      const rules = strictRules();
      for (const entry of entries) {
        try {
          results.set(entry.path, analyzeCorpusFile(K8S, entry.path, rules));
        } catch (error) {
          crashes.push(`${entry.path}: ${error instanceof Error ? error.stack : String(error)}`);
        }
      }
    });

    it(`analyses every real-k8s file without an exception`, () => {
      assert.ok(entries.length > 1000, `the corpus index lists ${entries.length} files`);
      assert.deepEqual(crashes, [], describeFailures(crashes));
    });

    it('reports no internal-error finding (no rule throws)', () => {
      const failures = [...results].flatMap(([path, findings]) =>
        findings.filter((f) => f.ruleId === 'internal-error').map((f) => `${path}: ${f.message}`),
      );
      assert.deepEqual(failures, [], describeFailures(failures));
    });

    it('says so for every file the corpus marks as not parsing', () => {
      const broken = entries.filter((e) => e.parseError);
      assert.ok(broken.length > 0, 'the corpus is expected to hold invalid files');
      const silent = broken.filter((e) => !results.get(e.path)?.some((f) => SYNTAX_FINDINGS.has(f.ruleId))).map((e) => e.path);
      assert.deepEqual(silent, [], describeFailures(silent));
    });

    it('reports at most one parse-error or template-not-analyzed finding per Helm template', () => {
      const templates = entries.filter((e) => e.helmTemplate);
      assert.ok(templates.length > 0, 'the corpus is expected to hold Helm templates');
      const noisy = templates
        .map((e) => [e.path, results.get(e.path)?.filter((f) => SYNTAX_FINDINGS.has(f.ruleId)).length ?? 0] as const)
        .filter(([, count]) => count > 1)
        .map(([path, count]) => `${path}: ${count} findings`);
      assert.deepEqual(noisy, [], describeFailures(noisy));
    });

    // Hook for Dockerfiles: once Dockerfile rules are registered, every file listed in
    // dockerfiles/index.json is analysed the same way (no exception, no internal-error).
    const dockerfileRules = strictRules().filter((r) => (r.rule.language as string) === 'dockerfile');
    if (dockerfileRules.length === 0 || !existsSync(join(DOCKERFILES, 'index.json'))) {
      console.log('[robustness] no Dockerfile rules registered yet: Dockerfile corpus test not registered.');
    } else {
      it('analyses every Dockerfile without an exception or internal-error', () => {
        const failures: string[] = [];
        for (const entry of readIndex<{ path: string }>(DOCKERFILES)) {
          try {
            const findings = analyzeCorpusFile(DOCKERFILES, entry.path, dockerfileRules);
            for (const f of findings.filter((x) => x.ruleId === 'internal-error')) failures.push(`${entry.path}: ${f.message}`);
          } catch (error) {
            failures.push(`${entry.path}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        assert.deepEqual(failures, [], describeFailures(failures));
      });
    }
  });
}
