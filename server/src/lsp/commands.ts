/**
 * `workspace/executeCommand`: palisade.fixAll, palisade.scanWorkspace, palisade.exportReport.
 * (Restarting the server is the client's job.)
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CancellationToken, ExecuteCommandParams } from 'vscode-languageserver/node';
import { formatJson } from '../formats/json';
import { formatSarif } from '../formats/sarif';
import { formatText } from '../formats/text';
import type { ScanResult } from '../workspace/scan';
import { fixAllEdit, versionedEdit } from './code-actions';
import { uriToPath } from './uris';
import { scanWorkspace, type ScanContext, type WorkspaceScanSummary } from './workspace-scan';

export const SERVER_COMMANDS = {
  fixAll: 'palisade.fixAll',
  scanWorkspace: 'palisade.scanWorkspace',
  exportReport: 'palisade.exportReport',
} as const;

export type ReportFormat = 'sarif' | 'json' | 'text';

export async function executeCommand(ctx: ScanContext, params: ExecuteCommandParams, token: CancellationToken): Promise<unknown> {
  const arg = (params.arguments?.[0] ?? {}) as Record<string, unknown>;
  switch (params.command) {
    case SERVER_COMMANDS.fixAll:
      return fixAllCommand(ctx, typeof params.arguments?.[0] === 'string' ? params.arguments[0] : String(arg.uri ?? ''));
    case SERVER_COMMANDS.scanWorkspace:
      return (await scanWorkspace(ctx, token)).summary;
    case SERVER_COMMANDS.exportReport: {
      const format = String(params.arguments?.[0] && typeof params.arguments[0] === 'string' ? params.arguments[0] : arg.format ?? 'sarif');
      const target = typeof params.arguments?.[1] === 'string' ? params.arguments[1] : String(arg.path ?? arg.uri ?? '');
      return exportReport(ctx, format, target, token);
    }
    default:
      throw new Error(`Unknown command ${params.command}`);
  }
}

async function fixAllCommand(ctx: ScanContext, uri: string): Promise<{ applied: boolean }> {
  const published = await ctx.validator.flush(uri);
  if (!published || published.version === undefined) return { applied: false };
  const edit = fixAllEdit(uri, published, ctx.validator);
  if (!edit) return { applied: false };
  const result = await ctx.connection.workspace.applyEdit({ label: 'Palisade: fix all', edit: versionedEdit(uri, published, [edit]) });
  return { applied: result.applied };
}

export function formatReport(format: ReportFormat, result: ScanResult): string {
  switch (format) {
    case 'sarif':
      return formatSarif(result);
    case 'json':
      return formatJson(result);
    case 'text':
      return formatText(result, { color: false, showSuppressed: true });
  }
}

async function exportReport(
  ctx: ScanContext,
  format: string,
  target: string,
  token: CancellationToken,
): Promise<{ path: string; format: ReportFormat; summary: WorkspaceScanSummary }> {
  if (format !== 'sarif' && format !== 'json' && format !== 'text') throw new Error(`Unknown report format "${format}": use sarif, json or text.`);
  const file = target.startsWith('file:') ? uriToPath(target) : target;
  if (!file || !path.isAbsolute(file)) throw new Error('exportReport needs an absolute path or file URI to write the report to.');
  const { summary, result } = await scanWorkspace(ctx, token);
  if (summary.cancelled) throw new Error('The scan was cancelled; no report was written.');
  await fs.writeFile(file, formatReport(format, result), 'utf8');
  ctx.connection.console.info(`Palisade: ${format} report written to ${file}`);
  return { path: file, format, summary };
}
