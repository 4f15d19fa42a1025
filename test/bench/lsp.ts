/**
 * LSP benchmark, run by `npm run bench` (run.ts): the editor as users see it. Palisade's built
 * server (`node dist/server.js --stdio`, production build) and yaml-language-server are driven
 * side by side over stdio on the same generated files, in the same run:
 *   - latency from a one-line `didChange` (an image tag edited in the middle of the file) to the
 *     `publishDiagnostics` for it, on a 1,000-document manifest and on a ~2 MB file of three
 *     huge documents; median and p90 after warm-up edits, with and without each server's
 *     debounce;
 *   - memory of each server process, from /proc/<pid>/status: resident memory (VmRSS) sampled
 *     every 50 ms through the whole run (its mean), the peak (VmHWM), and VmRSS at the end.
 * Edits alternate between the two servers, so both see the same machine load. Nothing here
 * asserts: it prints a table and whether each target of the issue is met.
 * Run alone with `node scripts/build.mjs --production --quiet && npx tsx test/bench/lsp.ts`.
 * Environment: BENCH_LSP_WARMUP (warm-up edits, 3), BENCH_LSP_EDITS (measured edits, 15, at
 * least 10), BENCH_LSP_SERVER (another server bundle to measure instead of dist/server.js,
 * e.g. one built from an older commit, for before/after numbers).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/launch-flags';
import { DEBOUNCE_MS as PALISADE_MAX_DEBOUNCE_MS, IMMEDIATE_BELOW_MS, QUIET_BEFORE_MS } from '../../server/src/lsp/validator';

const ROOT = resolve(__dirname, '..', '..');
const WARMUP_EDITS = Number(process.env.BENCH_LSP_WARMUP ?? 3);
const MEASURED_EDITS = Math.max(10, Number(process.env.BENCH_LSP_EDITS ?? 15));
const PUBLISH_TIMEOUT_MS = 120_000;
const YAML_LS = join(ROOT, 'node_modules', 'yaml-language-server');

/** Targets of the issue: Palisade / yaml-language-server. */
const TARGETS = { manyDocuments: 0.05, hugeDocuments: 0.5, memory: 1 / 3 };

// --- The two servers -----------------------------------------------------------------------

interface ServerSpec {
  name: string;
  args: string[];
  /** The fixed debounce between a change and the analysis (subtracted in the "minus" row), and where it comes from. */
  debounceMs: number;
  debounceSource: string;
  /** Answers workspace/configuration for one section. */
  section: (name: string | undefined) => unknown;
  /** Whether its publishDiagnostics carries the document version. */
  versioned: boolean;
}

/**
 * No network here, so yaml-language-server gets no schema: the Kubernetes schema it would use
 * is remote (and no installed package ships one), the schema store and the CRD store are off.
 * It validates YAML syntax and its own checks only, which is less work than with a schema.
 */
const YAML_SETTINGS = {
  validate: true,
  schemas: {},
  schemaStore: { enable: false },
  kubernetesCRDStore: { enable: false },
  hover: false,
  completion: false,
  format: { enable: false },
};

function yamlLsDebounceMs(): number {
  // SettingsState.validationDelayMs is fixed in 1.19.2 (no setting changes it): read it, not a copy.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SettingsState } = require(join(YAML_LS, 'out/server/src/yamlSettings')) as { SettingsState: new () => { validationDelayMs: number } };
  return new SettingsState().validationDelayMs;
}

function serverSpecs(): [ServerSpec, ServerSpec] {
  const yamlLsVersion = (JSON.parse(readFileSync(join(YAML_LS, 'package.json'), 'utf8')) as { version: string }).version;
  return [
    {
      name: 'Palisade',
      // BENCH_LSP_SERVER: another build of the server (say, of an older commit) to compare with.
      // Started as the VS Code client starts it, with the same Node flags.
      args: [...SERVER_NODE_FLAGS, process.env.BENCH_LSP_SERVER ?? join(ROOT, 'dist', 'server.js'), '--stdio'],
      // Adaptive, so not subtracted: whatever pause it chose stays in its times.
      debounceMs: 0,
      debounceSource:
        `adaptive (debounceFor in server/src/lsp/validator.ts): none when an edit costs under ${IMMEDIATE_BELOW_MS} ms or comes ${QUIET_BEFORE_MS} ms ` +
        `after the previous change (these edits do: each waits for the last one's diagnostics), else up to ${PALISADE_MAX_DEBOUNCE_MS} ms; never subtracted`,
      section: (name) => (name === 'files.exclude' ? {} : name === 'palisade' ? {} : null),
      versioned: true,
    },
    {
      name: `yaml-language-server ${yamlLsVersion}`,
      args: [join(YAML_LS, 'bin', 'yaml-language-server'), '--stdio'],
      debounceMs: yamlLsDebounceMs(),
      debounceSource: 'SettingsState.validationDelayMs in yaml-language-server (no setting lowers it)',
      section: (name) => (name === 'yaml' ? YAML_SETTINGS : name === 'files' ? {} : name === 'editor' ? {} : null),
      versioned: false,
    },
  ];
}

interface Waiter {
  uri: string;
  version?: number;
  resolve: (at: number) => void;
}

/** A minimal LSP client that timestamps each publishDiagnostics as it arrives. */
class BenchClient {
  private waiter?: Waiter;

  private constructor(
    readonly spec: ServerSpec,
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.onPublish(p, performance.now()));
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((item) => spec.section(item.section)));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.listen();
  }

  static async start(spec: ServerSpec, folder: string): Promise<BenchClient> {
    const child = spawn(process.execPath, spec.args, { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new BenchClient(spec, child, connection);
    const folderUri = pathToFileURL(folder).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { yaml: YAML_SETTINGS } });
    return client;
  }

  private onPublish(p: PublishDiagnosticsParams, at: number): void {
    const w = this.waiter;
    if (!w || w.uri !== p.uri) return;
    if (this.spec.versioned && p.version !== w.version) return;
    this.waiter = undefined;
    w.resolve(at);
  }

  /** Sends a notification and resolves with the ms until the diagnostics for it arrive. */
  private async timed(uri: string, version: number, send: () => Promise<void>): Promise<number> {
    const arrived = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.spec.name}: no diagnostics for ${uri} v${version}`)), PUBLISH_TIMEOUT_MS);
      this.waiter = { uri, version, resolve: (at) => (clearTimeout(timer), resolve(at)) };
    });
    const sent = performance.now();
    await send();
    return (await arrived) - sent;
  }

  open(uri: string, text: string): Promise<number> {
    return this.timed(uri, 1, () => this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } }));
  }

  edit(uri: string, version: number, edit: LineEdit): Promise<number> {
    const range = { start: { line: edit.line, character: edit.start }, end: { line: edit.line, character: edit.end } };
    return this.timed(uri, version, () =>
      this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: edit.text }] }),
    );
  }

  memory(): { rssKb: number; hwmKb: number } {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

/**
 * Resident memory of each server, sampled through the whole run. A single reading at the end
 * depends on whether a collection happened to run just before it (yaml-language-server read
 * anywhere from 330 to 810 MiB at the end of otherwise identical runs); the mean over the run
 * is what the user's machine carries while they work, and the peak what it must have to spare.
 */
class MemorySampler {
  private readonly sumsKb: number[];
  private samples = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly clients: readonly BenchClient[], intervalMs = 50) {
    this.sumsKb = clients.map(() => 0);
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    const readings = this.clients.map((c) => c.memory().rssKb);
    if (readings.some((kb) => !Number.isFinite(kb))) return;
    readings.forEach((kb, i) => (this.sumsKb[i] += kb));
    this.samples++;
  }

  /** Stops sampling; the mean VmRSS of each server, in kB, and how many samples it is. */
  stop(): { meanKb: number[]; samples: number } {
    clearInterval(this.timer);
    this.sample();
    return { meanKb: this.sumsKb.map((sum) => sum / this.samples), samples: this.samples };
  }
}

// --- The generated files -------------------------------------------------------------------

interface LineEdit {
  line: number;
  start: number;
  end: number;
  text: string;
}

interface Workload {
  name: string;
  file: string;
  text: string;
  target: number;
  /** Where the edited image tag is. */
  tagLine: number;
  tagStart: number;
  tagLength: number;
}

function deployment(i: number): string[] {
  const name = `web-${i}`;
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: team-${i % 9}`,
    '  labels:',
    `    app: ${name}`,
    'spec:',
    `  replicas: ${1 + (i % 4)}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    `          image: registry.example.com/${name}:1.${i % 10}.0`,
    '          ports:',
    '            - containerPort: 8080',
    '          resources:',
    '            requests: {cpu: 100m, memory: 128Mi}',
    i % 3 === 0 ? '          securityContext: {privileged: true}' : '          securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true}',
  ];
}

function service(i: number): string[] {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: web-${i - 1}`,
    `  namespace: team-${(i - 1) % 9}`,
    'spec:',
    '  type: ClusterIP',
    '  selector:',
    `    app: web-${i - 1}`,
    '  ports:',
    '    - name: http',
    '      port: 80',
    '      targetPort: 8080',
    '      protocol: TCP',
    '  sessionAffinity: None',
  ];
}

function configMap(i: number): string[] {
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: settings-${i}`,
    `  namespace: team-${i % 9}`,
    'data:',
    `  LOG_LEVEL: ${i % 2 ? 'debug' : 'info'}`,
    '  FEATURE_FLAGS: "search,export,beta-ui"',
    '  app.yaml: |',
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
  ];
}

/** 1,000 documents (Deployment, Service, ConfigMap in turn), about 20,000 lines. */
function manyDocuments(folder: string): Workload {
  const docs: string[][] = [];
  for (let i = 0; i < 1000; i++) docs.push(i % 3 === 0 ? deployment(i) : i % 3 === 1 ? service(i) : configMap(i));
  return locateTag(folder, 'many-documents.yaml', 'many documents (1,000 docs)', docs, 501, TARGETS.manyDocuments);
}

function hugeConfigMap(): string[] {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: everything', 'data:'];
  for (let i = 0; i < 6000; i++) {
    if (i % 20 === 0) {
      lines.push(`  script-${i}.sh: |`);
      for (let j = 0; j < 8; j++) lines.push(`    echo "step ${j} of script ${i}" && run --flag=${j} --input=/data/${i}/${j}`);
    } else {
      lines.push(`  SETTING_${i}: "value-${i}-${'x'.repeat(i % 40)}"`);
    }
  }
  return lines;
}

function hugeDeployment(): string[] {
  const lines = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: monolith', 'spec:', '  selector:', '    matchLabels: {app: monolith}'];
  lines.push('  template:', '    metadata:', '      labels: {app: monolith}', '    spec:', '      containers:');
  for (let c = 0; c < 300; c++) {
    lines.push(`        - name: part-${c}`, `          image: registry.example.com/part-${c}:2.${c % 10}.0`, '          env:');
    for (let e = 0; e < 30; e++) lines.push(`            - name: PART_${c}_VAR_${e}`, `              value: "setting-${e}-of-${c}"`);
    lines.push('          resources:', '            limits: {cpu: 200m, memory: 256Mi}');
    lines.push('          securityContext:', '            allowPrivilegeEscalation: false', '            readOnlyRootFilesystem: true');
  }
  return lines;
}

function schemaProperties(depth: number, prefix: string, lines: string[], indent: string): void {
  for (let p = 0; p < 5; p++) {
    lines.push(`${indent}${prefix}${p}:`);
    lines.push(`${indent}  type: ${depth === 0 ? 'string' : 'object'}`);
    lines.push(`${indent}  description: "Field ${prefix}${p}, documented at length for the generated API reference."`);
    if (depth > 0) {
      lines.push(`${indent}  properties:`);
      schemaProperties(depth - 1, `${prefix}${p}_`, lines, `${indent}    `);
    }
  }
}

function hugeCustomResourceDefinition(): string[] {
  const lines = ['apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata:', '  name: widgets.example.com', 'spec:'];
  lines.push('  group: example.com', '  names: {kind: Widget, plural: widgets}', '  scope: Namespaced', '  versions:');
  lines.push('    - name: v1', '      served: true', '      storage: true', '      schema:', '        openAPIV3Schema:', '          type: object', '          properties:');
  schemaProperties(4, 'f', lines, '            ');
  return lines;
}

/** Three huge documents, about 2 MB: the edit is in the Deployment, the middle one. */
function hugeDocuments(folder: string): Workload {
  const docs = [hugeConfigMap(), hugeDeployment(), hugeCustomResourceDefinition()];
  return locateTag(folder, 'huge-documents.yaml', 'huge documents (3 docs)', docs, 1, TARGETS.hugeDocuments, 150);
}

/** Writes the file and finds the image tag of the given document (and container) to edit. */
function locateTag(folder: string, fileName: string, name: string, docs: string[][], editedDoc: number, target: number, container = 0): Workload {
  let tagLine = 0;
  for (let d = 0; d < editedDoc; d++) tagLine += docs[d].length + 1;
  const images = docs[editedDoc].flatMap((line, i) => (/^\s+image: /.test(line) ? [i] : []));
  tagLine += images[container];
  const lines = docs.map((d) => d.join('\n'));
  const text = lines.join('\n---\n') + '\n';
  const line = text.split('\n')[tagLine];
  const tagStart = line.lastIndexOf(':') + 1;
  const file = join(folder, fileName);
  writeFileSync(file, text);
  return { name, file, text, target, tagLine, tagStart, tagLength: line.length - tagStart };
}

/** Both files, written to `folder` (exported for a quick look at their sizes). */
export function generateWorkloads(folder: string): Workload[] {
  return [manyDocuments(folder), hugeDocuments(folder)];
}

// --- Measurements --------------------------------------------------------------------------

interface Latency {
  openMs: number;
  editsMs: number[];
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Opens the file in both servers, then edits it alternately: warm-up edits first, then measured ones. */
async function measureWorkload(clients: readonly BenchClient[], w: Workload): Promise<Latency[]> {
  const uri = pathToFileURL(w.file).href;
  const results: Latency[] = [];
  for (const client of clients) results.push({ openMs: await client.open(uri, w.text), editsMs: [] });
  let tagLength = w.tagLength;
  for (let n = 0; n < WARMUP_EDITS + MEASURED_EDITS; n++) {
    // A different tag each time, of varying length, as typing does.
    const edit: LineEdit = { line: w.tagLine, start: w.tagStart, end: w.tagStart + tagLength, text: `${n % 4}.${n}.${n % 7}` };
    tagLength = edit.text.length;
    for (const [i, client] of clients.entries()) {
      const ms = await client.edit(uri, n + 2, edit);
      if (n >= WARMUP_EDITS) results[i].editsMs.push(ms);
    }
  }
  return results;
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  for (const cells of [header, widths.map((w) => '-'.repeat(w)), ...rows]) console.log(line(cells));
}

function latencyRows(w: Workload, specs: readonly ServerSpec[], results: readonly Latency[]): string[][] {
  const stats = results.map((r, i) => {
    const median = percentile(r.editsMs, 50);
    const p90 = percentile(r.editsMs, 90);
    const debounce = specs[i].debounceMs;
    return { open: r.openMs, median, p90, workMedian: median - debounce, workP90: p90 - debounce };
  });
  const [pal, yls] = stats;
  const rows: string[][] = [];
  const row = (label: string, key: 'median' | 'workMedian', p90Key: 'p90' | 'workP90') => {
    const ratio = pal[key] / yls[key];
    rows.push([
      w.name,
      label,
      `${fmt(pal[key])} / ${fmt(pal[p90Key])}`,
      `${fmt(yls[key])} / ${fmt(yls[p90Key])}`,
      `${(ratio * 100).toFixed(1)}%`,
      `<= ${w.target * 100}%`,
      ratio <= w.target ? 'yes' : 'NO',
    ]);
  };
  row('with debounce (as users see it)', 'median', 'p90');
  row('minus each fixed debounce', 'workMedian', 'workP90');
  rows.push([w.name, 'didOpen -> diagnostics', fmt(pal.open), fmt(yls.open), `${((pal.open / yls.open) * 100).toFixed(1)}%`, '-', '-']);
  return rows;
}

export async function runLspBench(): Promise<void> {
  const specs = serverSpecs();
  const folder = mkdtempSync(join(tmpdir(), 'palisade-lsp-bench-'));
  const clients: BenchClient[] = [];
  try {
    const workloads = generateWorkloads(folder);
    console.log('');
    console.log(`LSP benchmark: didChange -> publishDiagnostics, ${MEASURED_EDITS} edits after ${WARMUP_EDITS} warm-up edits per file, node ${process.version}`);
    for (const w of workloads) {
      console.log(`  ${w.name}: ${w.text.split('\n').length - 1} lines, ${(w.text.length / 1024 / 1024).toFixed(2)} MiB; edit: image tag on line ${w.tagLine + 1}`);
    }
    console.log(`  Palisade is started as the VS Code client starts it: node ${SERVER_NODE_FLAGS.join(' ')} dist/server.js --stdio`);
    for (const s of specs) console.log(`  ${s.name}: debounce ${s.debounceMs > 0 ? `${s.debounceMs} ms, ` : ""}${s.debounceSource}`);
    console.log('  yaml-language-server runs WITHOUT a schema (no network: no Kubernetes schema, schema store and CRD store off),');
    console.log('  so it only checks YAML syntax; Palisade runs its default (recommended) rules. Times in ms, median / p90.');
    for (const spec of specs) clients.push(await BenchClient.start(spec, folder));
    const sampler = new MemorySampler(clients);
    const rows: string[][] = [];
    for (const w of workloads) rows.push(...latencyRows(w, specs, await measureWorkload(clients, w)));
    const { meanKb, samples } = sampler.stop();
    console.log('');
    table(['file', 'measure', specs[0].name, specs[1].name, 'ratio', 'target', 'met'], rows);
    console.log('');
    const [pal, yls] = clients.map((c) => c.memory());
    const ratio = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;
    const mb = (kb: number) => (kb / 1024).toFixed(0);
    const memoryRow = (label: string, palKb: number, ylsKb: number) => [
      label,
      mb(palKb),
      mb(ylsKb),
      ratio(palKb, ylsKb),
      '<= 33%',
      palKb / ylsKb <= TARGETS.memory ? 'yes' : 'NO',
    ];
    table(
      ['server memory over the run (MiB)', specs[0].name, specs[1].name, 'ratio', 'target', 'met'],
      [
        memoryRow(`VmRSS, mean of ${samples} samples (every 50 ms)`, meanKb[0], meanKb[1]),
        memoryRow('VmHWM (peak resident)', pal.hwmKb, yls.hwmKb),
        memoryRow('VmRSS at the end (one reading)', pal.rssKb, yls.rssKb),
      ],
    );
  } finally {
    await Promise.all(clients.map((c) => c.stop()));
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runLspBench().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
