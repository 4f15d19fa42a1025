/**
 * Files changed outside the editor (`workspace/didChangeWatchedFiles`): manifests keep the index
 * current, and a `.palisade.yaml` change re-applies the policy everywhere.
 */
import { FileChangeType, type DidChangeWatchedFilesParams, type FileSystemWatcher } from 'vscode-languageserver/node';
import { languageOf } from '../../../rules/engine/analyze';
import { CONFIG_FILE_NAMES } from '../../../rules/engine/config';
import { uriToPath } from './uris';
import { isConfigFile, newBatch, readText } from './validator';
import type { ScanContext } from './workspace-scan';

export const WATCHERS: FileSystemWatcher[] = [
  { globPattern: '**/*.{yaml,yml}' },
  { globPattern: '**/{Dockerfile,Dockerfile.*,Containerfile,Containerfile.*,*.dockerfile,*.containerfile}' },
  ...CONFIG_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` })),
];

const NEVER_INDEXED = /[\\/](?:node_modules|\.git)[\\/]/;

export async function onWatchedFilesChanged(ctx: ScanContext, params: DidChangeWatchedFilesParams): Promise<void> {
  if (params.changes.some((c) => isConfigFile(c.uri))) {
    await ctx.validator.revalidateAll();
  }
  const batch = newBatch();
  for (const change of params.changes) {
    const file = uriToPath(change.uri);
    if (!file || isConfigFile(file) || !languageOf(file) || NEVER_INDEXED.test(file)) continue;
    if (ctx.documents.get(change.uri)) continue; // the open buffer wins over the disk
    if (change.type === FileChangeType.Deleted) {
      ctx.validator.forget(change.uri);
      continue;
    }
    if (ctx.folders.folderOf(file) === '') continue;
    const text = await readText(file);
    if (text === undefined) ctx.validator.forget(change.uri);
    else await ctx.validator.refreshFromDisk(change.uri, text, batch);
  }
  await ctx.validator.finishBatch(batch);
}
