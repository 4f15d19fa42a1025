/**
 * `.palisade.yaml` problems, published on the config file itself: what was loaded from disk
 * (and is or is not applied), or, while the file is open, its buffer as it is typed.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseConfig } from '../../../rules/engine/config';
import { RULE_IDS } from '../../../rules/index';
import { configProblemDiagnostic } from './diagnostics';
import type { ConfigStore } from './engine-config';
import { pathToUri, uriToPath, type WorkspaceFolders } from './uris';

export class ConfigDiagnostics {
  private shown = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configs: ConfigStore,
    private readonly folders: WorkspaceFolders,
  ) {}

  /** Problems of every config file in use; files whose problems are gone get an empty list. */
  async publishLoaded(): Promise<void> {
    await Promise.all(this.folders.all().map((f) => this.configs.load(f)));
    const now = new Set<string>();
    for (const [file, problems] of await this.configs.problems()) {
      const uri = this.uriFor(file);
      now.add(uri);
      if (this.documents.get(uri)) continue; // the open buffer's own problems are shown instead
      void this.connection.sendDiagnostics({ uri, diagnostics: problems.map(configProblemDiagnostic) });
    }
    for (const uri of this.shown) {
      if (!now.has(uri) && !this.documents.get(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.shown = now;
  }

  /** An open config file is checked as it is typed, before it is saved and applied. */
  publishBuffer(doc: TextDocument): void {
    const { errors } = parseConfig(doc.getText(), RULE_IDS);
    const file = uriToPath(doc.uri) ?? doc.uri;
    this.shown.add(doc.uri);
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: errors.map((e) => configProblemDiagnostic({ file, ...e })) });
  }

  private uriFor(file: string): string {
    return this.documents.all().find((d) => uriToPath(d.uri) === file)?.uri ?? pathToUri(file);
  }
}
