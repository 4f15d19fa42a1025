/**
 * `npm run package`: the production build and the VSIX that vsce makes of it, both in a
 * temporary folder (never dist/ or the repository root), offline. The VSIX must hold the
 * bundles, the manifest, snippets and docs, and nothing else: no node_modules, no sources,
 * no tests, no source maps.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT, removeTree } from './helpers';
import { readZipEntry, zipEntries, type ZipEntry } from './zip';

/** The VSIX is about 0.7 MB today; well past 1.5 MB, something that should not be there got in. */
const MAX_VSIX_BYTES = 1_500_000;
const TSX_CLI = path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** What an installed extension needs; vsce renames the docs (readme.md, changelog.md, LICENSE.txt). */
const REQUIRED = [
  'extension.vsixmanifest',
  '[Content_Types].xml',
  'extension/package.json',
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/dist/scan-worker.js',
  'extension/snippets/kubernetes.json',
  'extension/snippets/dockerfile.json',
  'extension/readme.md',
  'extension/changelog.md',
  ...(existsSync(path.join(PROJECT_ROOT, 'LICENSE')) ? ['extension/LICENSE.txt'] : []),
];

/** Every entry must match one of these. */
const ALLOWED = [/^extension\.vsixmanifest$/, /^\[Content_Types\]\.xml$/, /^extension\/package\.json$/, /^extension\/dist\/[\w-]+\.js$/, /^extension\/snippets\/[\w-]+\.json$/, /^extension\/(readme|changelog)\.md$/, /^extension\/LICENSE\.txt$/];

function run(args: readonly string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, `${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

describe('npm run package (VSIX)', function () {
  this.timeout(180_000);
  let folder: string;
  let vsix: Buffer;
  let entries: ZipEntry[];
  const rootBefore = readdirSync(PROJECT_ROOT);

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'palisade-package-'));
    const dist = path.join(folder, 'dist');
    const out = path.join(folder, 'palisade.vsix');
    // The same two steps as the "package" script, pointed at the temporary folder.
    run(['scripts/build.mjs', '--production', '--quiet', '--outdir', dist]);
    run([TSX_CLI, 'scripts/package-vsix.ts', '--dist', dist, '--out', out]);
    vsix = readFileSync(out);
    entries = zipEntries(vsix);
  });
  after(() => removeTree(folder));

  it('holds the bundles, the manifest, the snippets and the docs', () => {
    const names = entries.map((e) => e.name);
    assert.deepEqual(
      REQUIRED.filter((name) => !names.includes(name)),
      [],
      `entries: ${names.join(', ')}`,
    );
  });

  it('holds nothing else: no node_modules, sources, tests or source maps', () => {
    const names = entries.map((e) => e.name);
    assert.deepEqual(
      names.filter((name) => !ALLOWED.some((pattern) => pattern.test(name))),
      [],
    );
    // Redundant with the allow-list, but names what must never ship, should the list widen.
    assert.deepEqual(
      names.filter((name) => /(^|\/)(node_modules|test|src)\//.test(name) || /\.(ts|map)$/.test(name)),
      [],
    );
  });

  it(`is smaller than ${MAX_VSIX_BYTES / 1_000_000} MB, and its bundles are minified`, () => {
    assert.ok(vsix.length < MAX_VSIX_BYTES, `the VSIX has ${vsix.length} bytes`);
    const server = readZipEntry(vsix, entries.find((e) => e.name === 'extension/dist/server.js')!).toString('utf8');
    // A development build has a source map comment and one statement per line (some 40,000
    // lines); minified, only line breaks inside string literals remain (a few hundred).
    assert.equal(server.includes('sourceMappingURL'), false);
    const lineCount = server.split('\n').length;
    assert.ok(lineCount < 2_000, `server.js has ${lineCount} lines: not a production build`);
  });

  it('ships a manifest that supports untrusted workspaces, starts the client and completes rule ids', () => {
    const manifest = JSON.parse(readZipEntry(vsix, entries.find((e) => e.name === 'extension/package.json')!).toString('utf8')) as {
      main: string;
      capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean };
      contributes: { configuration: { properties: Record<string, { properties?: Record<string, { enum: string[] }> }> } };
    };
    assert.equal(manifest.main, './dist/client.js');
    assert.deepEqual(manifest.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: false });
    const ruleIds = manifest.contributes.configuration.properties['palisade.rules'].properties!;
    assert.deepEqual(ruleIds['privileged-container'].enum, ['off', 'error', 'warning', 'info']);
  });

  it('writes nothing into the repository: no VSIX at the root, no staging folder', () => {
    const added = readdirSync(PROJECT_ROOT).filter((name) => !rootBefore.includes(name));
    assert.deepEqual(
      added.filter((name) => name.endsWith('.vsix') || name === 'out'),
      [],
    );
  });
});
