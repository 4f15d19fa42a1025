import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePalisade, EXTENSION_ID } from './helpers';

describe('activation', () => {
  it('activates and starts the language server', async () => {
    await activatePalisade();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('registers the palette commands and the server commands', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    const expected = [
      'palisade.commands.scanWorkspace',
      'palisade.commands.fixAll',
      'palisade.commands.exportReport',
      'palisade.commands.restartServer',
      'palisade.commands.showOutputChannel',
      // Registered by vscode-languageclient from the server's executeCommandProvider.
      'palisade.scanWorkspace',
      'palisade.fixAll',
      'palisade.exportReport',
    ];
    assert.deepEqual(expected.filter((c) => !commands.has(c)), []);
  });
});
