/**
 * Benchmark: analysis time as a ratio to a bare `yaml` parseAllDocuments of the same text,
 * measured in the same run (so the machine's speed cancels out). Target: <= 1.25x.
 *   npm run bench            (not part of npm test; no test asserts on timings)
 *
 * Workloads: a synthetic manifest of ~1,000 documents (~20,000 lines) generated below, and
 * every file of the real-world corpus (../shared/corpus/real-k8s) when it is present. Also an
 * incremental re-analysis (one document edited, with AnalysisCache) against a full analysis.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { AnalysisCache, analyzeFile, type ResolvedRule } from '../../rules/engine/analyze';
import { defaultConfig, resolveRules } from '../../rules/engine/config';
import type { ProfileName } from '../../rules/engine/profiles';
import type { RuleOptions } from '../../rules/engine/rule';
import { LATEST_KUBERNETES_VERSION } from '../../rules/engine/version';
import { RULES } from '../../rules/index';
import { runDockerfileBench } from './dockerfile';
import { runLspBench } from './lsp';

const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 7);
const TARGET = 1.25;
const OPTIONS: RuleOptions = { kubernetesVersion: LATEST_KUBERNETES_VERSION, trustedRegistries: [] };
const CORPUS = resolve(__dirname, '../../../shared/corpus/real-k8s');

interface File {
  path: string;
  text: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time of `run` in milliseconds, after warm-up runs. */
function measure(run: (iteration: number) => void, warmup = WARMUP, iterations = ITERATIONS): number {
  for (let i = 0; i < warmup; i++) run(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  return median(times);
}

// --- Workloads ---------------------------------------------------------------------------

/** One of four realistic object shapes, varied by index so documents differ. */
function syntheticDocument(i: number, replicas = 1 + (i % 5)): string {
  const name = `svc-${i}`;
  switch (i % 4) {
    case 0:
      return [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: ${name}, namespace: team-${i % 7}, labels: {app: ${name}}}`,
        'spec:',
        `  replicas: ${replicas}`,
        `  selector: {matchLabels: {app: ${name}}}`,
        '  template:',
        `    metadata: {labels: {app: ${name}}}`,
        '    spec:',
        '      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}',
        '      containers:',
        `        - name: ${name}`,
        `          image: registry.example.com/${name}:1.${i % 10}.0`,
        '          securityContext:',
        '            allowPrivilegeEscalation: false',
        '            capabilities: {drop: [ALL]}',
        '          resources:',
        '            requests: {cpu: 100m, memory: 128Mi}',
        '            limits: {memory: 128Mi}',
        '          env: [{name: MODE, value: production}]',
      ].join('\n');
    case 1:
      return [
        'apiVersion: v1',
        'kind: Pod',
        `metadata: {name: ${name}}`,
        'spec:',
        `  hostNetwork: ${i % 8 === 1}`,
        '  containers:',
        `    - name: ${name}`,
        '      image: nginx:latest',
        '      securityContext:',
        `        privileged: ${i % 3 === 0}`,
        '        capabilities: {add: [NET_ADMIN]}',
        '      env:',
        '        - name: API_TOKEN',
        `          value: "tok-${i}-abcdef0123456789"`,
        '      volumeMounts: [{name: data, mountPath: /data}]',
        '  volumes:',
        '    - name: data',
        '      hostPath: {path: /var/lib/data}',
        '  initContainers:',
        `    - {name: init-${i}, image: busybox:1.36, command: [sh, -c, "echo hi"]}`,
      ].join('\n');
    case 2:
      return [
        'apiVersion: v1',
        'kind: Service',
        `metadata: {name: ${name}, namespace: team-${i % 7}}`,
        'spec:',
        `  selector: {app: ${name}}`,
        '  ports:',
        '    - name: http',
        '      port: 80',
        '      targetPort: 8080',
        '    - name: metrics',
        '      port: 9090',
        '      targetPort: 9090',
        '  type: ClusterIP',
        '  sessionAffinity: None',
        '  ipFamilyPolicy: SingleStack',
        '  ipFamilies: [IPv4]',
        '  internalTrafficPolicy: Cluster',
        '  publishNotReadyAddresses: false',
        `  # service ${i}`,
        '  externalTrafficPolicy: Cluster',
      ].join('\n');
    default:
      return [
        'apiVersion: v1',
        'kind: ConfigMap',
        `metadata: {name: ${name}, namespace: team-${i % 7}}`,
        'data:',
        `  LOG_LEVEL: ${i % 2 ? 'debug' : 'info'}`,
        '  FEATURE_FLAGS: "a,b,c"',
        '  config.yaml: |',
        '    server:',
        '      port: 8080',
        '      timeout: 30s',
        '    database:',
        `      host: db-${i}.internal`,
        '      pool: 10',
        '    cache:',
        '      ttl: 60',
        '    tracing:',
        '      enabled: true',
        '      sample: 0.1',
        `  OWNER: team-${i % 7}`,
        '  REGION: eu-west-1',
      ].join('\n');
  }
}

const SYNTHETIC_DOCUMENTS = 1000;
const EDITED_DOCUMENT = 500;

function syntheticManifest(editedReplicas?: number): string {
  const docs: string[] = [];
  for (let i = 0; i < SYNTHETIC_DOCUMENTS; i++) {
    docs.push(i === EDITED_DOCUMENT && editedReplicas !== undefined ? syntheticDocument(i, editedReplicas) : syntheticDocument(i));
  }
  return docs.join('\n---\n') + '\n';
}

function corpusFiles(): File[] | undefined {
  if (!existsSync(join(CORPUS, 'index.json'))) return undefined;
  const index = JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) as { files: Array<{ path: string }> };
  return index.files.map((f) => ({ path: f.path, text: readFileSync(join(CORPUS, f.path), 'utf8') }));
}

// --- Measurements ------------------------------------------------------------------------

function rulesFor(profile: ProfileName): ResolvedRule[] {
  return resolveRules(RULES, { ...defaultConfig(), profile });
}

function parseAll(files: readonly File[]): void {
  for (const f of files) parseAllDocuments(f.text);
}

function analyzeAll(files: readonly File[], rules: readonly ResolvedRule[]): void {
  for (const f of files) analyzeFile(f.path, f.text, rules, OPTIONS);
}

interface Row {
  workload: string;
  detail: string;
  baselineMs: number;
  analysisMs: number;
}

/** The corpus takes seconds per pass: fewer runs keep `npm run bench` to a few minutes. */
const CORPUS_RUNS = { warmup: 1, iterations: Math.min(ITERATIONS, 3) };

function compare(workload: string, files: readonly File[], runs = { warmup: WARMUP, iterations: ITERATIONS }): Row[] {
  const baselineMs = measure(() => parseAll(files), runs.warmup, runs.iterations);
  return (['recommended', 'strict'] as ProfileName[]).map((profile) => {
    const rules = rulesFor(profile);
    const analysisMs = measure(() => analyzeAll(files, rules), runs.warmup, runs.iterations);
    return { workload, detail: `${profile} (${rules.length} rules)`, baselineMs, analysisMs };
  });
}

/** One document edited per iteration (a different value each time), the cache primed before. */
function incremental(rules: readonly ResolvedRule[]): { fullMs: number; incrementalMs: number; reused: number } {
  const full = syntheticManifest();
  const fullMs = measure(() => analyzeFile('synthetic.yaml', full, rules, OPTIONS));
  const cache = new AnalysisCache();
  analyzeFile('synthetic.yaml', full, rules, OPTIONS, cache);
  const edits = Array.from({ length: WARMUP + ITERATIONS + 1 }, (_, i) => syntheticManifest(100 + i));
  let next = 0;
  const incrementalMs = measure(() => analyzeFile('synthetic.yaml', edits[next++], rules, OPTIONS, cache));
  return { fullMs, incrementalMs, reused: cache.reused };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function printTable(rows: Row[]): void {
  const header = ['workload', 'rules', 'yaml parse (ms)', 'analysis (ms)', 'ratio', `<= ${TARGET}x`];
  const lines = rows.map((r) => {
    const ratio = r.analysisMs / r.baselineMs;
    return [r.workload, r.detail, r.baselineMs.toFixed(1), r.analysisMs.toFixed(1), `${ratio.toFixed(2)}x`, ratio <= TARGET ? 'yes' : 'NO'];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const line of [header, widths.map((w) => '-'.repeat(w)), ...lines]) console.log(line.map((c, i) => pad(c, widths[i])).join('  '));
}

function main(): void {
  const synthetic = syntheticManifest();
  const lines = synthetic.split('\n').length;
  console.log(`Palisade benchmark: median of ${ITERATIONS} runs after ${WARMUP} warm-up runs, node ${process.version}`);
  console.log(`Synthetic manifest: ${SYNTHETIC_DOCUMENTS} documents, ${lines} lines, ${(synthetic.length / 1024).toFixed(0)} KiB`);
  const rows = compare('synthetic', [{ path: 'synthetic.yaml', text: synthetic }]);
  const corpus = corpusFiles();
  if (corpus) {
    const bytes = corpus.reduce((n, f) => n + f.text.length, 0);
    console.log(`Corpus: ${corpus.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB (${CORPUS})`);
    rows.push(...compare('real-k8s corpus', corpus, CORPUS_RUNS));
  } else {
    console.log(`Corpus not found at ${CORPUS}: corpus rows skipped.`);
  }
  console.log('');
  printTable(rows);
  const inc = incremental(rulesFor('strict'));
  console.log('');
  console.log(
    `Incremental (strict, 1 of ${SYNTHETIC_DOCUMENTS} documents edited, AnalysisCache): ${inc.incrementalMs.toFixed(1)} ms vs full ${inc.fullMs.toFixed(1)} ms = ${(inc.incrementalMs / inc.fullMs).toFixed(2)}x (${inc.reused} documents reused)`,
  );
}

main();
runDockerfileBench();
runLspBench().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
