/** `palisade scan`: config, walk, analyse, report, exit code. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isExcluded, type PalisadeConfig } from '../../../rules/engine/config';
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
  const warn = (message: string) => {
    warnings.push(message);
    io.stderr.write(`warning: ${message}\n`);
  };
  const stdin = args.paths.includes('-') ? await stdinSource(args, io, loaded.dir, config, warn) : undefined;
  const result = await scanPaths(diskPaths, {
    config,
    configDir: loaded.dir,
    cwd: io.cwd,
    extraSources: stdin ? [stdin] : [],
    onWarning: warn,
  });
  const report = render(args, result, { warnings, color: useColor(args, io) });
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

/**
 * `--config` wins; otherwise the nearest config file above the first scanned path, else above
 * the stdin file name, else above the cwd.
 */
async function loadConfig(args: ScanArgs, io: CliIo): Promise<LoadedConfig> {
  if (args.config !== undefined) return loadConfigFile(path.resolve(io.cwd, args.config), RULE_IDS);
  const first = args.paths.find((p) => p !== '-') ?? args.stdinFilename;
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

/**
 * Stdin as a source, named `<stdin>` (read as Kubernetes YAML) or by `--stdin-filename`, which
 * then decides its language and is matched by `exclude` and suppressions like a file on disk
 * (ESLint's option of the same name). Undefined when `exclude` skips that name.
 */
async function stdinSource(args: ScanArgs, io: CliIo, configDir: string, config: PalisadeConfig, warn: (message: string) => void): Promise<ScanSource | undefined> {
  const raw = await io.readStdin();
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (args.stdinFilename === undefined) return { file: STDIN_NAME, relativePath: STDIN_NAME, text };
  const absolute = path.resolve(io.cwd, args.stdinFilename);
  const file = displayPath(absolute, io.cwd);
  const relativePath = toPosix(path.relative(configDir, absolute));
  if (isExcluded(relativePath, config)) {
    warn(`stdin not scanned: ${file} is excluded by the config`);
    return undefined;
  }
  return { file, relativePath, text };
}

/** Colour only for a person at a terminal: never in files, pipes, with --no-color or NO_COLOR. */
function useColor(args: ScanArgs, io: CliIo): boolean {
  if (args.noColor || args.output !== undefined || args.format !== 'text') return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true;
}

interface RenderOptions {
  warnings: readonly string[];
  color: boolean;
}

function render(args: ScanArgs, result: ScanResult, { warnings, color }: RenderOptions): string {
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
