/** The scan core (shared with the language server) and the formatters, imported directly. */
import { strict as assert } from 'node:assert';
import type { ResolvedRule } from '../../rules/engine/analyze';
import { defaultConfig, type PalisadeConfig } from '../../rules/engine/config';
import { defineKubernetesRule, defineWorkspaceRule } from '../../rules/engine/rule';
import type { RuleMeta } from '../../rules/engine/types';
import { parseCliArgs, type ScanArgs } from '../../server/src/cli/args';
import { run } from '../../server/src/cli/main';
import { applyOverrides, type CliIo } from '../../server/src/cli/scan-command';
import { formatText } from '../../server/src/formats/text';
import { toUri } from '../../server/src/formats/sarif';
import { makeTree, removeTree } from './helpers';
import { scanSources, type ScanResult, type ScanSource } from '../../server/src/workspace/scan';

const meta = (id: string): RuleMeta => ({
  id,
  title: id,
  severity: 'warning',
  category: 'Test',
  description: 'test rule',
  remediation: 'none',
  references: {},
  tier: 'recommended',
});

/** Reports the Kubernetes version it was given, on the object's kind. */
const versionProbe = defineKubernetesRule({
  meta: meta('version-probe'),
  check(ctx) {
    ctx.report({ at: ctx.object.kindRef, message: `version 1.${ctx.options.kubernetesVersion.minor}` });
  },
});

/** Reports every Service that shares its name with an object in another file. */
const crossFile = defineWorkspaceRule({
  meta: meta('cross-file-probe'),
  reads: ['Service'],
  check(ctx) {
    for (const service of ctx.objects.filter((o) => o.object.kind === 'Service')) {
      const twin = ctx.objects.find((o) => o.file !== service.file && o.object.name === service.object.name);
      if (twin) ctx.report(service, { at: service.object.kindRef, message: `twin in ${twin.file}`, related: [{ at: twin.object.kindRef, message: 'twin', in: twin }] });
    }
  },
});

const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

function source(file: string, text: string): ScanSource {
  return { file, relativePath: file, text };
}

function config(overrides: Partial<PalisadeConfig> = {}): PalisadeConfig {
  return { ...defaultConfig(), ...overrides };
}

describe('scanSources', () => {
  const rules: ResolvedRule[] = [
    { rule: versionProbe, severity: 'info' },
    { rule: crossFile, severity: 'warning' },
  ];

  it('runs per-file rules with the config options, then cross-file rules over all files', async () => {
    const result = await scanSources([source('pod.yaml', pod), source('svc/service.yaml', service)], {
      config: config({ kubernetesVersion: { major: 1, minor: 29 } }),
      rules,
    });
    const summary = result.files.map((f) => [f.file, f.findings.map((x) => [x.ruleId, x.message, x.range.start.line, x.crossFileRelated?.map((r) => r.file)])]);
    assert.deepEqual(summary, [
      ['pod.yaml', [['version-probe', 'version 1.29', 1, undefined]]],
      [
        'svc/service.yaml',
        [
          ['cross-file-probe', 'twin in pod.yaml', 1, ['pod.yaml']],
          ['version-probe', 'version 1.29', 1, undefined],
        ],
      ],
    ]);
    assert.deepEqual(result.summary, {
      files: 2,
      findings: 3,
      bySeverity: { error: 0, warning: 1, info: 2 },
      byRule: { 'cross-file-probe': 1, 'version-probe': 2 },
      suppressed: 0,
    });
    assert.equal(result.cancelled, false);
  });

  it('applies config suppressions by path relative to the config folder, cross-file findings included', async () => {
    const result = await scanSources([source('pod.yaml', pod), source('svc/service.yaml', service)], {
      config: config({ suppressions: [{ rules: ['cross-file-probe', 'version-probe'], paths: ['svc/**'], reason: 'shared name on purpose' }] }),
      rules,
    });
    const suppressed = result.files.map((f) => [f.file, f.findings.map((x) => x.suppressed?.reason ?? null)]);
    assert.deepEqual(suppressed, [
      ['pod.yaml', [null]],
      ['svc/service.yaml', ['shared name on purpose', 'shared name on purpose']],
    ]);
    assert.deepEqual([result.summary.findings, result.summary.suppressed], [1, 2]);
  });

  it('stops when cancelled and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await scanSources([source('pod.yaml', pod)], { config: config(), rules, signal: controller.signal });
    assert.deepEqual([result.files, result.cancelled], [[], true]);
  });

  it('gives a file refused before reading one file-not-analyzed finding', async () => {
    const result = await scanSources([{ ...source('huge.yaml', ''), refusal: 'File not analysed: too large.' }], { config: config(), rules });
    assert.deepEqual(result.files[0].findings.map((f) => [f.ruleId, f.severity, f.message]), [['file-not-analyzed', 'warning', 'File not analysed: too large.']]);
  });
});

describe('CLI flags over the config', () => {
  it('--profile and --kubernetes-version override the config file', () => {
    const args = parseCliArgs(['scan', '--profile', 'strict', '--kubernetes-version', 'v1.28.3']) as ScanArgs;
    const merged = applyOverrides(config({ profile: 'pss-baseline', kubernetesVersion: { major: 1, minor: 33 } }), args);
    assert.deepEqual([merged.profile, merged.kubernetesVersion], ['strict', { major: 1, minor: 28 }]);
    const untouched = applyOverrides(config({ profile: 'pss-baseline' }), parseCliArgs(['scan']) as ScanArgs);
    assert.equal(untouched.profile, 'pss-baseline');
  });
});

describe('text format', () => {
  const result: ScanResult = {
    files: [
      {
        file: 'a.yaml',
        relativePath: 'a.yaml',
        findings: [
          { ruleId: 'r-one', severity: 'error', message: 'bad', start: 0, end: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, documentIndex: 0, path: '' },
          { ruleId: 'r-two', severity: 'info', message: 'meh', start: 30, end: 31, range: { start: { line: 11, character: 4 }, end: { line: 11, character: 5 } }, documentIndex: 0, path: '' },
        ],
      },
    ],
    summary: { files: 3, findings: 2, bySeverity: { error: 1, warning: 0, info: 1 }, byRule: { 'r-one': 1, 'r-two': 1 }, suppressed: 0 },
    timing: { walkMs: 0, analyzeMs: 0, workspaceMs: 0, totalMs: 0 },
    cancelled: false,
  };

  it('aligns columns within a file and summarises', () => {
    assert.equal(
      formatText(result, { color: false, showSuppressed: false }),
      'a.yaml:1:1   error    r-one  bad\na.yaml:12:5  info     r-two  meh\n\n2 problems (1 error, 0 warnings, 1 info) in 3 files scanned.\n',
    );
  });

  it('colours severities only when asked', () => {
    const coloured = formatText(result, { color: true, showSuppressed: false });
    assert.ok(coloured.includes('\u001b[31merror\u001b[0m'));
    assert.ok(coloured.includes('\u001b[36minfo\u001b[0m'));
  });

  it('quiet mode keeps only findings at or above the threshold and drops the summary', () => {
    assert.equal(formatText(result, { color: false, showSuppressed: false, quietBelow: 'error' }), 'a.yaml:1:1  error    r-one  bad\n');
  });
});

describe('SARIF uris', () => {
  it('percent-encodes each path segment and keeps slashes and ..', () => {
    assert.deepEqual(
      ['deploy/a b.yaml', '../up/x#1.yaml', '<stdin>'].map(toUri),
      ['deploy/a%20b.yaml', '../up/x%231.yaml', '%3Cstdin%3E'],
    );
  });
});

describe('unexpected failures', () => {
  let folder = '';
  before(() => (folder = makeTree({})));
  after(() => removeTree(folder));

  function failingIo(env: Record<string, string>): CliIo & { err: string[]; out: string[] } {
    const err: string[] = [];
    const out: string[] = [];
    return {
      err,
      out,
      cwd: folder,
      env,
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      readStdin: () => Promise.reject(new Error('stdin exploded')),
    };
  }

  it('print one line and exit 2, with the stack trace only when PALISADE_DEBUG=1', async () => {
    const io = failingIo({});
    assert.equal(await run(['scan', '-'], io), 2);
    assert.deepEqual(io.err, ['error: internal error: stdin exploded\n', 'Set PALISADE_DEBUG=1 to see the stack trace, and please report it.\n']);
    const debug = failingIo({ PALISADE_DEBUG: '1' });
    assert.equal(await run(['scan', '-'], debug), 2);
    assert.equal(debug.err[0], 'error: internal error: stdin exploded\n');
    assert.match(debug.err[1], /^Error: stdin exploded\n\s+at /);
  });
});
