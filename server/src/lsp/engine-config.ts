/**
 * One `EngineConfig` per workspace folder and settings: what the engine runs with. Merge order
 * (later wins): rule default -> profile -> `.palisade.yaml` -> editor settings.
 *
 * Configs are memoised so that the same folder and settings give the *same* rules and options
 * objects: `AnalysisCache` keys its reuse on their identity, so a keystroke must not rebuild them.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { AnalyzeOptions, ResolvedRule } from '../../../rules/engine/analyze';
import { defaultConfig, isExcluded, resolveRules, type PalisadeConfig } from '../../../rules/engine/config';
import { parseKubernetesVersion } from '../../../rules/engine/version';
import { RULES, RULE_IDS } from '../../../rules/index';
import { loadNearestConfig, type ConfigProblem, type LoadedConfig } from '../workspace/config-file';
import { toPosix } from '../workspace/walker';
import type { EditorSettings } from './settings';

/** The "folder" of buffers that have neither a file nor a workspace folder: defaults only. */
export const NO_FOLDER = '';

export interface EngineConfig {
  settings: EditorSettings;
  /** The merged policy; its `exclude` and suppression paths are relative to `dir`. */
  config: PalisadeConfig;
  dir: string;
  /** The workspace folder: `palisade.exclude` globs are relative to it. */
  folder: string;
  configFile?: string;
  rules: readonly ResolvedRule[];
  options: AnalyzeOptions;
  /** The same options for files whose name does not say they are Dockerfiles (open buffers). */
  dockerfileOptions: AnalyzeOptions;
}

export function mergeSettings(fileConfig: PalisadeConfig, settings: EditorSettings): PalisadeConfig {
  const version = settings.kubernetesVersion ? parseKubernetesVersion(settings.kubernetesVersion) : undefined;
  return {
    ...fileConfig,
    profile: settings.profile ?? fileConfig.profile,
    kubernetesVersion: version && typeof version !== 'string' ? version : fileConfig.kubernetesVersion,
    rules: { ...fileConfig.rules, ...settings.rules },
    trustedRegistries: [...new Set([...fileConfig.trustedRegistries, ...settings.trustedRegistries])],
  };
}

/** Is this absolute path excluded by the merged config (paths relative to the config's folder)? */
export function isPathExcluded(engine: EngineConfig, absolutePath: string): boolean {
  const relative = toPosix(path.relative(engine.dir, absolutePath));
  if (!relative.startsWith('../') && isExcluded(relative, engine.config)) return true;
  if (engine.settings.exclude.length === 0 || engine.folder === NO_FOLDER) return false;
  const inFolder = toPosix(path.relative(engine.folder, absolutePath));
  return !inFolder.startsWith('../') && picomatch.isMatch(inFolder, engine.settings.exclude, { dot: true });
}

export function relativeToConfig(engine: EngineConfig, absolutePath: string): string {
  return toPosix(path.relative(engine.dir, absolutePath));
}

/**
 * Reads `.palisade.yaml` once per folder and keeps it until the file changes on disk (the
 * server watches it), so no keystroke ever touches the disk for configuration.
 */
export class ConfigStore {
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();
  private readonly engines = new Map<string, EngineConfig>();

  /** `folder` is an absolute folder path: the workspace folder, or the file's folder when outside any. */
  load(folder: string): Promise<LoadedConfig> {
    let cached = this.loaded.get(folder);
    if (!cached) {
      cached = folder === NO_FOLDER ? Promise.resolve({ dir: process.cwd(), config: defaultConfig(), errors: [] }) : loadNearestConfig(folder, RULE_IDS, folder);
      this.loaded.set(folder, cached);
    }
    return cached;
  }

  async engineFor(folder: string, settings: EditorSettings): Promise<EngineConfig> {
    const loaded = await this.load(folder);
    // An invalid config is reported on the config file and not applied (the defaults are).
    const fileConfig = loaded.errors.length > 0 ? defaultConfig() : loaded.config;
    const key = `${folder}\u0000${JSON.stringify(settings)}`;
    const cached = this.engines.get(key);
    if (cached) return cached;
    const config = mergeSettings(fileConfig, settings);
    const options: AnalyzeOptions = { kubernetesVersion: config.kubernetesVersion, trustedRegistries: config.trustedRegistries };
    const engine: EngineConfig = {
      settings,
      config,
      dir: loaded.dir,
      folder,
      configFile: loaded.file,
      rules: resolveRules(RULES, config),
      options,
      dockerfileOptions: { ...options, language: 'dockerfile' },
    };
    this.engines.set(key, engine);
    return engine;
  }

  /** Every config file loaded so far with its problems (to publish them on the file). */
  async problems(): Promise<Map<string, ConfigProblem[]>> {
    const out = new Map<string, ConfigProblem[]>();
    for (const loaded of await Promise.all(this.loaded.values())) {
      if (loaded.file) out.set(loaded.file, loaded.errors);
    }
    return out;
  }

  /** Forget everything: a config file appeared, changed or disappeared, or settings changed. */
  clear(): void {
    this.loaded.clear();
    this.engines.clear();
  }
}

