/**
 * `palisade scan` end to end: the built CLI as a child process on temporary folders.
 * Fixtures are built around privileged-container; other rules come and go, so most assertions
 * use --profile pss-baseline (only PSS baseline controls, none of which the fixtures break
 * except privileged) or look at privileged-container findings only.
 */
import { strict as assert } from 'node:assert';
import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { OPTIONS } from '../../server/src/cli/args';
import { buildCli, makeTree, PRIVILEGED_MESSAGE, PRIVILEGED_POD, PROJECT_ROOT, removeTree, runCli, tuples, type JsonReportLike } from './helpers';

const BASELINE = ['--profile', 'pss-baseline'];

function scanJson(args: readonly string[], cwd: string, input?: string): { status: number | null; report: JsonReportLike; stderr: string } {
  const run = runCli(['scan', '--format', 'json', ...args], cwd, input === undefined ? {} : { input });
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReportLike, stderr: run.stderr };
}

describe('palisade scan', () => {
  const roots: string[] = [];
  const tree = (files: Record<string, string | Buffer>) => {
    const root = makeTree(files);
    roots.push(root);
    return root;
  };

  before(function () {
    this.timeout(120_000);
    buildCli();
  });
  after(() => roots.forEach(removeTree));

  describe('text report', () => {
    it('prints path:line:col, severity, rule id and message, then a summary, and exits 1 on an error', () => {
      const root = tree({ 'deploy/pod.yaml': PRIVILEGED_POD });
      const run = runCli(['scan', ...BASELINE], root);
      assert.equal(run.stderr, '');
      assert.equal(
        run.stdout,
        `deploy/pod.yaml:10:21  error    privileged-container  ${PRIVILEGED_MESSAGE}\n\n1 problem (1 error, 0 warnings, 0 info) in 1 file scanned.\n`,
      );
      assert.equal(run.status, 1);
    });

    it('reports a clean scan and exits 0', () => {
      const root = tree({ 'pod.yaml': PRIVILEGED_POD.replace('privileged: true', 'privileged: false') });
      const run = runCli(['scan', ...BASELINE], root);
      assert.equal(run.stdout, 'No problems found in 1 file scanned.\n');
      assert.equal(run.status, 0);
    });

    it('never colours output that is not a terminal, and --no-color is accepted', () => {
      const root = tree({ 'pod.yaml': PRIVILEGED_POD });
      for (const args of [[], ['--no-color']]) {
        const run = runCli(['scan', ...BASELINE, ...args], root, { env: { FORCE_COLOR: '1' } });
        assert.equal(run.stdout.includes('\u001b['), false);
      }
    });

    it('--quiet prints only the findings that fail the run, without a summary', () => {
      const root = tree({ 'pod.yaml': PRIVILEGED_POD, 'clean.yaml': PRIVILEGED_POD.replace('privileged: true', 'privileged: false') });
      const run = runCli(['scan', '--quiet', '--profile', 'pss-restricted'], root);
      const lines = run.stdout.trimEnd().split('\n');
      assert.deepEqual(lines, [`pod.yaml:10:21  error    privileged-container  ${PRIVILEGED_MESSAGE}`]);
      assert.equal(run.status, 1);
    });

    it('lists suppressed findings with their reason only with --show-suppressed', () => {
      const suppressed = PRIVILEGED_POD.replace('privileged: true', 'privileged: true # palisade-ignore privileged-container -- debug image');
      const root = tree({ 'pod.yaml': suppressed });
      const plain = runCli(['scan', ...BASELINE], root);
      assert.equal(plain.stdout, 'No problems found in 1 file scanned; 1 suppressed (--show-suppressed lists them).\n');
      assert.equal(plain.status, 0);
      const shown = runCli(['scan', ...BASELINE, '--show-suppressed'], root);
      assert.equal(
        shown.stdout,
        `pod.yaml:10:21  error    privileged-container  ${PRIVILEGED_MESSAGE}  (suppressed by an inline comment: debug image)\n\n` +
          'No problems found in 1 file scanned; 1 suppressed.\n',
      );
      assert.equal(shown.status, 0);
    });
  });

  describe('JSON report', () => {
    it('has exact findings with 0-based ranges, object, JSON path, and a summary', () => {
      const root = tree({ 'a/pod.yaml': PRIVILEGED_POD });
      const { status, report } = scanJson(BASELINE, root);
      assert.equal(status, 1);
      assert.deepEqual(report.files, [
        {
          path: 'a/pod.yaml',
          findings: [
            {
              ruleId: 'privileged-container',
              severity: 'error',
              message: PRIVILEGED_MESSAGE,
              range: { start: { line: 9, character: 20 }, end: { line: 9, character: 24 } },
              object: { kind: 'Pod', name: 'web' },
              path: 'spec.containers[0].securityContext.privileged',
              documentIndex: 0,
            },
          ],
        },
      ]);
      assert.deepEqual(report.summary, {
        files: 1,
        findings: 1,
        bySeverity: { error: 1, warning: 0, info: 0 },
        byRule: { 'privileged-container': 1 },
        suppressed: 0,
      });
      assert.equal(report.version, JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).version);
    });

    it('carries suppressions from comments, annotations and the config, with their reasons', () => {
      const annotated = PRIVILEGED_POD.replace('  name: web\n', '  name: web\n  annotations:\n    palisade.dev/ignore: privileged-container\n    palisade.dev/ignore-reason: node agent\n');
      const root = tree({
        '.palisade.yaml': 'suppressions:\n  - rules: [privileged-container]\n    paths: ["legacy/**"]\n    reason: migrating in Q3\n',
        'annotated.yaml': annotated,
        'comment.yaml': PRIVILEGED_POD.replace('        privileged', '        # palisade-ignore privileged-container -- debug image\n        privileged'),
        'legacy/pod.yaml': PRIVILEGED_POD,
      });
      const { status, report } = scanJson(BASELINE, root);
      assert.equal(status, 0);
      const suppressions = report.files.map((f) => [f.path, f.findings.map((x) => x.suppressed)]);
      assert.deepEqual(suppressions, [
        ['annotated.yaml', [{ via: 'annotation', reason: 'node agent' }]],
        ['comment.yaml', [{ via: 'comment', reason: 'debug image' }]],
        ['legacy/pod.yaml', [{ via: 'config', reason: 'migrating in Q3' }]],
      ]);
      assert.equal(report.summary.suppressed, 3);
      assert.equal(report.summary.findings, 0);
    });

    it('reports a parse error for a broken document and still checks the others', () => {
      const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [broken\n---\n' + PRIVILEGED_POD;
      const root = tree({ 'broken.yaml': broken });
      const { status, report } = scanJson(BASELINE, root);
      assert.equal(status, 1);
      const findings = report.files[0].findings.map((f) => [f.ruleId, f.documentIndex, f.range.start.line]);
      assert.deepEqual(findings, [
        ['parse-error', 0, 3],
        ['privileged-container', 1, 14],
      ]);
    });

    it('reports one info finding for an unrendered Helm template and exits 0', () => {
      const template = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\nspec:\n  replicas: {{ .Values.replicas }}\n';
      const root = tree({ 'chart/templates/deployment.yaml': template });
      const { status, report } = scanJson([], root);
      assert.deepEqual(
        report.files.map((f) => [f.path, f.findings.map((x) => [x.ruleId, x.severity])]),
        [['chart/templates/deployment.yaml', [['template-not-analyzed', 'info']]]],
      );
      assert.equal(status, 0);
    });

    it('reports a binary file as not analysed instead of failing', () => {
      const root = tree({ 'blob.yaml': Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x00, 0x01, 0x02, 0xff, 0xfe]) });
      const { status, report } = scanJson([], root);
      assert.deepEqual(
        report.files.map((f) => [f.path, f.findings.map((x) => [x.ruleId, x.severity])]),
        [['blob.yaml', [['file-not-analyzed', 'warning']]]],
      );
      assert.equal(status, 0);
    });

    it('reads stdin for "-" and names it <stdin>', () => {
      const root = tree({});
      const { status, report } = scanJson(['-', ...BASELINE], root, PRIVILEGED_POD);
      assert.deepEqual(tuples(report, ['privileged-container']), [['<stdin>', 'privileged-container', 9, 20, 9, 24]]);
      assert.equal(status, 1);
    });
  });

  describe('--stdin-filename', () => {
    const DOCKERFILE = 'FROM ubuntu\nRUN echo hi\nUSER root\n';
    const DOCKER_RULES = ['base-image-latest', 'final-user-root'];
    const ROOT_MESSAGE = 'The final USER is root, so the container runs as root. Switch to a non-root numeric user such as USER 10001.';
    const CONFIG = 'exclude: ["legacy/**"]\nsuppressions:\n  - rules: [final-user-root]\n    paths: ["docker/**"]\n    reason: base image runs as root\n';

    it('makes stdin a Dockerfile and names it in every format', () => {
      const root = tree({});
      const { report, stderr } = scanJson(['-', '--stdin-filename', './build/Dockerfile'], root, DOCKERFILE);
      assert.equal(stderr, '');
      assert.deepEqual(tuples(report, DOCKER_RULES), [
        ['build/Dockerfile', 'base-image-latest', 0, 5, 0, 11],
        ['build/Dockerfile', 'final-user-root', 2, 5, 2, 9],
      ]);
      assert.equal((report.files[0].findings.find((f) => f.ruleId === 'final-user-root') as { message?: string }).message, ROOT_MESSAGE);
      const text = runCli(['scan', '-', '--stdin-filename', 'build/Dockerfile'], root, { input: DOCKERFILE }).stdout;
      assert.ok(text.split('\n').some((l) => /^build\/Dockerfile:3:6 +warning +final-user-root +/.test(l) && l.endsWith(ROOT_MESSAGE)), text);
      const sarif = JSON.parse(runCli(['scan', '-', '--stdin-filename', 'build/Dockerfile', '--format', 'sarif'], root, { input: DOCKERFILE }).stdout) as {
        runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
      };
      const rootResult = sarif.runs[0].results.find((r) => r.ruleId === 'final-user-root')!;
      assert.equal(rootResult.locations[0].physicalLocation.artifactLocation.uri, 'build/Dockerfile');
    });

    it('without it, the same stdin is read as Kubernetes YAML (and is not a manifest)', () => {
      const root = tree({});
      const { report } = scanJson(['-'], root, DOCKERFILE);
      assert.deepEqual(report.files.map((f) => [f.path, f.findings.length]), [['<stdin>', 0]]);
    });

    it('finds the config from the name, and its exclude and path suppressions apply to stdin', () => {
      const root = tree({ 'sub/.palisade.yaml': CONFIG });
      const excluded = runCli(['scan', '-', '--stdin-filename', 'sub/legacy/Dockerfile', '--format', 'json'], root, { input: DOCKERFILE });
      assert.equal(excluded.stderr, 'warning: stdin not scanned: sub/legacy/Dockerfile is excluded by the config\n');
      assert.deepEqual((JSON.parse(excluded.stdout) as JsonReportLike).files, []);
      assert.equal(excluded.status, 0);

      const suppressed = scanJson(['-', '--stdin-filename', 'sub/docker/Dockerfile', '--fail-on', 'warning'], root, DOCKERFILE);
      const byRule = Object.fromEntries(suppressed.report.files[0].findings.filter((f) => DOCKER_RULES.includes(f.ruleId)).map((f) => [f.ruleId, f.suppressed]));
      assert.deepEqual(byRule, { 'base-image-latest': undefined, 'final-user-root': { via: 'config', reason: 'base image runs as root' } });
      assert.equal(suppressed.status, 1);

      // Outside sub/ that config does not apply: the same name is scanned and nothing is suppressed.
      const elsewhere = scanJson(['-', '--stdin-filename', 'legacy/Dockerfile'], root, DOCKERFILE);
      assert.deepEqual(tuples(elsewhere.report, DOCKER_RULES).map((t) => [t[0], t[1]]), [
        ['legacy/Dockerfile', 'base-image-latest'],
        ['legacy/Dockerfile', 'final-user-root'],
      ]);
    });
  });

  describe('which files are scanned', () => {
    it('honours nested .gitignore files, the config exclude, node_modules and .git, and only YAML', () => {
      const root = tree({
        '.gitignore': 'generated/\n*.local.yaml\n',
        '.palisade.yaml': 'exclude: ["vendor/**", "**/skip-me.yml"]\n',
        'app/pod.yaml': PRIVILEGED_POD,
        'app/pod.local.yaml': PRIVILEGED_POD,
        'app/skip-me.yml': PRIVILEGED_POD,
        'app/notes.txt': PRIVILEGED_POD,
        'nested/.gitignore': 'ignored.yaml\n!keep.local.yaml\n',
        'nested/ignored.yaml': PRIVILEGED_POD,
        'nested/keep.local.yaml': PRIVILEGED_POD,
        'nested/kept.yml': PRIVILEGED_POD,
        'generated/pod.yaml': PRIVILEGED_POD,
        'vendor/pod.yaml': PRIVILEGED_POD,
        'node_modules/pkg/pod.yaml': PRIVILEGED_POD,
        '.git/pod.yaml': PRIVILEGED_POD,
      });
      const { report } = scanJson(BASELINE, root);
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['app/pod.yaml', 'nested/keep.local.yaml', 'nested/kept.yml'],
      );
    });

    it('applies the .gitignore of folders above the scanned folder, up to the git root', () => {
      const root = tree({ '.gitignore': 'deploy/out/\n', 'deploy/pod.yaml': PRIVILEGED_POD, 'deploy/out/pod.yaml': PRIVILEGED_POD });
      const { report } = scanJson([...BASELINE, 'deploy'], root);
      assert.deepEqual(report.files.map((f) => f.path), ['deploy/pod.yaml']);
    });

    it('scans a file named explicitly whatever its name, and several paths once each', () => {
      const root = tree({ 'manifest.txt': PRIVILEGED_POD, 'pod.yaml': PRIVILEGED_POD });
      const { report } = scanJson([...BASELINE, 'manifest.txt', '.', 'pod.yaml'], root);
      assert.deepEqual(report.files.map((f) => f.path), ['manifest.txt', 'pod.yaml']);
    });

    it('follows symbolic links without looping', () => {
      const root = tree({ 'deploy/pod.yaml': PRIVILEGED_POD });
      symlinkSync('..', path.join(root, 'deploy', 'up'));
      symlinkSync('self', path.join(root, 'self'));
      const run = runCli(['scan', '--format', 'json', ...BASELINE], root);
      const report = JSON.parse(run.stdout) as JsonReportLike;
      assert.deepEqual(report.files.map((f) => f.path), ['deploy/pod.yaml']);
      assert.equal(run.stderr, 'warning: cannot follow link self: too many levels of symbolic links (ELOOP); skipped\n');
    });

    it('warns about a folder it cannot read and goes on with the others', function () {
      const root = tree({ 'locked/pod.yaml': PRIVILEGED_POD, 'open/pod.yaml': PRIVILEGED_POD });
      chmodSync(path.join(root, 'locked'), 0o000);
      try {
        // As root the folder stays readable; running the CLI as "nobody" makes the permission bite.
        const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
        const run = runCli(['scan', '--format', 'json', ...BASELINE], root, asNobody);
        const report = JSON.parse(run.stdout) as JsonReportLike;
        assert.deepEqual(report.files.map((f) => f.path), ['open/pod.yaml']);
        assert.equal(run.stderr, 'warning: cannot read folder locked: permission denied (EACCES); skipped\n');
        assert.equal(run.status, 1);
      } finally {
        chmodSync(path.join(root, 'locked'), 0o755);
      }
    });

    it('warns about a file it cannot read and goes on', () => {
      const root = tree({ 'secret.yaml': PRIVILEGED_POD, 'open.yaml': PRIVILEGED_POD });
      chmodSync(path.join(root, 'secret.yaml'), 0o000);
      const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const run = runCli(['scan', '--format', 'json', ...BASELINE], root, asNobody);
      assert.deepEqual((JSON.parse(run.stdout) as JsonReportLike).files.map((f) => f.path), ['open.yaml']);
      assert.equal(run.stderr, 'warning: cannot read file secret.yaml: permission denied (EACCES); skipped\n');
    });
  });

  describe('exit codes and thresholds', () => {
    /** No baseline violation, but restricted-level gaps (warnings) such as runAsNonRoot. */
    const unhardened = PRIVILEGED_POD.replace('privileged: true', 'privileged: false');

    it('--fail-on sets the severity that fails the run', () => {
      const root = tree({ 'pod.yaml': unhardened });
      const { report } = scanJson(['--profile', 'pss-restricted', '--fail-on', 'none'], root);
      assert.equal(report.summary.bySeverity.error, 0);
      assert.ok(report.summary.bySeverity.warning > 0, 'the fixture must have warnings under pss-restricted');
      const exit = (failOn: string) => runCli(['scan', '--profile', 'pss-restricted', '--fail-on', failOn], root).status;
      assert.deepEqual(
        ['error', 'warning', 'info', 'none'].map((f) => [f, exit(f)]),
        [['error', 0], ['warning', 1], ['info', 1], ['none', 0]],
      );
    });

    it('--fail-on none exits 0 even with errors', () => {
      const root = tree({ 'pod.yaml': PRIVILEGED_POD });
      assert.equal(runCli(['scan', ...BASELINE, '--fail-on', 'none'], root).status, 0);
    });

    it('--profile chooses the rules: pss-baseline reports only baseline rules, strict reports more', () => {
      const root = tree({ 'pod.yaml': PRIVILEGED_POD });
      const rules = JSON.parse(runCli(['rules', '--format', 'json'], root).stdout) as { rules: Array<{ id: string; profiles: string[] }> };
      const profilesOf = new Map(rules.rules.map((r) => [r.id, r.profiles]));
      const baseline = scanJson(BASELINE, root).report;
      const strict = scanJson(['--profile', 'strict'], root).report;
      for (const id of Object.keys(baseline.summary.byRule)) assert.ok(profilesOf.get(id)?.includes('pss-baseline'), `${id} is not a baseline rule`);
      assert.ok(strict.summary.findings > baseline.summary.findings);
    });

    it('the config turns rules off, and --profile overrides the config profile', () => {
      const root = tree({ '.palisade.yaml': 'profile: strict\nrules:\n  privileged-container: off\n', 'deploy/pod.yaml': PRIVILEGED_POD });
      const fromConfig = scanJson(['deploy'], root).report;
      assert.deepEqual(tuples(fromConfig, ['privileged-container']), []);
      const overridden = scanJson([...BASELINE, 'deploy'], root).report;
      assert.ok(overridden.summary.findings < fromConfig.summary.findings);
    });

    it('--kubernetes-version accepts 1.N and latest, and rejects other values with exit 2', () => {
      const root = tree({ 'pod.yaml': PRIVILEGED_POD });
      assert.equal(runCli(['scan', ...BASELINE, '--kubernetes-version', '1.30'], root).status, 1);
      assert.equal(runCli(['scan', ...BASELINE, '--kubernetes-version', 'latest'], root).status, 1);
      const bad = runCli(['scan', '--kubernetes-version', '1.10'], root);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /^error: --kubernetes-version: Kubernetes 1\.10 is outside the supported range 1\.25 to 1\.\d+\n/);
      assert.equal(bad.stdout, '');
    });

    it('an invalid config prints file:line:col for each problem and exits 2', () => {
      const root = tree({ 'bad.yaml': 'profile: paranoid\nrules:\n  no-such-rule: off\n', 'pod.yaml': PRIVILEGED_POD });
      const run = runCli(['scan', '--config', 'bad.yaml'], root);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.deepEqual(run.stderr.trimEnd().split('\n'), [
        'error: bad.yaml:1:10: profile must be one of pss-baseline, pss-restricted, recommended, strict; got "paranoid".',
        'error: bad.yaml:3:3: Unknown rule "no-such-rule". Run `palisade rules` to list rule ids.',
      ]);
    });

    it('finds the nearest config above the scanned path, and an invalid one fails the run', () => {
      const root = tree({ '.palisade.yml': 'profile: [x\n', 'deploy/pod.yaml': PRIVILEGED_POD });
      const run = runCli(['scan', '.'], path.join(root, 'deploy'));
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^error: \.\.\/\.palisade\.yml:\d+:\d+: YAML syntax error/);
    });

    it('a missing --config file, a missing path and unknown options are usage errors without a stack', () => {
      const root = tree({ 'pod.yaml': PRIVILEGED_POD });
      const cases = [
        [['scan', '--config', 'nope.yaml'], 'error: nope.yaml: cannot read the config file: no such file or folder (ENOENT)\n'],
        [['scan', 'missing'], 'error: cannot scan missing: no such file or folder (ENOENT)\nRun "palisade --help" for usage.\n'],
        [['scan', '--frobnicate'], 'error: unknown option --frobnicate\nRun "palisade --help" for usage.\n'],
        [['scan', '--format', 'xml'], 'error: --format must be one of text, json, sarif; got "xml"\nRun "palisade --help" for usage.\n'],
        [['scan', '--fail-on', 'fatal'], 'error: --fail-on must be one of error, warning, info, none; got "fatal"\nRun "palisade --help" for usage.\n'],
        [['scan', '--profile', 'lax'], 'error: --profile must be one of pss-baseline, pss-restricted, recommended, strict; got "lax"\nRun "palisade --help" for usage.\n'],
        [['lint'], 'error: unknown command "lint": use scan or rules\nRun "palisade --help" for usage.\n'],
        [['scan', '--stdin-filename', 'Dockerfile'], 'error: --stdin-filename names stdin: give "-" among the paths too\nRun "palisade --help" for usage.\n'],
        [['scan', '-', '--stdin-filename', ' '], 'error: --stdin-filename needs a file name\nRun "palisade --help" for usage.\n'],
        [['rules', '--stdin-filename', 'Dockerfile'], 'error: --stdin-filename is not an option of "palisade rules"\nRun "palisade --help" for usage.\n'],
      ] as const;
      for (const [args, stderr] of cases) {
        const run = runCli(args, root);
        assert.deepEqual([args, run.status, run.stderr, run.stdout], [args, 2, stderr, '']);
      }
    });

    it('--output writes the report to a file and nothing to stdout', () => {
      const root = tree({ 'pod.yaml': PRIVILEGED_POD });
      const run = runCli(['scan', ...BASELINE, '--format', 'json', '--output', 'report.json'], root);
      assert.equal(run.stdout, '');
      assert.equal(run.status, 1);
      const report = JSON.parse(readFileSync(path.join(root, 'report.json'), 'utf8')) as JsonReportLike;
      assert.deepEqual(tuples(report, ['privileged-container']), [['pod.yaml', 'privileged-container', 9, 20, 9, 24]]);
    });
  });

  describe('other commands', () => {
    it('--version prints the package version and --help the usage', () => {
      const root = tree({});
      const { version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.deepEqual(runCli(['--version'], root), { status: 0, stdout: `${version}\n`, stderr: '' });
      const help = runCli(['--help'], root);
      assert.equal(help.status, 0);
      for (const option of Object.keys(OPTIONS)) {
        assert.ok(help.stdout.includes(`--${option}`), `help mentions --${option}`);
      }
    });

    it('rules lists every rule from the registry with its metadata', () => {
      const root = tree({});
      const json = JSON.parse(runCli(['rules', '--format', 'json'], root).stdout) as { rules: Array<Record<string, unknown>> };
      const privileged = json.rules.find((r) => r.id === 'privileged-container');
      assert.deepEqual(
        privileged && [privileged.title, privileged.severity, privileged.category, privileged.tier, privileged.profiles, privileged.builtin],
        ['Privileged container', 'error', 'Pod security', 'recommended', ['pss-baseline', 'pss-restricted', 'recommended', 'strict'], false],
      );
      assert.deepEqual((privileged!.references as { checkov: string[] }).checkov, ['CKV_K8S_16']);
      assert.deepEqual(json.rules.find((r) => r.id === 'parse-error')?.builtin, true);
      const text = runCli(['rules'], root).stdout;
      assert.ok(text.includes('privileged-container  error  Pod security  tier: recommended  profiles: pss-baseline, pss-restricted, recommended, strict\n  Privileged container\n'));
    });
  });
});
