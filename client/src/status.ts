/**
 * The language status item shown for YAML files and Dockerfiles: whether the server runs, how
 * many findings the current file has, and a link to scan the workspace.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, DIAGNOSTIC_SOURCE, DOCUMENT_SELECTOR } from './constants';

const STATE_TEXT: Record<State, string> = {
  [State.Starting]: 'Palisade: starting',
  [State.Running]: 'Palisade',
  [State.Stopped]: 'Palisade: stopped',
  [State.StartFailed]: 'Palisade: failed to start',
};

export class PalisadeStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('palisade.status', [...DOCUMENT_SELECTOR]);
  private readonly subscriptions: vscode.Disposable[] = [];
  private state: State = State.Stopped;

  constructor() {
    this.item.name = 'Palisade';
    this.item.command = { title: 'Scan Workspace', command: CLIENT_COMMANDS.scanWorkspace };
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.languages.onDidChangeDiagnostics(() => this.render()),
    );
    this.render();
  }

  /** Follows the client, including after `Restart Server` replaces it. */
  track(client: LanguageClient): vscode.Disposable {
    this.setState(client.state);
    return client.onDidChangeState((event) => this.setState(event.newState));
  }

  private setState(state: State): void {
    this.state = state;
    this.render();
  }

  private render(): void {
    this.item.text = STATE_TEXT[this.state];
    this.item.busy = this.state === State.Starting;
    this.item.severity = this.state === State.StartFailed ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    this.item.detail = this.state === State.Running ? describeFindings(vscode.window.activeTextEditor?.document) : undefined;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function describeFindings(document: vscode.TextDocument | undefined): string | undefined {
  if (!document) return undefined;
  const count = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
  if (count === 0) return 'no findings in this file';
  return count === 1 ? '1 finding in this file' : `${count} findings in this file`;
}
