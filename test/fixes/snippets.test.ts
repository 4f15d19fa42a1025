import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { analyzeFile } from '../../rules/engine/analyze';
import { inProfile } from '../../rules/engine/profiles';
import { analyzeWorkspace } from '../../rules/engine/workspace';
import { RULES } from '../../rules/index';
import { SNIPPET_NAMES, snippetText, type SnippetName } from '../../rules/kubernetes/fixes';
import { ruleOptions } from '../harness/rule-tester';

const FULL: SnippetName[] = ['Hardened Deployment', 'Default-deny NetworkPolicy', 'Allow-ingress NetworkPolicy', 'Ingress with TLS', 'Namespace with Pod Security Admission'];

describe('snippets/kubernetes.json', () => {
  for (const name of SNIPPET_NAMES) {
    it(`"${name}" parses as YAML with its placeholders at their defaults`, () => {
      const text = snippetText(name);
      assert.doesNotMatch(text, /\$\{?\d/);
      const docs = parseAllDocuments(text, { version: '1.1' });
      assert.ok(Array.isArray(docs) && docs.length === 1);
      assert.deepEqual(docs[0].errors, []);
    });
  }

  it('the full manifests produce no finding from any rule of the recommended profile, together as a workspace', () => {
    const options = ruleOptions();
    const rules = RULES.filter((rule) => inProfile(rule.meta, 'recommended')).map((rule) => ({ rule, severity: rule.meta.severity }));
    const files = FULL.map((name) => {
      const text = snippetText(name) + '\n';
      return { file: `${name}.yaml`, text, analysis: analyzeFile(`${name}.yaml`, text, rules, options) };
    });
    const findings = [
      ...files.flatMap((f) => f.analysis.findings.map((x) => `${f.file}: ${x.ruleId} ${x.path} ${x.message}`)),
      ...[...analyzeWorkspace(files, rules, options)].flatMap(([file, list]) => list.map((x) => `${file}: ${x.ruleId} ${x.path}`)),
    ];
    assert.deepEqual(findings, []);
  });
});
