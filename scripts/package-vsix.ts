/**
 * Packages the extension as a VSIX with @vscode/vsce. Run after `node scripts/build.mjs
 * --production` (npm run package does both).
 *
 * The manifest inside the VSIX is generated: `palisade.rules` lists every rule id of the
 * registry with its title, so settings.json completes rule ids, while package.json in the
 * repository keeps the hand-written schema. vsce runs in a staging folder holding only what
 * .vscodeignore allows, with --no-dependencies because the bundles carry their dependencies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ALL_META } from '../rules/index';

const ROOT = path.resolve(__dirname, '..');
const STAGE = path.join(ROOT, 'out', 'vsix-stage');
const COPIED = ['dist', 'snippets', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore'];
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

async function stage(): Promise<Manifest> {
  if (!existsSync(path.join(ROOT, 'dist', 'client.js'))) throw new Error('dist/client.js is missing: run node scripts/build.mjs --production first');
  await fs.rm(STAGE, { recursive: true, force: true });
  await fs.mkdir(STAGE, { recursive: true });
  for (const entry of COPIED) {
    if (existsSync(path.join(ROOT, entry))) await fs.cp(path.join(ROOT, entry), path.join(STAGE, entry), { recursive: true });
  }
  const manifest = withRuleIds(JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as Manifest);
  await fs.writeFile(path.join(STAGE, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function main(): Promise<void> {
  const manifest = await stage();
  const out = path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const flags = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out];
  if (!existsSync(path.join(STAGE, 'LICENSE'))) flags.push('--skip-license');
  const result = spawnSync(process.execPath, [vsce, ...flags], { cwd: STAGE, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vsce package failed');
  const { size } = await fs.stat(out);
  console.log(`${path.relative(ROOT, out)}: ${(size / 1024).toFixed(0)} KiB`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
