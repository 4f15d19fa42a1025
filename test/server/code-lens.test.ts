import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, type CodeLens } from 'vscode-languageserver/node';
import { LspClient, rangeTuple } from '../harness/lsp-client';
import { buildServer, tempFolder } from './helpers';

const REVEAL = 'palisade.revealRejectedWorkload';

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

const NAMESPACE = yaml(
  'apiVersion: v1',
  'kind: Namespace',
  'metadata:',
  '  name: shop',
  '  labels:',
  '    pod-security.kubernetes.io/enforce: baseline',
  '    pod-security.kubernetes.io/warn: restricted',
);

/** A Pod of namespace `shop` (or another) whose container sets the given securityContext lines. */
function pod(name: string, securityContext: string[], namespace = 'shop'): string {
  return yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: registry.example.com/app:1.0',
    '      securityContext:',
    ...securityContext.map((line) => `        ${line}`),
  );
}

/** Passes the restricted level. */
const HARDENED = yaml(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: hardened',
  '  namespace: shop',
  'spec:',
  '  selector:',
  '    matchLabels: {app: hardened}',
  '  template:',
  '    metadata:',
  '      labels: {app: hardened}',
  '    spec:',
  '      securityContext:',
  '        runAsNonRoot: true',
  '        seccompProfile: {type: RuntimeDefault}',
  '      containers:',
  '        - name: app',
  '          image: registry.example.com/app:1.0',
  '          securityContext:',
  '            allowPrivilegeEscalation: false',
  '            capabilities: {drop: [ALL]}',
);

/** Fails baseline (privileged), so the baseline namespace rejects it. */
const PRIVILEGED = pod('privileged', ['privileged: true']);
/** Passes baseline, fails restricted. */
const ESCALATING = pod('escalating', ['allowPrivilegeEscalation: true']);
/** Fails baseline, but in another namespace: never counted for `shop`. */
const ELSEWHERE = pod('elsewhere', ['privileged: true'], 'other');

type LensTuple = [[number, number, number, number], string, string, unknown[] | undefined];

function lensTuples(lenses: CodeLens[] | null): LensTuple[] {
  return (lenses ?? []).map((l) => [rangeTuple(l.range), l.command?.title ?? '', l.command?.command ?? '', l.command?.arguments]);
}

describe('language server: Pod Security Admission CodeLens', function () {
  this.timeout(60_000);
  let client: LspClient;
  const tmp = tempFolder();
  const write = (name: string, text: string) => writeFileSync(path.join(tmp.dir, name), text);
  const namespaceUri = tmp.uri('namespace.yaml');
  const privilegedUri = tmp.uri('privileged.yaml');
  const hardenedUri = tmp.uri('hardened.yaml');
  /** Where pod-security-admission-rejects reports a Pod or Deployment of these fixtures: the namespace value. */
  const namespaceValue: [number, number, number, number] = [4, 13, 4, 17];
  const at = ([l1, c1, l2, c2]: number[]) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
  const kindLine: [number, number, number, number] = [1, 6, 1, 15];

  /** Asks for the lenses until they are `expected` (the index catches up asynchronously), then compares. */
  async function expectLenses(uri: string, expected: LensTuple[]): Promise<void> {
    const deadline = Date.now() + 10_000;
    let last = lensTuples(await client.codeLenses(uri));
    while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      last = lensTuples(await client.codeLenses(uri));
    }
    assert.deepEqual(last, expected);
  }

  before(async () => {
    buildServer();
    write('namespace.yaml', NAMESPACE);
    write('privileged.yaml', PRIVILEGED);
    write('hardened.yaml', HARDENED);
    write('escalating.yaml', ESCALATING);
    write('elsewhere.yaml', ELSEWHERE);
    client = await LspClient.start({ workspaceFolders: [tmp.folderUri] });
  });
  after(async () => {
    await client.stop();
    tmp.dispose();
  });

  it('summarises the namespace on its kind line; the lens reveals the first rejected workload', async () => {
    await client.open(namespaceUri, NAMESPACE, 1);
    const reveal = { uri: privilegedUri, range: at(namespaceValue) };
    await expectLenses(namespaceUri, [
      [kindLine, 'Pod Security Admission (baseline, latest): 1 of 3 workloads would be rejected; warn (restricted, latest) flags 2', REVEAL, [reveal]],
    ]);
    const result = await client.executeCommand(REVEAL, reveal);
    assert.deepEqual(result, { shown: true });
    assert.deepEqual(client.shownDocuments, [{ uri: privilegedUri, selection: at(namespaceValue), takeFocus: true }]);
  });

  it('follows an unsaved edit of another open file, and asks the client to refresh', async () => {
    const refreshes = client.codeLensRefreshes;
    await client.open(privilegedUri, PRIVILEGED, 1);
    await client.change(privilegedUri, 2, [{ range: at([10, 20, 10, 24]), text: 'false' }]);
    await client.diagnosticsFor(privilegedUri, 2);
    await client.waitFor('a code lens refresh', () => client.codeLensRefreshes > refreshes);
    // The pod now passes baseline (nothing to reveal) but still fails restricted.
    await expectLenses(namespaceUri, [[kindLine, 'Pod Security Admission (baseline, latest): 0 of 3 workloads would be rejected; warn (restricted, latest) flags 2', '', undefined]]);
  });

  it('follows a workload file changed on disk', async () => {
    const refreshes = client.codeLensRefreshes;
    write('hardened.yaml', HARDENED.replace('      securityContext:\n        runAsNonRoot', '      hostNetwork: true\n      securityContext:\n        runAsNonRoot'));
    await client.filesChanged([{ uri: hardenedUri, type: FileChangeType.Changed }]);
    await client.waitFor('a code lens refresh', () => client.codeLensRefreshes > refreshes);
    await expectLenses(namespaceUri, [
      [
        kindLine,
        'Pod Security Admission (baseline, latest): 1 of 3 workloads would be rejected; warn (restricted, latest) flags 3',
        REVEAL,
        [{ uri: hardenedUri, range: at(namespaceValue) }],
      ],
    ]);
  });

  it('reads the Namespace buffer as typed: level, version and an invalid level', async () => {
    const typed = yaml(
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: shop',
      '  labels:',
      '    pod-security.kubernetes.io/enforce: restricted',
      '    pod-security.kubernetes.io/enforce-version: v1.30',
      '---',
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: other',
      '  labels:',
      '    pod-security.kubernetes.io/enforce: strict',
      '---',
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: unlabelled',
    );
    // One request, no wait: the lens request itself must see the edit still in its debounce.
    await client.change(namespaceUri, 2, [{ text: typed }]);
    assert.deepEqual(lensTuples(await client.codeLenses(namespaceUri)), [
      // The first rejected workload by file name.
      [kindLine, 'Pod Security Admission (restricted, v1.30): 3 of 3 workloads would be rejected', REVEAL, [{ uri: tmp.uri('escalating.yaml'), range: at(namespaceValue) }]],
      [[9, 6, 9, 15], 'Pod Security Admission: "strict" is not a Pod Security level, so nothing is enforced', '', undefined],
    ]);
  });

  it('gives no lens to documents without a labelled Namespace', async () => {
    assert.deepEqual(await client.codeLenses(privilegedUri), []);
    const empty = tmp.uri('empty-namespace.yaml');
    await client.open(empty, yaml('apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: quiet', '  labels:', '    pod-security.kubernetes.io/enforce: restricted'), 1);
    assert.deepEqual(lensTuples(await client.codeLenses(empty)), [[kindLine, 'Pod Security Admission (restricted, latest): no workload of namespace "quiet" in the workspace', '', undefined]]);
  });
});
