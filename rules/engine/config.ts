/**
 * `.palisade.yaml`: the policy as code that the editor and the CLI both read.
 *
 *   profile: recommended            # pss-baseline | pss-restricted | recommended | strict
 *   kubernetesVersion: "1.30"
 *   rules:
 *     image-pull-policy: off        # off | on | error | warning | info
 *     run-as-non-root: error
 *   exclude: ["charts/**", "vendor/**"]
 *   trustedRegistries: ["registry.example.com/", "ghcr.io/acme/"]
 *   suppressions:
 *     - rules: [host-network]
 *       paths: ["deploy/cni/**"]
 *       objects: ["DaemonSet/kube-system/cilium"]
 *       reason: "The CNI agent needs the host network"
 *
 * Every problem is reported with its location; an invalid file is never silently ignored.
 */
import picomatch from 'picomatch';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type Scalar } from 'yaml';
import type { ResolvedRule } from './analyze';
import { DEFAULT_PROFILE, inProfile, isProfileName, PROFILES, type ProfileName } from './profiles';
import type { Rule } from './rule';
import type { Finding, Range, Severity } from './types';
import { SEVERITIES } from './types';
import { parseKubernetesVersion, LATEST_KUBERNETES_VERSION, type KubernetesVersion } from './version';

export const CONFIG_FILE_NAMES = ['.palisade.yaml', '.palisade.yml'] as const;

export type RuleSetting = Severity | 'off' | 'on';

export interface ConfigSuppression {
  rules: string[];
  paths?: string[];
  /** `Kind/namespace/name` or `Kind/name`, globs allowed. */
  objects?: string[];
  reason: string;
}

export interface PalisadeConfig {
  profile: ProfileName;
  kubernetesVersion: KubernetesVersion;
  rules: Record<string, RuleSetting>;
  exclude: string[];
  trustedRegistries: string[];
  suppressions: ConfigSuppression[];
}

export interface ConfigError {
  message: string;
  /** 0-based range in the config file, when the problem has a location. */
  range?: Range;
}

export function defaultConfig(): PalisadeConfig {
  return {
    profile: DEFAULT_PROFILE,
    kubernetesVersion: LATEST_KUBERNETES_VERSION,
    rules: {},
    exclude: [],
    trustedRegistries: [],
    suppressions: [],
  };
}

const TOP_LEVEL_KEYS = ['profile', 'kubernetesVersion', 'rules', 'exclude', 'trustedRegistries', 'suppressions'];
const RULE_SETTINGS: readonly string[] = ['off', 'on', ...SEVERITIES];

/** Parses and validates a config file. Unknown keys and rule ids are errors: typos must show. */
export function parseConfig(text: string, knownRuleIds: ReadonlySet<string>): { config: PalisadeConfig; errors: ConfigError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const errors: ConfigError[] = [];
  const rangeOf = (node: { range?: [number, number, number] | null } | null | undefined): Range | undefined => {
    if (!node?.range) return undefined;
    const at = (offset: number) => {
      const p = lineCounter.linePos(offset);
      return { line: p.line - 1, character: p.col - 1 };
    };
    return { start: at(node.range[0]), end: at(node.range[1]) };
  };
  const fail = (message: string, node?: { range?: [number, number, number] | null } | null) => {
    const range = rangeOf(node);
    errors.push(range ? { message, range } : { message });
  };
  const config = defaultConfig();
  for (const e of doc.errors) fail(`YAML syntax error: ${e.message.split('\n')[0]}`, { range: [e.pos[0], e.pos[1], e.pos[1]] });
  if (errors.length > 0) return { config, errors };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config, errors };
  if (!isMap(root)) {
    fail('The config must be a map of settings (profile, rules, exclude, ...).', root);
    return { config, errors };
  }
  for (const pair of root.items as Pair<Scalar, Node | null>[]) {
    const key = String(pair.key?.value);
    const value = pair.value;
    switch (key) {
      case 'profile': {
        const v = isScalar(value) ? value.value : undefined;
        if (isProfileName(v)) config.profile = v;
        else fail(`profile must be one of ${PROFILES.join(', ')}; got ${JSON.stringify(v ?? null)}.`, value ?? pair.key);
        break;
      }
      case 'kubernetesVersion': {
        // Unquoted `1.30` is the float 1.3: read the number as it is written.
        const v = isScalar(value) ? String(typeof value.value === 'number' && value.source ? value.source : value.value) : '';
        const parsed = parseKubernetesVersion(v);
        if (typeof parsed === 'string') fail(`kubernetesVersion: ${parsed}.`, value ?? pair.key);
        else config.kubernetesVersion = parsed;
        break;
      }
      case 'rules':
        readRuleSettings(value, knownRuleIds, config, fail);
        break;
      case 'exclude':
      case 'trustedRegistries': {
        const list = readStringList(value, key, fail);
        if (list) config[key] = list;
        break;
      }
      case 'suppressions':
        readSuppressions(value, knownRuleIds, config, fail);
        break;
      default:
        fail(`Unknown setting "${key}". Known settings: ${TOP_LEVEL_KEYS.join(', ')}.`, pair.key);
    }
  }
  return { config, errors };
}

type Fail = (message: string, node?: { range?: [number, number, number] | null } | null) => void;

function readRuleSettings(value: Node | null, known: ReadonlySet<string>, config: PalisadeConfig, fail: Fail): void {
  if (!isMap(value)) {
    fail('rules must be a map from rule id to off, on, error, warning or info.', value);
    return;
  }
  for (const pair of value.items as Pair<Scalar, Node | null>[]) {
    const id = String(pair.key?.value);
    const setting = isScalar(pair.value) ? String(pair.value.value) : undefined;
    if (!known.has(id)) fail(`Unknown rule "${id}". Run \`palisade rules\` to list rule ids.`, pair.key);
    else if (!setting || !RULE_SETTINGS.includes(setting)) {
      fail(`Rule "${id}": the setting must be one of ${RULE_SETTINGS.join(', ')}; got ${JSON.stringify(setting ?? null)}.`, pair.value ?? pair.key);
    } else config.rules[id] = setting as RuleSetting;
  }
}

function readStringList(value: Node | null, key: string, fail: Fail): string[] | undefined {
  if (!isSeq(value) || !value.items.every((item) => isScalar(item) && typeof item.value === 'string')) {
    fail(`${key} must be a list of strings.`, value);
    return undefined;
  }
  return value.items.map((item) => String((item as Scalar).value));
}

function readSuppressions(value: Node | null, known: ReadonlySet<string>, config: PalisadeConfig, fail: Fail): void {
  if (!isSeq(value)) {
    fail('suppressions must be a list of {rules, paths, objects, reason} entries.', value);
    return;
  }
  for (const item of value.items) {
    if (!isMap(item)) {
      fail('Each suppression must be a map with rules, reason and optionally paths and objects.', item as Node);
      continue;
    }
    const get = (k: string) => item.get(k, true) as Node | null | undefined;
    const rules = readStringList(get('rules') ?? null, 'suppressions[].rules', fail);
    const reason = get('reason');
    if (!isScalar(reason) || typeof reason.value !== 'string' || reason.value.trim() === '') {
      fail('Each suppression needs a reason: say why the finding is acceptable.', (reason as Node) ?? item);
      continue;
    }
    if (!rules) continue;
    for (const id of rules) if (id !== '*' && !known.has(id)) fail(`Unknown rule "${id}" in suppressions.`, get('rules'));
    const entry: ConfigSuppression = { rules, reason: reason.value };
    if (get('paths') !== undefined) entry.paths = readStringList(get('paths') ?? null, 'suppressions[].paths', fail);
    if (get('objects') !== undefined) entry.objects = readStringList(get('objects') ?? null, 'suppressions[].objects', fail);
    for (const { key } of item.items as Pair<Scalar>[]) {
      const k = String(key?.value);
      if (!['rules', 'paths', 'objects', 'reason'].includes(k)) fail(`Unknown suppression setting "${k}".`, key);
    }
    config.suppressions.push(entry);
  }
}

/** The rules a config turns on, each with its effective severity. Order of precedence:
 *  rule default, then profile membership, then the config's per-rule setting. */
export function resolveRules(registry: readonly Rule[], config: PalisadeConfig): ResolvedRule[] {
  const out: ResolvedRule[] = [];
  for (const rule of registry) {
    const setting = config.rules[rule.meta.id];
    if (setting === 'off') continue;
    if (setting === undefined && !inProfile(rule.meta, config.profile)) continue;
    const severity = setting === undefined || setting === 'on' ? rule.meta.severity : setting;
    out.push({ rule, severity });
  }
  return out;
}

/** Is a path (relative to the config's folder, with forward slashes) excluded? */
export function isExcluded(relativePath: string, config: PalisadeConfig): boolean {
  return config.exclude.length > 0 && picomatch.isMatch(relativePath, config.exclude, { dot: true });
}

/** Marks findings that a config suppression covers. */
export function applyConfigSuppressions(findings: Finding[], relativePath: string, config: PalisadeConfig): void {
  if (config.suppressions.length === 0) return;
  for (const finding of findings) {
    if (finding.suppressed) continue;
    const match = config.suppressions.find((s) => suppressionMatches(s, finding, relativePath));
    if (match) finding.suppressed = { via: 'config', reason: match.reason };
  }
}

function suppressionMatches(s: ConfigSuppression, finding: Finding, relativePath: string): boolean {
  if (!s.rules.includes('*') && !s.rules.includes(finding.ruleId)) return false;
  if (s.paths && !picomatch.isMatch(relativePath, s.paths, { dot: true })) return false;
  if (s.objects) {
    const o = finding.object;
    if (!o) return false;
    const names = [`${o.kind}/${o.name}`, `${o.kind}/${o.namespace ?? ''}/${o.name}`];
    if (!names.some((n) => picomatch.isMatch(n, s.objects!, { dot: true }))) return false;
  }
  return true;
}
