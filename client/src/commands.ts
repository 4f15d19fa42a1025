/**
 * The palette commands. Each one gathers what the user wants (the file, a format, a path) and
 * hands the work to the server with `workspace/executeCommand`; nothing is analysed here.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, DOCUMENT_SELECTOR, SERVER_COMMANDS } from './constants';

interface ReportFormat extends vscode.QuickPickItem {
  format: 'sarif' | 'json' | 'text';
  extension: string;
}

const REPORT_FORMATS: readonly ReportFormat[] = [
  { label: 'SARIF', description: 'for code scanning dashboards', format: 'sarif', extension: 'sarif' },
  { label: 'JSON', description: 'one entry per finding', format: 'json', extension: 'json' },
  { label: 'Text', description: 'readable summary', format: 'text', extension: 'txt' },
];

export function registerCommands(client: LanguageClient, output: vscode.LogOutputChannel): vscode.Disposable[] {
  const run = (command: string, args: unknown[]) => executeOnServer(client, output, command, args);
  return [
    vscode.commands.registerCommand(CLIENT_COMMANDS.scanWorkspace, () => scanWorkspace(run)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.fixAll, () => fixAll(run)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.exportReport, (target?: vscode.Uri, format?: string) => exportReport(run, target, format)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.restartServer, () => restart(client, output)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showOutput, () => output.show(true)),
  ];
}

type ServerCall = (command: string, args: unknown[]) => Promise<unknown>;

async function executeOnServer(client: LanguageClient, output: vscode.LogOutputChannel, command: string, args: unknown[]): Promise<unknown> {
  if (!client.isRunning()) {
    void vscode.window.showWarningMessage('The Palisade server is not running. Run "Palisade: Restart Server".');
    return undefined;
  }
  try {
    return await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  } catch (error) {
    output.error(`${command} failed`, error);
    void vscode.window.showErrorMessage(`Palisade: ${command} failed: ${errorMessage(error)}`);
    return undefined;
  }
}

/** What the server's scan returns (a subset: the counts shown to the user). */
interface ScanSummary {
  files: number;
  findings: number;
  cancelled?: boolean;
}

async function scanWorkspace(run: ServerCall): Promise<unknown> {
  const summary = (await run(SERVER_COMMANDS.scanWorkspace, [])) as ScanSummary | undefined;
  if (summary && typeof summary.files === 'number') {
    const verb = summary.cancelled ? 'Scan cancelled after' : 'Scanned';
    void vscode.window.showInformationMessage(`Palisade: ${verb} ${plural(summary.files, 'file')}, ${plural(summary.findings, 'problem')} found.`);
  }
  return summary;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

async function fixAll(run: ServerCall): Promise<unknown> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || vscode.languages.match([...DOCUMENT_SELECTOR], document) === 0) {
    void vscode.window.showInformationMessage('Palisade: open a Kubernetes manifest or a Dockerfile to fix its problems.');
    return undefined;
  }
  return run(SERVER_COMMANDS.fixAll, [{ uri: document.uri.toString(), version: document.version }]);
}

/** Arguments are for scripts and tests; the palette asks for both. */
async function exportReport(run: ServerCall, target?: vscode.Uri, formatArg?: string): Promise<unknown> {
  const format = REPORT_FORMATS.find((f) => f.format === formatArg) ?? (await vscode.window.showQuickPick(REPORT_FORMATS, { title: 'Palisade: report format' }));
  if (!format) return undefined;
  const destination = target ?? (await vscode.window.showSaveDialog({
    title: 'Palisade: save report',
    defaultUri: defaultReportUri(format.extension),
    filters: { [format.label]: [format.extension] },
  }));
  if (!destination) return undefined;
  const result = await run(SERVER_COMMANDS.exportReport, [{ format: format.format, uri: destination.toString() }]);
  if (result !== undefined && !target) void vscode.window.showInformationMessage(`Palisade: report saved to ${vscode.workspace.asRelativePath(destination)}.`);
  return result;
}

function defaultReportUri(extension: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, `palisade-report.${extension}`);
}

async function restart(client: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  output.info('Restarting the Palisade server');
  try {
    await client.restart();
  } catch (error) {
    output.error('Restart failed', error);
    void vscode.window.showErrorMessage(`Palisade: the server did not restart: ${errorMessage(error)}`);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
