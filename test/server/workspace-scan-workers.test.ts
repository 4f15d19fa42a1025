import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { analyzeFile } from '../../rules/engine/analyze';
import { defaultConfig, resolveRules } from '../../rules/engine/config';
import { toPortableAnalysis } from '../../rules/engine/portable';
import { RULES } from '../../rules/index';
import { ruleOptions } from '../../server/src/workspace/scan';
import { runScanJobs, startScanWorkers, type ScanJob, type ScanJobResult } from '../../server/src/workspace/worker-pool';
import { LspClient, PROJECT_ROOT } from '../harness/lsp-client';
import { buildServer, PRIVILEGED_POD, tempFolder } from './helpers';

interface Summary {
  files: number;
  findings: number;
  cancelled: boolean;
  timeMs: number;
  byRule: Record<string, number>;
}

const WORKERS_ENV = 'PALISADE_SCAN_WORKERS';
const STRICT = { '*': { profile: 'strict' } };

/** Starts a server whose scans use `workers` worker threads (0: the main thread only). */
async function startWith(workers: number, folderUri: string): Promise<LspClient> {
  const before = process.env[WORKERS_ENV];
  process.env[WORKERS_ENV] = String(workers);
  try {
    return await LspClient.start({ workspaceFolders: [folderUri], settings: STRICT });
  } finally {
    if (before === undefined) delete process.env[WORKERS_ENV];
    else process.env[WORKERS_ENV] = before;
  }
}

function deployment(name: string, namespace: string, serviceAccount: string, privileged: boolean): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      serviceAccountName: ${serviceAccount}
      containers:
        - name: main
          image: registry.example.com/${name}:1.0
          securityContext:
            privileged: ${privileged}
`;
}

/**
 * 250 files across five namespaces, with what workspace rules look at (NetworkPolicies,
 * Services, ServiceAccounts, Namespaces with Pod Security labels, RBAC, Ingresses) and what
 * per-file analysis must survive (multi-document files, parse errors, Helm templates,
 * suppression comments, Dockerfiles, YAML that is not Kubernetes).
 */
function writeWorkspace(dir: string, count: number): string[] {
  const names: string[] = [];
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
    names.push(name);
  };
  for (let ns = 0; ns < 5; ns++) {
    const namespace = `team-${ns}`;
    write(`${namespace}/namespace.yaml`, `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${namespace}\n  labels:\n    pod-security.kubernetes.io/enforce: ${ns % 2 === 0 ? 'baseline' : 'restricted'}\n`);
    if (ns !== 4) {
      write(
        `${namespace}/policy.yaml`,
        `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: only-app-0\n  namespace: ${namespace}\nspec:\n  podSelector:\n    matchLabels:\n      app: app-${ns}-0\n  policyTypes: [Ingress]\n`,
      );
    }
    write(`${namespace}/accounts.yaml`, `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: runner\n  namespace: ${namespace}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ${namespace}-admin\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n  - kind: ServiceAccount\n    name: ghost\n    namespace: ${namespace}\n`);
    write(`${namespace}/ingress.yaml`, `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: ${namespace}\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: missing-svc\n                port:\n                  number: 80\n`);
  }
  write('misc/broken.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\n  labels: {a: 1\n');
  write('misc/template.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n  {{- include "labels" . }}\nspec: {}\n');
  write('misc/not-kubernetes.yaml', 'steps:\n  - run: echo hello\n');
  write('misc/ignored.yaml', `# palisade-ignore-file privileged-container\n${PRIVILEGED_POD}`);
  write('misc/Dockerfile', 'FROM node:latest\nADD . /app\nUSER root\nCMD ["node", "app.js"]\n');
  write('misc/two-docs.yaml', `${PRIVILEGED_POD}---\n${PRIVILEGED_POD.replace('name: web', 'name: web-2')}`);
  for (let i = 0; names.length < count; i++) {
    const ns = i % 5;
    const name = `app-${ns}-${Math.floor(i / 5)}`;
    const account = i % 7 === 0 ? 'nobody' : 'runner';
    const service = `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: team-${ns}\nspec:\n  selector:\n    app: ${i % 11 === 0 ? 'nothing' : name}\n  ports:\n    - port: 80\n`;
    write(`team-${ns}/${name}.yaml`, i % 3 === 0 ? `${deployment(name, `team-${ns}`, account, i % 4 === 0)}---\n${service}` : deployment(name, `team-${ns}`, account, i % 4 === 0));
  }
  return names;
}

type Published = Map<string, Diagnostic[]>;

async function scan(client: LspClient, uris: readonly string[]): Promise<{ summary: Summary; published: Published }> {
  const summary = (await client.executeCommand('palisade.scanWorkspace')) as Summary;
  const published: Published = new Map();
  for (const uri of uris) published.set(uri, client.diagnostics.get(uri)?.diagnostics ?? []);
  return { summary, published };
}

describe('language server: workspace scan on worker threads', function () {
  this.timeout(180_000);
  const tmp = tempFolder();
  let names: string[] = [];
  let uris: string[] = [];
  let single: { summary: Summary; published: Published };
  let parallel: { summary: Summary; published: Published };
  let parallelClient: LspClient;

  before(async () => {
    buildServer();
    names = writeWorkspace(tmp.dir, 250);
    uris = names.map((n) => tmp.uri(n));
    const client = await startWith(0, tmp.folderUri);
    try {
      single = await scan(client, uris);
      assert.ok(!client.logs.some((l) => l.includes('worker threads')), 'the single-thread scan starts no worker');
    } finally {
      await client.stop();
    }
    parallelClient = await startWith(2, tmp.folderUri);
    parallel = await scan(parallelClient, uris);
  });
  after(async () => {
    await parallelClient?.stop();
    tmp.dispose();
  });

  it('analyses the files on the workers', async () => {
    // Every file goes to the workers (nothing is open, nothing is excluded), the Dockerfile too.
    const line = await parallelClient.waitFor('the worker log', () => parallelClient.logs.find((l) => / files on \d+ worker threads$/.test(l)));
    assert.equal(line, 'Palisade: analysing 250 of 250 files on 2 worker threads');
  });

  it('publishes exactly the diagnostics of the single-thread scan, file by file', () => {
    assert.equal(single.summary.files, 250);
    assert.deepEqual({ ...parallel.summary, timeMs: 0 }, { ...single.summary, timeMs: 0 });
    for (const uri of uris) assert.deepEqual(parallel.published.get(uri), single.published.get(uri), uri);
    // Not a vacuous comparison: cross-file rules fired, with related locations in other files.
    const codes = new Set([...single.published.values()].flat().map((d) => d.code));
    for (const id of [
      'pod-not-selected-by-network-policy',
      'namespace-without-network-policy',
      'service-selects-nothing',
      'missing-service-account',
      'ingress-backend-missing-service',
      'pod-security-admission-rejects',
      'privileged-container',
      'parse-error',
      'template-not-analyzed',
    ]) {
      assert.ok(codes.has(id), `${id} is among the findings`);
    }
    const crossFile = [...parallel.published.entries()].flatMap(([uri, ds]) => ds.flatMap((d) => (d.relatedInformation ?? []).filter((r) => r.location.uri !== uri)));
    assert.ok(crossFile.length > 0, 'some findings point into other files');
  });

  it('analyses nothing again when a scan finds the files as the index holds them', async () => {
    const logs = parallelClient.logs.length;
    const again = await scan(parallelClient, uris);
    assert.deepEqual(parallelClient.logs.slice(logs).filter((l) => l.includes('worker threads')), []);
    assert.deepEqual({ ...again.summary, timeMs: 0 }, { ...single.summary, timeMs: 0 });
    for (const uri of uris) assert.deepEqual(again.published.get(uri), single.published.get(uri), uri);
  });

  it('analyses the changed files on the workers, with progress as they finish them', async () => {
    for (let i = 0; i < 300; i++) writeFileSync(path.join(tmp.dir, `team-1/more-${i}.yaml`), deployment(`more-${i}`, 'team-1', 'runner', i % 2 === 0));
    const logs = parallelClient.logs.length;
    const tokens = parallelClient.progressTokens.length;
    const summary = (await parallelClient.executeCommand('palisade.scanWorkspace')) as Summary;
    assert.equal(summary.files, 550);
    assert.deepEqual(parallelClient.logs.slice(logs).filter((l) => l.includes('worker threads')), ['Palisade: analysing 300 of 550 files on 2 worker threads']);
    const token = parallelClient.progressTokens[tokens];
    const values = parallelClient.progress.filter((p) => p.token === token).map((p) => p.value);
    assert.equal(values[0].kind, 'begin');
    assert.equal(values.at(-1)!.kind, 'end');
    const counts = values.flatMap((v) => (v.kind === 'report' ? [Number(/^(\d+)\/550 files$/.exec(v.message ?? '')![1])] : []));
    assert.deepEqual(
      counts.map((n, i) => i === 0 || n >= counts[i - 1]),
      counts.map(() => true),
      `counts only grow: ${counts.join(', ')}`,
    );
    // The 250 files already indexed count at once, then the workers' files as they come.
    assert.equal(counts[0], 250);
    assert.equal(counts.at(-1), 550);
  });

  it('keeps workspace rules right after an edit to a file the workers analysed', async () => {
    // The index holds the workers' results: a later change runs workspace rules over them.
    const uri = tmp.uri('team-4/namespace.yaml');
    await parallelClient.open(uri, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n  namespace: team-4\n', 1);
    await parallelClient.diagnosticsFor(uri, 1);
    const target = tmp.uri(names.find((n) => n.startsWith('team-4/app-4-0'))!);
    await parallelClient.waitFor('the pod security finding disappears with the namespace', () =>
      parallelClient.diagnostics.get(target)?.diagnostics.every((d) => d.code !== 'pod-security-admission-rejects'),
    );
    assert.ok(single.published.get(target)!.some((d) => d.code === 'pod-security-admission-rejects'), 'it was there before the edit');
  });

  it('stops the workers when the user cancels', async () => {
    for (let i = 0; i < 3000; i++) writeFileSync(path.join(tmp.dir, `team-0/extra-${i}.yaml`), deployment(`extra-${i}`, 'team-0', 'runner', true));
    const tokens = parallelClient.progressTokens.length;
    const logs = parallelClient.logs.length;
    const pending = parallelClient.executeCommand('palisade.scanWorkspace') as Promise<Summary>;
    const token = await parallelClient.waitFor('the scan progress', () => parallelClient.progressTokens[tokens]);
    // Cancel once analysis runs (a report), not during the walk, so the workers are stopped.
    await parallelClient.waitFor('a progress report', () => parallelClient.progress.some((p) => p.token === token && p.value.kind === 'report'), 60_000);
    await parallelClient.cancelProgress(token);
    const summary = await pending;
    assert.equal(summary.cancelled, true);
    assert.ok(summary.files < 3550, `only part of the files were analysed (${summary.files})`);
    assert.equal(parallelClient.progress.filter((p) => p.token === token).at(-1)!.value.kind, 'end');
    const newLogs = parallelClient.logs.slice(logs);
    // Only the new files: the others are in the index as they are on disk (and one is open).
    assert.ok(newLogs.includes('Palisade: analysing 3000 of 3550 files on 2 worker threads'), newLogs.join('\n'));
    assert.ok(newLogs.some((l) => l.startsWith('Palisade: scan cancelled after ')), newLogs.join('\n'));
  });
});

describe('palisade scan: worker threads', function () {
  this.timeout(120_000);
  const tmp = tempFolder();

  before(() => {
    buildServer();
    writeWorkspace(tmp.dir, 250);
  });
  after(() => tmp.dispose());

  it('writes the same report with and without workers', () => {
    const scan = (workers: number) => {
      const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli.js'), 'scan', '--format', 'json', '--profile', 'strict', '.'], {
        cwd: tmp.dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { PATH: process.env.PATH ?? '', [WORKERS_ENV]: String(workers) },
      });
      assert.equal(run.stderr, '');
      return { status: run.status, report: JSON.parse(run.stdout) as { files: unknown[]; summary: { files: number; findings: number } } };
    };
    const single = scan(0);
    const parallel = scan(2);
    assert.equal(single.report.summary.files, 250);
    assert.ok(single.report.summary.findings > 250, `findings: ${single.report.summary.findings}`);
    assert.deepEqual(parallel, single);
  });
});

describe('scan worker pool', function () {
  this.timeout(30_000);
  const tmp = tempFolder();
  const script = (name: string, text: string) => {
    writeFileSync(path.join(tmp.dir, name), text);
    return path.join(tmp.dir, name);
  };
  const job = (id: number): ScanJob => ({ id, text: 'kind: x\n', name: `f${id}.yaml`, policy: 0, options: ruleOptions(defaultConfig()) });
  after(() => tmp.dispose());

  it('says why no worker started', async () => {
    const missing = path.join(tmp.dir, 'missing.js');
    assert.deepEqual(await startScanWorkers(2, missing), { workers: [], failure: `the worker script ${missing} does not exist` });
    const throwing = script('throws.js', "throw new Error('cannot load the registry');\n");
    assert.deepEqual(await startScanWorkers(2, throwing), { workers: [], failure: 'cannot load the registry' });
  });

  it("sends what a worker prints to stderr, never to stdout (the server's protocol channel)", async () => {
    const noisy = script('noisy.js', "const { parentPort } = require('node:worker_threads');\nconsole.log('printed by a worker');\nparentPort.postMessage({ type: 'ready' });\n");
    const written = { stdout: '', stderr: '' };
    const stdoutWrite = process.stdout.write;
    const stderrWrite = process.stderr.write;
    process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
      written.stdout += String(chunk);
      return (stdoutWrite as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
    }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: unknown) => ((written.stderr += String(chunk)), true)) as typeof process.stderr.write;
    try {
      const started = await startScanWorkers(1, noisy);
      assert.equal(started.workers.length, 1);
      for (let waited = 0; !written.stderr.includes('printed by a worker') && waited < 5_000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await started.workers[0].terminate();
    } finally {
      process.stdout.write = stdoutWrite;
      process.stderr.write = stderrWrite;
    }
    assert.equal(written.stderr, 'printed by a worker\n');
    assert.equal(written.stdout.includes('printed by a worker'), false);
  });

  it('hands back the jobs of a worker that dies, for the caller to run', async () => {
    const dying = script('dies.js', "const { parentPort } = require('node:worker_threads');\nparentPort.on('message', (m) => { if (m.type === 'jobs') process.exit(3); });\nparentPort.postMessage({ type: 'ready' });\n");
    const started = await startScanWorkers(1, dying);
    assert.equal(started.workers.length, 1);
    const logs: string[] = [];
    const results: unknown[] = [];
    const unfinished = await runScanJobs(started, [job(0), job(1), job(2)], { policies: [defaultConfig()], onResult: (r) => results.push(r), onLog: (m) => logs.push(m) });
    assert.deepEqual(unfinished.map((j) => j.id).sort(), [0, 1, 2]);
    assert.deepEqual(results, []);
    assert.deepEqual(logs, ['a scan worker stopped (exit code 3); the main thread analyses what it had not finished']);
  });

  it('hands back every job when the workers died before the scan gave them any', async () => {
    const quitting = script('quits.js', "const { parentPort } = require('node:worker_threads');\nparentPort.postMessage({ type: 'ready' });\nsetTimeout(() => process.exit(4), 0);\n");
    const started = await startScanWorkers(2, quitting);
    assert.equal(started.workers.length, 2);
    await Promise.all(started.workers.map((w) => new Promise((resolve) => (w.threadId === -1 ? resolve(undefined) : w.once('exit', resolve)))));
    const unfinished = await runScanJobs(started, [job(0), job(1)], { policies: [defaultConfig()], onResult: () => assert.fail('no result expected') });
    assert.deepEqual(unfinished.map((j) => j.id), [0, 1]);
  });

  it('analyses with the registry in the built worker, as analyzeFile does', async () => {
    buildServer();
    const started = await startScanWorkers(2, path.join(PROJECT_ROOT, 'dist', 'scan-worker.js'));
    assert.equal(started.workers.length, 2);
    const config = { ...defaultConfig(), profile: 'pss-baseline' as const };
    const text = PRIVILEGED_POD;
    const results: ScanJobResult[] = [];
    const jobs = [0, 1, 2, 3].map((id) => ({ ...job(id), text, name: `pod-${id}.yaml`, options: ruleOptions(config) }));
    const unfinished = await runScanJobs(started, jobs, { policies: [config], onResult: (r) => results.push(r) });
    assert.deepEqual(unfinished, []);
    const expected = toPortableAnalysis(analyzeFile('pod-0.yaml', text, resolveRules(RULES, config), ruleOptions(config)));
    assert.deepEqual(
      results.sort((a, b) => a.id - b.id).map((r) => ('analysis' in r ? r.analysis : r)),
      [0, 1, 2, 3].map(() => expected),
    );
    assert.deepEqual(expected.findings.map((f) => f.ruleId), ['privileged-container']);
  });
});
