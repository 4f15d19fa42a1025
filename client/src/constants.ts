/** Identifiers shared by the manifest (package.json), the client and the extension tests. */

export const OUTPUT_CHANNEL_NAME = 'Palisade';

/** Commands the client contributes (package.json `contributes.commands`). */
export const CLIENT_COMMANDS = {
  scanWorkspace: 'palisade.commands.scanWorkspace',
  fixAll: 'palisade.commands.fixAll',
  exportReport: 'palisade.commands.exportReport',
  restartServer: 'palisade.commands.restartServer',
  showOutput: 'palisade.commands.showOutputChannel',
} as const;

/**
 * Commands the language server executes (`workspace/executeCommand`). vscode-languageclient
 * registers these ids as VS Code commands itself, which is why the client's own commands use
 * different ids: registering the same id twice makes the client fail to start.
 */
export const SERVER_COMMANDS = {
  scanWorkspace: 'palisade.scanWorkspace',
  fixAll: 'palisade.fixAll',
  exportReport: 'palisade.exportReport',
} as const;

export const DIAGNOSTIC_SOURCE = 'palisade';

/**
 * The file names the server analyses as Dockerfiles (`languageOf` in rules/engine/analyze.ts),
 * for editors that have no `dockerfile` language: the server then goes by the name.
 */
export const DOCKERFILE_PATTERN = '**/{Dockerfile,Dockerfile.*,Containerfile,Containerfile.*,*.dockerfile,*.containerfile}';

/** The documents the client syncs to the server, and for which the status item is shown. */
export const DOCUMENT_SELECTOR = [
  { language: 'yaml', scheme: 'file' },
  { language: 'yaml', scheme: 'untitled' },
  { language: 'dockerfile', scheme: 'file' },
  { language: 'dockerfile', scheme: 'untitled' },
  { scheme: 'file', pattern: DOCKERFILE_PATTERN },
] as const;
