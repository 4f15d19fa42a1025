/** `palisade scan`: config, walk, analyse, report, exit code. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { PalisadeConfig } from '../../../rules/engine/config';
import { RULE_IDS } from '../../../rules/index';
import { formatJson } from '../formats/json';
import { formatSarif } from '../formats/sarif';
import { atLeast, formatText } from '../formats/text';
import { formatConfigProblem, loadConfigFile, loadNearestConfig, type LoadedConfig } from '../workspace/config-file';
import { scanPaths, type ScanResult, type ScanSource } from '../workspace/scan';
import { describeError, toPosix } from '../workspace/walker';
import { EXIT, UsageError, type FailOn, type ScanArgs } from './args';

export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  readStdin(): Promise<string>;
}

export const STDIN_NAME = '<stdin>';

export async function runScan(args: ScanArgs, io: CliIo): Promise<number> {
  const loaded = await loadConfig(args, io);
  if (loaded.errors.length > 0) {
    for (const problem of loaded.errors) io.stderr.write(`error: ${formatConfigProblem(problem, displayPath(problem.file, io.cwd))}\n`);
    return EXIT.error;
  }
  const config = applyOverrides(loaded.config, args);
  const diskPaths = args.paths.filter((p) => p !== '-');
  await assertPathsExist(diskPaths, io.cwd);
  const warnings: string[] = [];
  const result = await scanPaths(diskPaths, {
    config,
    configDir: loaded.dir,
    cwd: io.cwd,
    extraSources: args.paths.includes('-') ? [await stdinSource(io)] : [],
    onWarning: (message) => {
      warnings.push(message);
      io.stderr.write(`warning: ${message}\n`);
    },
  });
  const report = render(args, result, warnings, useColor(args, io));
  if (args.output === undefined) io.stdout.write(report);
  else {
    const target = path.resolve(io.cwd, args.output);
    try {
      await fs.writeFile(target, report);
    } catch (error) {
      io.stderr.write(`error: cannot write ${args.output}: ${describeError(error)}\n`);
      return EXIT.error;
    }
  }
  return failed(result, args.failOn) ? EXIT.findings : EXIT.ok;
}

/** `--config` wins; otherwise the nearest config file above the first scanned path (or the cwd). */
async function loadConfig(args: ScanArgs, io: CliIo): Promise<LoadedConfig> {
  if (args.config !== undefined) return loadConfigFile(path.resolve(io.cwd, args.config), RULE_IDS);
  const first = args.paths.find((p) => p !== '-');
  return loadNearestConfig(path.resolve(io.cwd, first ?? '.'), RULE_IDS, io.cwd);
}

/** Command-line flags override the config file. */
export function applyOverrides(config: PalisadeConfig, args: ScanArgs): PalisadeConfig {
  return {
    ...config,
    ...(args.profile ? { profile: args.profile } : {}),
    ...(args.kubernetesVersion ? { kubernetesVersion: args.kubernetesVersion } : {}),
  };
}

/** A path that does not exist is a mistake in the command, not something to warn about and skip. */
async function assertPathsExist(paths: readonly string[], cwd: string): Promise<void> {
  for (const p of paths) {
    try {
      await fs.stat(path.resolve(cwd, p));
    } catch (error) {
      throw new UsageError(`cannot scan ${p}: ${describeError(error)}`);
    }
  }
}

async function stdinSource(io: CliIo): Promise<ScanSource> {
  const text = await io.readStdin();
  return { file: STDIN_NAME, relativePath: STDIN_NAME, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Colour only for a person at a terminal: never in files, pipes, with --no-color or NO_COLOR. */
function useColor(args: ScanArgs, io: CliIo): boolean {
  if (args.noColor || args.output !== undefined || args.format !== 'text') return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true;
}

function render(args: ScanArgs, result: ScanResult, warnings: readonly string[], color: boolean): string {
  switch (args.format) {
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result, { warnings });
    case 'text':
      return formatText(result, {
        color,
        showSuppressed: args.showSuppressed,
        ...(args.quiet ? { quietBelow: args.failOn === 'none' ? 'error' : args.failOn } : {}),
      });
  }
}

export function failed(result: ScanResult, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return result.files.some((file) => file.findings.some((f) => !f.suppressed && atLeast(f.severity, failOn)));
}

function displayPath(absolute: string, cwd: string): string {
  return toPosix(path.relative(cwd, absolute)) || absolute;
}
