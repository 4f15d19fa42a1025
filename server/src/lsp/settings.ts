/**
 * Editor settings (`palisade.*`), read per resource through `workspace/configuration` and
 * cached per URI until the client says they changed. Never kept in globals: two folders of a
 * multi-root workspace may use different profiles.
 */
import type { Connection } from 'vscode-languageserver/node';
import { isProfileName, type ProfileName } from '../../../rules/engine/profiles';
import { SEVERITIES, type Severity } from '../../../rules/engine/types';

export type RunMode = 'onType' | 'onSave';
export type RuleOverride = Severity | 'off';

export interface EditorSettings {
  enable: boolean;
  run: RunMode;
  /** Unset means: the profile of `.palisade.yaml`, else the default profile. */
  profile?: ProfileName;
  /** Unset means: the version of `.palisade.yaml`, else the latest. */
  kubernetesVersion?: string;
  rules: Record<string, RuleOverride>;
  exclude: string[];
  trustedRegistries: string[];
}

export const DEFAULT_SETTINGS: EditorSettings = {
  enable: true,
  run: 'onType',
  rules: {},
  exclude: [],
  trustedRegistries: [],
};

const OVERRIDES: readonly string[] = ['off', ...SEVERITIES];

/** Accepts whatever the client sent and keeps only well-formed values. */
export function normalizeSettings(raw: unknown): EditorSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const settings: EditorSettings = {
    enable: r.enable !== false,
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    rules: {},
    exclude: stringList(r.exclude),
    trustedRegistries: stringList(r.trustedRegistries),
  };
  if (isProfileName(r.profile)) settings.profile = r.profile;
  if (typeof r.kubernetesVersion === 'string' && r.kubernetesVersion.trim() !== '') settings.kubernetesVersion = r.kubernetesVersion.trim();
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && OVERRIDES.includes(value)) settings.rules[id] = value as RuleOverride;
    }
  }
  return settings;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** `files.exclude` is a map from glob to true/false (or a `when` clause, which we treat as on). */
export function enabledGlobs(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>)
    .filter(([, on]) => on === true || (typeof on === 'object' && on !== null))
    .map(([glob]) => glob);
}

/** Per-resource cache of the client's answers; cleared on `didChangeConfiguration`. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<EditorSettings>>();
  private readonly filesExclude = new Map<string, Promise<string[]>>();
  supportsConfiguration = false;
  /**
   * For clients without `workspace/configuration`: the `palisade` section they pushed
   * (initializationOptions or didChangeConfiguration), applied to every resource.
   */
  pushed: unknown;

  constructor(private readonly connection: Connection) {}

  get(scopeUri: string): Promise<EditorSettings> {
    let cached = this.cache.get(scopeUri);
    if (!cached) {
      cached = this.fetch(scopeUri, 'palisade').then(normalizeSettings);
      this.cache.set(scopeUri, cached);
    }
    return cached;
  }

  /** The `files.exclude` globs for a folder (the workspace scan honours them). */
  getFilesExclude(scopeUri: string): Promise<string[]> {
    let cached = this.filesExclude.get(scopeUri);
    if (!cached) {
      cached = this.fetch(scopeUri, 'files.exclude').then(enabledGlobs);
      this.filesExclude.set(scopeUri, cached);
    }
    return cached;
  }

  clear(): void {
    this.cache.clear();
    this.filesExclude.clear();
  }

  private async fetch(scopeUri: string, section: string): Promise<unknown> {
    if (!this.supportsConfiguration) return section === 'palisade' ? this.pushed : undefined;
    try {
      return await this.connection.workspace.getConfiguration({ scopeUri, section });
    } catch {
      // A client that fails the request gets the defaults rather than no diagnostics.
      return undefined;
    }
  }
}
