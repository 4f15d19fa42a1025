import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { TextDocumentEdit } from 'vscode-languageserver/node';
import { applyTextEdits, LspClient, rangeTuple, SERVER_PATH } from '../harness/lsp-client';
import { BASELINE, buildServer, PRIVILEGED_POD, tempFolder } from './helpers';

describe('language server: transports and documents', function () {
  this.timeout(60_000);
  const tmp = tempFolder();
  after(() => tmp.dispose());

  it('serves over Node IPC (--node-ipc), as the VS Code client starts it', async () => {
    buildServer();
    const client = await LspClient.start({ transport: 'ipc', settings: BASELINE });
    try {
      const uri = tmp.uri('ipc.yaml');
      await client.open(uri, PRIVILEGED_POD, 1);
      assert.deepEqual((await client.diagnosticsFor(uri, 1)).map((d) => d.code), ['privileged-container']);
    } finally {
      await client.stop();
    }
  });

  /** A raw stdio server: the requests are framed by hand, so nothing of the harness hides an exit. */
  function rawServer() {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const send = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    const responseTo = async (id: number) => {
      while (!output.includes(`"id":${id}`)) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    return { child, send, responseTo };
  }

  it('exits with an error when the client closes stdin without shutting it down, and cleanly after a shutdown', async () => {
    buildServer();
    const orphaned = rawServer();
    orphaned.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    await orphaned.responseTo(1);
    orphaned.child.stdin.end();
    assert.deepEqual(await once(orphaned.child, 'exit'), [1, null]);

    const polite = rawServer();
    polite.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    await polite.responseTo(1);
    polite.send({ id: 2, method: 'shutdown' });
    await polite.responseTo(2);
    polite.child.stdin.end();
    assert.deepEqual(await once(polite.child, 'exit'), [0, null]);
  });

  it('analyses untitled YAML buffers, with the default policy when no folder is open', async () => {
    buildServer();
    const client = await LspClient.start({ settings: BASELINE });
    try {
      const uri = 'untitled:Untitled-1';
      await client.open(uri, PRIVILEGED_POD, 3);
      assert.deepEqual((await client.diagnosticsFor(uri, 3)).map((d) => d.code), ['privileged-container']);
    } finally {
      await client.stop();
    }
  });

  it('analyses Dockerfiles by language id, with the line suppression quick fix', async () => {
    buildServer();
    const client = await LspClient.start({ settings: { '*': { profile: 'recommended' } } });
    try {
      const uri = tmp.uri('Dockerfile');
      const text = 'FROM ubuntu:latest\nUSER 10001\n';
      await client.open(uri, text, 1, 'dockerfile');
      const latest = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'base-image-latest')!;
      assert.deepEqual([rangeTuple(latest.range), latest.severity], [[0, 5, 0, 18], 2]);
      const actions = await client.codeActions(uri, latest.range, [latest]);
      const ignore = actions.find((a) => a.title === 'Ignore base-image-latest for this line')!;
      assert.equal(actions.some((a) => a.title.endsWith('for this object')), false, 'a Dockerfile has no object to annotate');
      const edited = applyTextEdits(text, (ignore.edit!.documentChanges![0] as TextDocumentEdit).edits as never);
      assert.equal(edited, '# palisade-ignore base-image-latest\nFROM ubuntu:latest\nUSER 10001\n');
      await client.change(uri, 2, [{ text: edited }]);
      assert.equal((await client.diagnosticsFor(uri, 2)).some((d) => d.code === 'base-image-latest'), false);
    } finally {
      await client.stop();
    }
  });

  it('offers a rule fix as the preferred quick fix, in source.fixAll.palisade and through palisade.fixAll', async () => {
    buildServer();
    const client = await LspClient.start({ settings: { '*': { profile: 'recommended' } } });
    try {
      const uri = tmp.uri('app.dockerfile');
      const text = 'FROM alpine:3.20\nADD config.json /etc/app/\nUSER 10001\n';
      const fixed = 'FROM alpine:3.20\nCOPY config.json /etc/app/\nUSER 10001\n';
      await client.open(uri, text, 1, 'dockerfile');
      const add = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'add-instead-of-copy')!;
      assert.equal(add.data, undefined, 'no data: code actions find the finding by rule and range');
      const actions = await client.codeActions(uri, add.range, [add]);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.deepEqual(preferred.map((a) => a.title), ['Replace ADD with COPY']);
      const editOf = (a: (typeof actions)[number]) => applyTextEdits(text, (a.edit!.documentChanges![0] as TextDocumentEdit).edits as never);
      assert.equal(editOf(preferred[0]), fixed);

      const [fixAll] = await client.codeActions(uri, add.range, [], ['source.fixAll.palisade']);
      assert.deepEqual([fixAll.kind, editOf(fixAll)], ['source.fixAll.palisade', fixed]);

      assert.deepEqual(await client.executeCommand('palisade.fixAll', { uri, version: 1 }), { applied: true });
      const applied = client.appliedEdits.at(-1)!.edit.documentChanges![0] as TextDocumentEdit;
      assert.deepEqual([applied.textDocument.version, applyTextEdits(text, applied.edits as never)], [1, fixed]);
    } finally {
      await client.stop();
    }
  });
});
