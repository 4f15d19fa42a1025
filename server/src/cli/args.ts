/**
 * Command-line parsing with `node:util` parseArgs. Every unknown option, missing value or bad
 * value is a UsageError (exit code 2), never a guess.
 */
import { parseArgs } from 'node:util';
import { isProfileName, PROFILES, type ProfileName } from '../../../rules/engine/profiles';
import { parseKubernetesVersion, type KubernetesVersion } from '../../../rules/engine/version';
import type { Severity } from '../../../rules/engine/types';

export class UsageError extends Error {}

export const EXIT = {
  /** Nothing unsuppressed at or above the --fail-on threshold. */
  ok: 0,
  findings: 1,
  /** Usage, config or unexpected error: the report cannot be trusted. */
  error: 2,
} as const;

export const SCAN_FORMATS = ['text', 'json', 'sarif'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];
export const RULES_FORMATS = ['text', 'json'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];
export const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;
export type FailOn = Severity | 'none';

export interface ScanArgs {
  command: 'scan';
  /** Files and folders; "-" is stdin. */
  paths: string[];
  /** The name stdin is shown as and judged by (language, `exclude`, suppressions), cwd-relative. */
  stdinFilename?: string;
  format: ScanFormat;
  output?: string;
  profile?: ProfileName;
  config?: string;
  kubernetesVersion?: KubernetesVersion;
  failOn: FailOn;
  showSuppressed: boolean;
  noColor: boolean;
  quiet: boolean;
}

export interface RulesArgs {
  command: 'rules';
  format: RulesFormat;
}

export type CliArgs = ScanArgs | RulesArgs | { command: 'help' } | { command: 'version' };

export const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  profile: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'kubernetes-version': { type: 'string' },
  'fail-on': { type: 'string' },
  'show-suppressed': { type: 'boolean' },
  'no-color': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'stdin-filename': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** The options each command accepts besides --help and --version. */
const COMMAND_OPTIONS: Record<'scan' | 'rules', readonly OptionName[]> = {
  scan: ['format', 'output', 'profile', 'config', 'kubernetes-version', 'fail-on', 'show-suppressed', 'no-color', 'quiet', 'stdin-filename'],
  rules: ['format'],
};

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values, positionals } = parseOrThrow(argv);
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command: use "palisade scan [paths...]" or "palisade rules"');
  if (command !== 'scan' && command !== 'rules') throw new UsageError(`unknown command "${command}": use scan or rules`);
  for (const name of Object.keys(values) as OptionName[]) {
    if (name !== 'help' && name !== 'version' && !COMMAND_OPTIONS[command].includes(name)) {
      throw new UsageError(`--${name} is not an option of "palisade ${command}"`);
    }
  }
  if (command === 'rules') {
    if (rest.length > 0) throw new UsageError(`"palisade rules" takes no arguments; got "${rest[0]}"`);
    return { command, format: oneOf('--format', values.format ?? 'text', RULES_FORMATS) };
  }
  return scanArgs(values, rest);
}

function parseOrThrow(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs messages already name the option; drop its hint about "--" which rarely helps.
    const message = error instanceof Error ? error.message.split('. To specify')[0] : String(error);
    throw new UsageError(message.replace(/^Unknown option '([^']+)'$/, 'unknown option $1'));
  }
}

type Values = ReturnType<typeof parseOrThrow>['values'];

function scanArgs(values: Values, paths: string[]): ScanArgs {
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('"-" (stdin) can be given only once');
  const args: ScanArgs = {
    command: 'scan',
    paths: paths.length > 0 ? paths : ['.'],
    format: oneOf('--format', values.format ?? 'text', SCAN_FORMATS),
    failOn: oneOf('--fail-on', values['fail-on'] ?? 'error', FAIL_ON),
    showSuppressed: values['show-suppressed'] ?? false,
    noColor: values['no-color'] ?? false,
    quiet: values.quiet ?? false,
  };
  if (values.output !== undefined) args.output = nonEmpty('--output', values.output);
  if (values.config !== undefined) args.config = nonEmpty('--config', values.config);
  if (values['stdin-filename'] !== undefined) {
    if (!args.paths.includes('-')) throw new UsageError('--stdin-filename names stdin: give "-" among the paths too');
    args.stdinFilename = nonEmpty('--stdin-filename', values['stdin-filename']);
  }
  if (values.profile !== undefined) {
    if (!isProfileName(values.profile)) throw new UsageError(`--profile must be one of ${PROFILES.join(', ')}; got "${values.profile}"`);
    args.profile = values.profile;
  }
  if (values['kubernetes-version'] !== undefined) {
    const version = parseKubernetesVersion(values['kubernetes-version']);
    if (typeof version === 'string') throw new UsageError(`--kubernetes-version: ${version}`);
    args.kubernetesVersion = version;
  }
  return args;
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')}; got "${value}"`);
}

function nonEmpty(option: string, value: string): string {
  if (value.trim() === '') throw new UsageError(`${option} needs a file name`);
  return value;
}
