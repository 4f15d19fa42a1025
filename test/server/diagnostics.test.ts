import * as assert from 'node:assert/strict';
import { findMeta } from '../../rules/index';
import { debounceFor, DEBOUNCE_MS, IMMEDIATE_BELOW_MS, QUIET_BEFORE_MS } from '../../server/src/lsp/validator';
import { LspClient, rangeTuple } from '../harness/lsp-client';
import { BASELINE, buildServer, PRIVILEGED_MESSAGE, PRIVILEGED_POD, tempFolder } from './helpers';

const DOCS = 'https://github.com/palisade-dev/palisade/blob/main/docs/rules.md';

/** The text after one LSP content change (positions as LSP counts them; \n line breaks only here). */
function applyChange(text: string, change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  return text.slice(0, offset(change.range.start)) + change.text + text.slice(offset(change.range.end));
}

/** [code, severity, range] of each diagnostic: compact enough for one deepEqual. */
function summary(diagnostics: Array<{ code?: string | number; severity?: number; range: Parameters<typeof rangeTuple>[0] }>) {
  return diagnostics.map((d) => [d.code, d.severity, rangeTuple(d.range)]);
}

describe('language server: diagnostics', function () {
  this.timeout(60_000);
  let client: LspClient;
  const tmp = tempFolder();

  before(async () => {
    buildServer();
    client = await LspClient.start({ settings: BASELINE });
  });
  after(async () => {
    await client.stop();
    tmp.dispose();
  });

  it('publishes exact diagnostics for an insecure manifest on open', async () => {
    const uri = tmp.uri('pod.yaml');
    await client.open(uri, PRIVILEGED_POD, 1);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(diagnostics, [
      {
        range: { start: { line: 9, character: 20 }, end: { line: 9, character: 24 } },
        severity: 1,
        code: 'privileged-container',
        codeDescription: { href: `${DOCS}#privileged-container` },
        source: 'palisade',
        message: PRIVILEGED_MESSAGE,
      },
    ]);
  });

  it('follows incremental edits of the unsaved buffer, with the document version', async () => {
    const uri = tmp.uri('edited.yaml');
    await client.open(uri, PRIVILEGED_POD, 1);
    await client.diagnosticsFor(uri, 1);
    // Insert a label line under metadata: the finding moves down one line.
    await client.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '  labels: {app: web}\n' }]);
    assert.deepEqual(summary(await client.diagnosticsFor(uri, 2)), [['privileged-container', 1, [10, 20, 10, 24]]]);
    // Turn privileged off: the finding disappears.
    await client.change(uri, 3, [{ range: { start: { line: 10, character: 20 }, end: { line: 10, character: 24 } }, text: 'false' }]);
    assert.deepEqual(await client.diagnosticsFor(uri, 3), []);
  });

  it('follows bursts of edits: versions are published in order and the newest one last', async () => {
    const uri = tmp.uri('burst.yaml');
    await client.open(uri, PRIVILEGED_POD, 1);
    await client.diagnosticsFor(uri, 1);
    for (let version = 2; version <= 5; version++) {
      await client.change(uri, version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edit\n' }]);
    }
    assert.deepEqual(summary(await client.diagnosticsFor(uri, 5)), [['privileged-container', 1, [13, 20, 13, 24]]]);
    // A cheap file is analysed at once on each edit (see debounceFor): some versions may be
    // skipped, but none is published out of order or after the newest.
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    assert.equal(versions.at(-1), 5);
  });

  it('waits after a keystroke in proportion to what the last analysis cost', () => {
    assert.equal(debounceFor(undefined), DEBOUNCE_MS, 'a file never analysed waits the longest');
    assert.equal(debounceFor(3), 0);
    assert.equal(debounceFor(IMMEDIATE_BELOW_MS - 0.1), 0);
    assert.equal(debounceFor(IMMEDIATE_BELOW_MS), IMMEDIATE_BELOW_MS);
    assert.equal(debounceFor(60.2), 61);
    assert.equal(debounceFor(900), DEBOUNCE_MS);
    // Leading edge: the first change after a quiet moment runs at once, the rest of the burst waits.
    assert.equal(debounceFor(900, QUIET_BEFORE_MS), 0);
    assert.equal(debounceFor(900, Infinity), 0);
    assert.equal(debounceFor(900, QUIET_BEFORE_MS - 1), DEBOUNCE_MS);
    assert.equal(debounceFor(60.2, 120), 61);
    assert.equal(debounceFor(undefined, Infinity), DEBOUNCE_MS, 'still the longest before any analysis');
  });

  it('re-analyses only the edited document of a multi-document file and shifts the others', async () => {
    const uri = tmp.uri('multi.yaml');
    const second = PRIVILEGED_POD.replace('name: web', 'name: api');
    await client.open(uri, `${PRIVILEGED_POD}---\n${second}`, 1);
    assert.deepEqual(summary(await client.diagnosticsFor(uri, 1)), [
      ['privileged-container', 1, [9, 20, 9, 24]],
      ['privileged-container', 1, [20, 20, 20, 24]],
    ]);
    // Two lines more in the first document: the second document's finding moves by two lines.
    await client.change(uri, 2, [{ range: { start: { line: 3, character: 11 }, end: { line: 3, character: 11 } }, text: '\n  labels:\n    tier: web' }]);
    const after = await client.diagnosticsFor(uri, 2);
    assert.deepEqual(summary(after), [
      ['privileged-container', 1, [11, 20, 11, 24]],
      ['privileged-container', 1, [22, 20, 22, 24]],
    ]);
  });

  it('typing in a big document (re-parsed in part, cut and encoded from the last version): each version as a fresh open of its text', async () => {
    const containers = Array.from({ length: 240 }, (_, c) =>
      [`        - name: part-${c}`, `          image: registry.example.com/part-${c}:1.0.${c}`, '          env:', `            - {name: INDEX, value: "${c}"}`, `          securityContext: {privileged: ${c % 80 === 0}}`].join('\n'),
    );
    const big = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: big', 'spec:', '  template:', '    spec:', '      containers:', ...containers].join('\n');
    const text = `${PRIVILEGED_POD}---\n${big}\n`;
    assert.ok(big.length > 32 * 1024, 'big enough to be re-parsed in part');
    const uri = tmp.uri('typing.yaml');
    await client.open(uri, text, 1);
    await client.diagnosticsFor(uri, 1);
    const lines = text.split('\n');
    const tagLine = lines.findIndex((l) => l.includes('part-60:1.0.60'));
    const privilegedLine = lines.findIndex((l) => l.includes('privileged: true}') && l.startsWith('          '));
    const edits = [
      { range: { start: { line: tagLine, character: lines[tagLine].length }, end: { line: tagLine, character: lines[tagLine].length } }, text: '-rc' },
      { range: { start: { line: tagLine, character: lines[tagLine].length }, end: { line: tagLine, character: lines[tagLine].length + 3 } }, text: '-rc1' },
      { range: { start: { line: privilegedLine, character: 40 }, end: { line: privilegedLine, character: 44 } }, text: 'false' },
      { range: { start: { line: tagLine + 1, character: 0 }, end: { line: tagLine + 1, character: 0 } }, text: '          ports: [{containerPort: 80, hostPort: 80}]\n' },
    ];
    let current = text;
    for (const [i, edit] of edits.entries()) {
      await client.change(uri, i + 2, [edit]);
      current = applyChange(current, edit);
      const edited = await client.diagnosticsFor(uri, i + 2);
      const freshUri = tmp.uri(`typing-fresh-${i}.yaml`);
      await client.open(freshUri, current, 1);
      const fresh = await client.diagnosticsFor(freshUri, 1);
      assert.ok(fresh.length >= 3, `${fresh.length} diagnostics`);
      assert.deepEqual(JSON.parse(JSON.stringify(edited).split(uri).join(freshUri)), fresh, `after edit ${i + 1}`);
      await client.close(freshUri);
    }
    // Closed, so that later tests' settings changes do not re-analyse these big documents too.
    await client.close(uri);
  });

  it('gives non-Kubernetes YAML no diagnostics', async () => {
    const uri = tmp.uri('ci.yaml');
    await client.open(uri, 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    privileged: true\n  broken: [\n', 1);
    assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
  });

  it('explains a finding on hover, from the rule metadata', async () => {
    const uri = tmp.uri('pod.yaml');
    const hover = await client.hover(uri, 9, 22);
    const meta = findMeta('privileged-container')!;
    assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents);
    const value = hover.contents.value;
    assert.deepEqual(rangeTuple(hover.range!), [9, 20, 9, 24]);
    assert.equal(
      value.split('\n\n').slice(0, 4).join('\n\n'),
      [
        `**Privileged container** ([\`privileged-container\`](${DOCS}#privileged-container), error)`,
        `> ${PRIVILEGED_MESSAGE}`,
        `**Why:** ${meta.description}`,
        `**Fix:** ${meta.remediation}`,
      ].join('\n\n'),
    );
    assert.match(value, /\*\*References:\*\* Pod Security Standards baseline: Privileged Containers · CIS 5\.2\.2 · NSA\/CISA 1\.2 · kube-linter `privileged-container` · Checkov `CKV_K8S_16` · Trivy `KSV017`/);
    assert.equal(await client.hover(uri, 0, 2), null);
  });

  it('applies settings changes: rule off, severity override, profile', async () => {
    const uri = tmp.uri('settings.yaml');
    await client.open(uri, PRIVILEGED_POD, 1);
    assert.deepEqual(summary(await client.diagnosticsFor(uri, 1)), [['privileged-container', 1, [9, 20, 9, 24]]]);
    const published = () => client.published.length;

    let before = published();
    await client.changeSettings({ '*': { profile: 'pss-baseline', rules: { 'privileged-container': 'off' } } });
    await client.waitFor('rule turned off', () => client.published.slice(before).some((p) => p.uri === uri && p.diagnostics.length === 0));

    before = published();
    await client.changeSettings({ '*': { profile: 'pss-baseline', rules: { 'privileged-container': 'warning' } } });
    const warned = await client.waitFor('severity override', () => client.published.slice(before).find((p) => p.uri === uri));
    assert.deepEqual(summary(warned.diagnostics), [['privileged-container', 2, [9, 20, 9, 24]]]);

    before = published();
    await client.changeSettings({ '*': { profile: 'strict' } });
    const strict = await client.waitFor('strict profile', () => client.published.slice(before).find((p) => p.uri === uri));
    assert.ok(strict.diagnostics.length > 1, 'the strict profile checks far more than privileged containers');
    assert.ok(strict.diagnostics.some((d) => d.code === 'privileged-container' && d.severity === 1));

    await client.changeSettings(BASELINE);
  });

  it('with run: onSave, analyses on save and not while typing', async () => {
    const uri = tmp.uri('on-save.yaml');
    await client.changeSettings({ '*': { profile: 'pss-baseline', run: 'onSave' } });
    await client.open(uri, PRIVILEGED_POD, 1);
    await client.diagnosticsFor(uri, 1);
    const quiet = () => new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 2));
    // The settings change re-analyses open files too: let it finish before typing.
    await quiet();
    const before = client.published.length;
    await client.change(uri, 2, [{ range: { start: { line: 9, character: 20 }, end: { line: 9, character: 24 } }, text: 'false' }]);
    // Longer than any pause after a keystroke: nothing is published for the unsaved version.
    await quiet();
    assert.deepEqual(client.published.slice(before).filter((p) => p.uri === uri), []);
    await client.save(uri);
    assert.deepEqual(await client.diagnosticsFor(uri, 2), []);
    await client.changeSettings(BASELINE);
  });
});
