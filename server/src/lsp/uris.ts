/** URI <-> path, and which workspace folder a file belongs to. */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

/** The same file whatever the client's percent-encoding (`%3A` vs `:`): compare by path. */
export function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = uriToPath(a);
  return pa !== undefined && pa === uriToPath(b);
}

/** The workspace folders (absolute paths), deepest match wins for nested folders. */
export class WorkspaceFolders {
  private folders: string[] = [];

  set(uris: readonly string[]): void {
    this.folders = uris.map(uriToPath).filter((p): p is string => p !== undefined);
  }

  add(uri: string): void {
    const p = uriToPath(uri);
    if (p && !this.folders.includes(p)) this.folders.push(p);
  }

  /** Removes a folder and returns its path (the group its files were indexed under). */
  remove(uri: string): string {
    const p = uriToPath(uri) ?? '';
    this.folders = this.folders.filter((f) => f !== p);
    return p;
  }

  all(): readonly string[] {
    return this.folders;
  }

  /** The folder holding the file, or '' when it lies outside every workspace folder. */
  folderOf(file: string): string {
    let best = '';
    for (const folder of this.folders) {
      const relative = path.relative(folder, file);
      const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
      if (inside && folder.length > best.length) best = folder;
    }
    return best;
  }
}
