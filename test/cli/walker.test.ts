/** The file walker and config discovery, imported directly. */
import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { findConfigFile } from '../../server/src/workspace/config-file';
import { isScannedFileName, walk } from '../../server/src/workspace/walker';
import { makeTree, removeTree, writeTree } from './helpers';

async function collect(roots: string[], base: string, options: Parameters<typeof walk>[1] = {}): Promise<string[]> {
  const out: string[] = [];
  for await (const file of walk(roots, options)) out.push(path.relative(base, file).split(path.sep).join('/'));
  return out;
}

describe('walker', () => {
  const roots: string[] = [];
  const tree = (files: Record<string, string>) => {
    const root = makeTree(files);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach(removeTree));

  it('scans YAML files by name, never the config file', () => {
    const names = ['a.yaml', 'b.YML', 'c.yml', 'notes.txt', 'yaml', '.palisade.yaml', '.palisade.yml', 'values.yaml.bak'];
    assert.deepEqual(
      names.filter(isScannedFileName),
      ['a.yaml', 'b.YML', 'c.yml'],
    );
  });

  it('walks folders in name order, recursing, skipping node_modules and .git', async () => {
    const root = tree({ 'b/x.yaml': '', 'a/z/y.yml': '', 'a/x.yaml': '', 'node_modules/m.yaml': '', 'a/node_modules/n.yaml': '', 'top.yaml': '' });
    assert.deepEqual(await collect([root], root), ['a/x.yaml', 'a/z/y.yml', 'b/x.yaml', 'top.yaml']);
  });

  it('lets a nested .gitignore re-include what a parent excluded, but never inside an ignored folder', async () => {
    const root = tree({
      '.gitignore': '*.gen.yaml\nbuild/\n',
      'svc/.gitignore': '!keep.gen.yaml\n',
      'svc/keep.gen.yaml': '',
      'svc/drop.gen.yaml': '',
      'build/.gitignore': '!*\n',
      'build/out.yaml': '',
    });
    assert.deepEqual(await collect([root], root), ['svc/keep.gen.yaml']);
  });

  it('matches folder-only patterns against folders, not files of the same name', async () => {
    const root = tree({ '.gitignore': 'out/\n', 'out.yaml': '', 'out/a.yaml': '', 'src/out/b.yaml': '' });
    assert.deepEqual(await collect([root], root), ['out.yaml']);
  });

  it('applies the exclusion test to files and prunes excluded folders', async () => {
    const root = tree({ 'vendor/a.yaml': '', 'deploy/a.yaml': '', 'deploy/b.yaml': '' });
    const seen: string[] = [];
    const files = await collect([root], root, {
      isExcluded: (absolute) => {
        const rel = path.relative(root, absolute).split(path.sep).join('/');
        seen.push(rel);
        return rel === 'vendor' || rel === 'deploy/b.yaml';
      },
    });
    assert.deepEqual(files, ['deploy/a.yaml']);
    assert.equal(seen.includes('vendor/a.yaml'), false, 'an excluded folder is not entered');
  });

  it('follows links to folders once, ends link loops, and skips dangling links silently', async () => {
    const root = tree({ 'real/a.yaml': '' });
    symlinkSync('real', path.join(root, 'alias'));
    symlinkSync('..', path.join(root, 'real', 'parent'));
    symlinkSync('missing.yaml', path.join(root, 'dangling.yaml'));
    const warnings: string[] = [];
    const files = await collect([root], root, { onWarning: (w) => warnings.push(w) });
    assert.deepEqual([files, warnings], [['alias/a.yaml'], []]);
  });

  it('yields an explicitly named file whatever its name, and a file given twice once', async () => {
    const root = tree({ 'manifest.txt': '', 'pod.yaml': '' });
    const files = await collect([path.join(root, 'manifest.txt'), root, path.join(root, 'pod.yaml')], root);
    assert.deepEqual(files, ['manifest.txt', 'pod.yaml']);
  });

  it('rejects a root that does not exist', async () => {
    const root = tree({});
    await assert.rejects(collect([path.join(root, 'missing')], root), { code: 'ENOENT' });
  });
});

describe('findConfigFile', () => {
  const roots: string[] = [];
  after(() => roots.forEach(removeTree));

  it('takes the nearest config upwards, .palisade.yaml before .palisade.yml, and stops at the git root', async () => {
    const outer = makeTree({ '.palisade.yaml': '' });
    roots.push(outer);
    // outer/ has .git and a config; repo/ is a nested git root without one.
    writeTree(outer, { 'repo/deploy/app/pod.yaml': '', 'repo/deploy/.palisade.yml': '', 'repo/deploy/.palisade.yaml': '' });
    mkdirSync(path.join(outer, 'repo', '.git'));
    assert.equal(await findConfigFile(path.join(outer, 'repo/deploy/app/pod.yaml')), path.join(outer, 'repo/deploy/.palisade.yaml'));
    assert.equal(await findConfigFile(path.join(outer, 'repo')), undefined);
    assert.equal(await findConfigFile(outer), path.join(outer, '.palisade.yaml'));
  });
});
