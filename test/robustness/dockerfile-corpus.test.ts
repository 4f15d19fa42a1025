/**
 * Robustness over real Dockerfiles: every Dockerfile rule runs over every file of
 * ../shared/corpus/dockerfiles (named `repo__path__Dockerfile`, so the language is given,
 * not guessed from the name). Nothing may throw and no rule may fail (`internal-error`).
 * Without the corpus (a clone outside this workplace) the test is not registered, and says so.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOCKERFILE_RULES } from '../../rules/dockerfile';
import { analyzeFile } from '../../rules/engine/analyze';
import { ruleOptions } from '../harness/rule-tester';

const CORPUS = resolve(__dirname, '../../../shared/corpus/dockerfiles');

if (!existsSync(join(CORPUS, 'index.json'))) {
  console.log(`[robustness] Dockerfile corpus not found at ${CORPUS}: Dockerfile corpus test not registered.`);
} else {
  describe('robustness over the real-world Dockerfile corpus', function () {
    this.timeout(120_000);
    it('runs every Dockerfile rule over every file without an exception or internal-error', () => {
      const entries = (JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) as { files: Array<{ path: string }> }).files;
      assert.ok(entries.length > 400, `the corpus index lists ${entries.length} files`);
      const rules = DOCKERFILE_RULES.map((rule) => ({ rule, severity: rule.meta.severity }));
      const failures: string[] = [];
      let findings = 0;
      for (const { path } of entries) {
        try {
          const result = analyzeFile(path, readFileSync(join(CORPUS, path), 'utf8'), rules, { ...ruleOptions(), language: 'dockerfile' });
          assert.equal(result.language, 'dockerfile');
          findings += result.findings.length;
          for (const f of result.findings.filter((x) => x.ruleId === 'internal-error')) failures.push(`${path}: ${f.message}`);
        } catch (error) {
          failures.push(`${path}: ${error instanceof Error ? error.stack : String(error)}`);
        }
      }
      assert.deepEqual(failures, [], `${failures.length} file(s):\n  ${failures.slice(0, 20).join('\n  ')}`);
      assert.ok(findings > 0, 'the rules found nothing at all in the corpus');
    });
  });
}
