/**
 * Finds the files a scan analyses. Shared by the CLI and the language server's workspace scan.
 *
 * - Folders are walked recursively; files are kept when the engine knows their language
 *   (`languageOf` in the engine: `*.yaml`, `*.yml`, and the Dockerfile names), so the
 *   set of scanned names lives in one place.
 * - `.gitignore` files are honoured, nested ones too, plus those of the folders above a scanned
 *   folder up to the git root (git applies them as well). `node_modules` and `.git` are skipped.
 * - The config's `exclude` globs are matched against paths relative to the config's folder. A
 *   folder that matches is skipped whole, like an ignored folder in git.
 * - Symbolic links are followed, but a folder is never entered twice, so link loops end.
 * - A folder or file that cannot be read produces a warning and the walk goes on.
 *
 * Files named explicitly are scanned whatever their name and `.gitignore` say (the user asked
 * for them); only the config's `exclude` applies to them, because it is the team's policy.
 */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageOf } from '../../../rules/engine/analyze';
import { CONFIG_FILE_NAMES } from '../../../rules/engine/config';

/** Folders never worth entering: dependencies and git's own data. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** Is this file name one the scan analyses? Config files are settings, not manifests. */
export function isScannedFileName(name: string): boolean {
  if ((CONFIG_FILE_NAMES as readonly string[]).includes(name)) return false;
  return languageOf(name) !== undefined;
}

export interface WalkOptions {
  /** Exclusion test for a path relative to the config's folder (forward slashes). */
  isExcluded?: (absolutePath: string) => boolean;
  /** Called for every folder or file that cannot be read; the walk goes on. */
  onWarning?: (message: string) => void;
  /** Stops the walk early (language server cancellation). */
  signal?: AbortSignal;
  /** How warnings name a path (e.g. relative to the cwd); absolute by default. */
  displayPath?: (absolutePath: string) => string;
}

/** A folder's .gitignore rules, matched against paths relative to that folder. */
interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

/**
 * Yields the absolute path of every file to scan under the given roots, in a stable order
 * (roots as given, then entries by name). Throws only when a root itself does not exist.
 */
export async function* walk(roots: readonly string[], options: WalkOptions = {}): AsyncGenerator<string> {
  const seenFolders = new Set<string>();
  const seenFiles = new Set<string>();
  for (const root of roots) {
    const absolute = path.resolve(root);
    const stat = await fs.stat(absolute);
    if (stat.isDirectory()) {
      const layers = await ancestorIgnoreLayers(absolute, options);
      yield* walkFolder(absolute, layers, seenFolders, seenFiles, options);
    } else if (!options.isExcluded?.(absolute)) {
      const real = await fs.realpath(absolute);
      if (seenFiles.has(real)) continue;
      seenFiles.add(real);
      yield absolute;
    }
  }
}

async function* walkFolder(
  dir: string,
  layers: readonly IgnoreLayer[],
  seenFolders: Set<string>,
  seenFiles: Set<string>,
  options: WalkOptions,
): AsyncGenerator<string> {
  if (options.signal?.aborted) return;
  const real = await realpathOrWarn(dir, options);
  if (real === undefined || seenFolders.has(real)) return;
  seenFolders.add(real);
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    options.onWarning?.(`cannot read folder ${show(dir, options)}: ${describeError(error)}; skipped`);
    return;
  }
  const own = await readIgnoreLayer(dir, options);
  const active = own ? [...layers, own] : layers;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const kind = await entryKind(entry, full, options);
    if (kind === 'folder') {
      if (SKIPPED_FOLDERS.has(entry.name) || isIgnored(full, true, active) || options.isExcluded?.(full)) continue;
      yield* walkFolder(full, active, seenFolders, seenFiles, options);
    } else if (kind === 'file') {
      if (!isScannedFileName(entry.name) || isIgnored(full, false, active) || options.isExcluded?.(full)) continue;
      const realFile = (await realpathOrWarn(full, options)) ?? full;
      if (seenFiles.has(realFile)) continue;
      seenFiles.add(realFile);
      yield full;
    }
  }
}

/** Resolves symbolic links; a dangling link is neither a file nor a folder. */
async function entryKind(entry: Dirent, full: string, options: WalkOptions): Promise<'file' | 'folder' | 'other'> {
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return 'other';
  try {
    const target = await fs.stat(full);
    return target.isDirectory() ? 'folder' : target.isFile() ? 'file' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.onWarning?.(`cannot follow link ${show(full, options)}: ${describeError(error)}; skipped`);
    return 'other';
  }
}

async function realpathOrWarn(p: string, options: WalkOptions): Promise<string | undefined> {
  try {
    return await fs.realpath(p);
  } catch (error) {
    options.onWarning?.(`cannot resolve ${show(p, options)}: ${describeError(error)}; skipped`);
    return undefined;
  }
}

/**
 * Git semantics: the deepest .gitignore that has a say wins, so a nested `!pattern` can
 * re-include what a parent excluded (but nothing inside an excluded folder, which is never entered).
 */
function isIgnored(full: string, isFolder: boolean, layers: readonly IgnoreLayer[]): boolean {
  let ignored = false;
  for (const layer of layers) {
    const relative = toPosix(path.relative(layer.dir, full)) + (isFolder ? '/' : '');
    const verdict = layer.rules.test(relative);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

async function readIgnoreLayer(dir: string, options: WalkOptions): Promise<IgnoreLayer | undefined> {
  const file = path.join(dir, '.gitignore');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') options.onWarning?.(`cannot read ${show(file, options)}: ${describeError(error)}; its rules are not applied`);
    return undefined;
  }
  return { dir, rules: ignore().add(text) };
}

/** The .gitignore files of the folders above `dir`, from the git root down (none outside git). */
async function ancestorIgnoreLayers(dir: string, options: WalkOptions): Promise<IgnoreLayer[]> {
  const gitRoot = await findGitRoot(dir);
  if (gitRoot === undefined || gitRoot === dir) return [];
  const chain: string[] = [];
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    chain.unshift(current);
    if (current === gitRoot) break;
  }
  const layers: IgnoreLayer[] = [];
  for (const folder of chain) {
    const layer = await readIgnoreLayer(folder, options);
    if (layer) layers.push(layer);
  }
  return layers;
}

/** The nearest folder at or above `dir` that holds a `.git` folder or file (worktrees). */
export async function findGitRoot(dir: string): Promise<string | undefined> {
  for (let current = path.resolve(dir); ; ) {
    if (await isGitRoot(current)) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Does `dir` hold a `.git` folder or file (a worktree)? */
export function isGitRoot(dir: string): Promise<boolean> {
  return exists(path.join(dir, '.git'));
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

function show(absolutePath: string, options: WalkOptions): string {
  return options.displayPath ? options.displayPath(absolutePath) : absolutePath;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** "permission denied (EACCES)" rather than a stack or a raw errno line. */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or folder',
    ELOOP: 'too many levels of symbolic links',
    EISDIR: 'it is a folder',
    ENOTDIR: 'not a folder',
    EMFILE: 'too many open files',
  };
  if (e && typeof e.code === 'string') return known[e.code] ? `${known[e.code]} (${e.code})` : e.code;
  return error instanceof Error ? error.message : String(error);
}
