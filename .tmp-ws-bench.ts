import { mkdtempSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { generateWorkloads } from './test/bench/lsp';
import { AnalysisCache, analyzeFile } from './rules/engine/analyze';
import { analyzeWorkspace } from './rules/engine/workspace';
import { defaultConfig, resolveRules } from './rules/engine/config';
import { LATEST_KUBERNETES_VERSION } from './rules/engine/version';
import { RULES } from './rules/index';

const rules = resolveRules(RULES, defaultConfig());
const options = { kubernetesVersion: LATEST_KUBERNETES_VERSION, trustedRegistries: [] };
const [w] = generateWorkloads(mkdtempSync('/tmp/pb-'));
const cache = new AnalysisCache();
let t = performance.now();
const a = analyzeFile('/x/many.yaml', w.text, rules, options, cache);
console.log('full', (performance.now() - t).toFixed(0), a.findings.length);
const lines = w.text.split('\n');
for (let n = 0; n < 8; n++) {
  lines[w.tagLine] = lines[w.tagLine].slice(0, w.tagStart) + `${n}.${n}.1`;
  const text = lines.join('\n');
  t = performance.now();
  const b = analyzeFile('/x/many.yaml', text, rules, options, cache);
  const t1 = performance.now();
  const ws = analyzeWorkspace([{ file: '/x/many.yaml', text, analysis: b }], rules, options);
  const t2 = performance.now();
  let fixes = 0;
  for (const f of ws.get('/x/many.yaml') ?? []) if (f.fix !== undefined) fixes++;
  const t3 = performance.now();
  let pf = 0; for (const f of b.findings) if (f.fix !== undefined) pf++;
  const t4 = performance.now();
  console.log('edit analyze', (t1 - t).toFixed(1), 'workspace', (t2 - t1).toFixed(1), (ws.get('/x/many.yaml') ?? []).length, 'wsfixes', (t3 - t2).toFixed(1), 'filefixes', (t4-t3).toFixed(1));
}
// per rule
const wsRules = rules.filter((r) => r.rule.language === 'kubernetes-workspace');
const text = lines.join('\n');
const b = analyzeFile('/x/many.yaml', text, rules, options, cache);
for (const r of wsRules) { t = performance.now(); analyzeWorkspace([{ file: '/x/many.yaml', text, analysis: b }], [r], options); console.log(r.rule.meta.id, (performance.now() - t).toFixed(1)); }
const counts = new Map<string, number>();
for (const f of analyzeWorkspace([{ file: '/x/many.yaml', text, analysis: b }], rules, options).get('/x/many.yaml') ?? []) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
console.log(counts);
const fc = new Map<string, number>();
for (const f of b.findings) fc.set(f.ruleId, (fc.get(f.ruleId) ?? 0) + 1);
console.log(fc);
