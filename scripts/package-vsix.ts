/**
 * Packages the extension as a VSIX with @vscode/vsce. Run after `node scripts/build.mjs
 * --production` (npm run package does both).
 *
 * The manifest inside the VSIX is generated: `palisade.rules` lists every rule id of the
 * registry with its title, so settings.json completes rule ids, while package.json in the
 * repository keeps the hand-written schema. vsce runs in a temporary staging folder holding the
 * files below, filtered by .vscodeignore, with --no-dependencies because the bundles carry their
 * dependencies. Nothing needs the network.
 *
 *   tsx scripts/package-vsix.ts [--dist <folder>] [--out <file.vsix>]
 *
 * --dist takes the bundles from another folder than dist/ and --out writes the VSIX elsewhere
 * than <name>-<version>.vsix at the root (test/packaging builds both in a temporary folder).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_META } from '../rules/index';

const ROOT = path.resolve(__dirname, '..');
const COPIED = ['snippets', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore'];
const OVERRIDES = ['off', 'error', 'warning', 'info'];

interface Manifest {
  name: string;
  version: string;
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
}

function withRuleIds(manifest: Manifest): Manifest {
  const rules = manifest.contributes.configuration.properties['palisade.rules'];
  rules.properties = Object.fromEntries(
    [...ALL_META]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((meta) => [meta.id, { type: 'string', enum: OVERRIDES, description: `${meta.title} (default: ${meta.severity})` }]),
  );
  return manifest;
}

async function stage(folder: string, dist: string): Promise<Manifest> {
  if (!existsSync(path.join(dist, 'client.js'))) throw new Error(`${path.join(dist, 'client.js')} is missing: run node scripts/build.mjs --production first`);
  await fs.cp(dist, path.join(folder, 'dist'), { recursive: true });
  for (const entry of COPIED) {
    if (existsSync(path.join(ROOT, entry))) await fs.cp(path.join(ROOT, entry), path.join(folder, entry), { recursive: true });
  }
  const manifest = withRuleIds(JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as Manifest);
  await fs.writeFile(path.join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' } }, strict: true });
  const folder = await fs.mkdtemp(path.join(tmpdir(), 'palisade-vsix-'));
  try {
    const manifest = await stage(folder, path.resolve(values.dist ?? path.join(ROOT, 'dist')));
    const out = path.resolve(values.out ?? path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`));
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const flags = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out];
    if (!existsSync(path.join(folder, 'LICENSE'))) flags.push('--skip-license');
    const result = spawnSync(process.execPath, [vsce, ...flags], { cwd: folder, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('vsce package failed');
    const { size } = await fs.stat(out);
    console.log(`${path.relative(process.cwd(), out)}: ${(size / 1024).toFixed(0)} KiB`);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
