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
