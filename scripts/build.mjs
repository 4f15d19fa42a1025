// Bundles the CLI, the language server and the VS Code client into dist/ with esbuild.
//   node scripts/build.mjs [--production] [--watch] [--quiet] [--outdir <dir>]
// --outdir builds elsewhere than dist/ (the packaging test builds in a temporary folder).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const quiet = process.argv.includes('--quiet');
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag === -1 ? 'dist' : process.argv[outdirFlag + 1];
if (!outdir) throw new Error('--outdir needs a folder');

const entries = [
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'server/src/workspace/scan-worker.ts', out: 'scan-worker' },
  { in: 'client/src/extension.ts', out: 'client' },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((entry) =>
    esbuild.context({
      entryPoints: { [entry.out]: entry.in },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outdir,
      external: ['vscode'],
      minify: production,
      sourcemap: !production,
      sourcesContent: false,
      logLevel: quiet ? 'error' : 'info',
      banner: entry.banner ? { js: entry.banner } : undefined,
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
