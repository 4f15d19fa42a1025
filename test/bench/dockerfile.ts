/**
 * Dockerfile benchmark, run by `npm run bench` (run.ts): analysis of every file of the
 * Dockerfile corpus (../shared/corpus/dockerfiles) with the recommended and strict rules, as
 * a ratio to a bare dockerfile-ast parse of the same files (target <= 1.5x) and to
 * dockerfile-utils' validate, all measured in the same run (CPU time, interleaved, ratios taken
 * per iteration) so the machine's speed and load cancel out.
 * Run alone with `npx tsx test/bench/dockerfile.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { analyzeFile, type ResolvedRule } from '../../rules/engine/analyze';
import { defaultConfig, resolveRules } from '../../rules/engine/config';
import type { ProfileName } from '../../rules/engine/profiles';
import type { RuleOptions } from '../../rules/engine/rule';
import { LATEST_KUBERNETES_VERSION } from '../../rules/engine/version';
import { RULES } from '../../rules/index';

const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 7);
const TARGET = 1.5;
const OPTIONS = { kubernetesVersion: LATEST_KUBERNETES_VERSION, trustedRegistries: [] } satisfies RuleOptions;
const CORPUS = resolve(__dirname, '../../../shared/corpus/dockerfiles');

interface File {
  path: string;
  text: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** CPU milliseconds (user + system) of one run: steadier than wall time on a shared machine. */
function cpuTime(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * CPU times of each workload per iteration, after warm-up. The workloads take turns within
 * every iteration, so a burst of load elsewhere on the machine hits them all alike, and the
 * turn order rotates: garbage one workload leaves is collected during the next one, which
 * must not always be the same workload.
 */
function measureInterleaved(workloads: ReadonlyArray<() => void>): number[][] {
  for (let i = 0; i < WARMUP; i++) workloads.forEach((w) => w());
  const times = workloads.map(() => [] as number[]);
  for (let i = 0; i < ITERATIONS; i++) {
    for (let turn = 0; turn < workloads.length; turn++) {
      const k = (i + turn) % workloads.length;
      times[k].push(cpuTime(workloads[k]));
    }
  }
  return times;
}

/** Median of the per-iteration ratios: each iteration's runs shared the same machine load. */
function pairedRatio(times: number[], baseline: number[]): number {
  return median(times.map((t, i) => t / baseline[i]));
}

function corpusFiles(): File[] | undefined {
  if (!existsSync(join(CORPUS, 'index.json'))) return undefined;
  const index = JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) as { files: Array<{ path: string }> };
  return index.files.map((f) => ({ path: f.path, text: readFileSync(join(CORPUS, f.path), 'utf8') }));
}

function dockerfileRules(profile: ProfileName): ResolvedRule[] {
  return resolveRules(RULES, { ...defaultConfig(), profile }).filter((r) => r.rule.language === 'dockerfile');
}

export function runDockerfileBench(): void {
  const files = corpusFiles();
  console.log('');
  if (!files) {
    console.log(`Dockerfile corpus not found at ${CORPUS}: Dockerfile benchmark skipped.`);
    return;
  }
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  console.log(`Dockerfile corpus: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB (${CORPUS}); median CPU time of ${ITERATIONS} interleaved runs`);
  const profiles: ProfileName[] = ['recommended', 'strict'];
  const ruleSets = profiles.map(dockerfileRules);
  const [parseTimes, validateTimes, ...analysisTimes] = measureInterleaved([
    () => files.forEach((f) => DockerfileParser.parse(f.text)),
    () => files.forEach((f) => validate(f.text)),
    ...ruleSets.map((rules) => () => files.forEach((f) => analyzeFile(f.path, f.text, rules, { ...OPTIONS, language: 'dockerfile' }))),
  ]);
  const header = ['rules', 'ast parse (ms)', 'utils validate (ms)', 'analysis (ms)', 'vs parse', `<= ${TARGET}x`, 'vs validate'];
  const rows = profiles.map((profile, i) => {
    const ratio = pairedRatio(analysisTimes[i], parseTimes);
    const cells = [median(parseTimes), median(validateTimes), median(analysisTimes[i])].map((ms) => ms.toFixed(1));
    return [`${profile} (${ruleSets[i].length})`, ...cells, `${ratio.toFixed(2)}x`, ratio <= TARGET ? 'yes' : 'NO', `${pairedRatio(analysisTimes[i], validateTimes).toFixed(2)}x`];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  for (const cells of [header, widths.map((w) => '-'.repeat(w)), ...rows]) console.log(line(cells));
}

if (require.main === module) runDockerfileBench();
