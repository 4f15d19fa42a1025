/**
 * Finding and reading `.palisade.yaml`, shared by the CLI and the language server so both
 * apply the same policy to the same file.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, defaultConfig, parseConfig, type PalisadeConfig } from '../../../rules/engine/config';
import type { Range } from '../../../rules/engine/types';
import { describeError } from './walker';
import { isGitRoot } from './walker';

export interface ConfigProblem {
  /** Absolute path of the config file. */
  file: string;
  message: string;
  /** 0-based, when the problem has a place in the file. */
  range?: Range;
}

export interface LoadedConfig {
  /** Absolute path of the config file; undefined when none was found (defaults apply). */
  file?: string;
  /** Folder that `exclude` and suppression `paths` are relative to. */
  dir: string;
  config: PalisadeConfig;
  /** Non-empty means the config is invalid and must not be used. */
  errors: ConfigProblem[];
}

/**
 * The nearest config file from `start` (a file or folder) upwards. The search stops at the
 * git root, so a config in a parent checkout or the home folder never leaks into a repository.
 */
export async function findConfigFile(start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  if (!(await isFolder(dir))) dir = path.dirname(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (await isFile(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir || (await isGitRoot(dir))) return undefined;
    dir = parent;
  }
}

export async function loadConfigFile(file: string, knownRuleIds: ReadonlySet<string>): Promise<LoadedConfig> {
  const absolute = path.resolve(file);
  const dir = path.dirname(absolute);
  let text: string;
  try {
    text = await fs.readFile(absolute, 'utf8');
  } catch (error) {
    return { file: absolute, dir, config: defaultConfig(), errors: [{ file: absolute, message: `cannot read the config file: ${describeError(error)}` }] };
  }
  const { config, errors } = parseConfig(text, knownRuleIds);
  return { file: absolute, dir, config, errors: errors.map((e) => ({ file: absolute, ...e })) };
}

/** The config that applies to `start`, or the defaults relative to `fallbackDir` when there is none. */
export async function loadNearestConfig(start: string, knownRuleIds: ReadonlySet<string>, fallbackDir: string): Promise<LoadedConfig> {
  const file = await findConfigFile(start);
  if (file) return loadConfigFile(file, knownRuleIds);
  return { dir: path.resolve(fallbackDir), config: defaultConfig(), errors: [] };
}

/** `file:line:col: message` with 1-based line and column, the form editors and CI logs link. */
export function formatConfigProblem(problem: ConfigProblem, displayFile: string): string {
  if (!problem.range) return `${displayFile}: ${problem.message}`;
  const { line, character } = problem.range.start;
  return `${displayFile}:${line + 1}:${character + 1}: ${problem.message}`;
}


async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

async function isFolder(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}
