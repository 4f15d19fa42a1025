/**
 * The layering, enforced: `rules/` is pure analysis (text in, findings out). It must never
 * import VS Code, the LSP transport, or anything under `server/` or `client/`; and the engine
 * (`rules/engine/`) must never import the registry or a rule, so arrows only point down:
 * server -> registry -> rules -> engine. eslint.config.mjs says the same for editors.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..');

interface ImportViolation {
  file: string;
  specifier: string;
  reason: string;
}

/** Every module specifier of a TypeScript source: import/export ... from, import(), require(). */
function importSpecifiers(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((p) => [...withoutComments.matchAll(p)].map((m) => m[1]));
}

/** Why an import from `file` (a path relative to the project root, with `/`) breaks the layering. */
function layeringViolation(file: string, specifier: string): string | undefined {
  if (specifier === 'vscode' || specifier.startsWith('vscode-') || specifier.startsWith('@vscode/')) {
    return 'rules/ must not depend on VS Code or the LSP transport';
  }
  if (!specifier.startsWith('.')) return undefined;
  const target = relative(ROOT, resolve(ROOT, dirname(file), specifier)).split(sep).join('/');
  if (/^(server|client)(\/|$)/.test(target)) return 'rules/ must not import server/ or client/';
  if (file.startsWith('rules/engine/') && !target.startsWith('rules/engine/') && target.startsWith('rules')) {
    return 'the engine must not import the registry or a rule: rules are passed to it';
  }
  return undefined;
}

function typeScriptFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function scan(folder: string): ImportViolation[] {
  return typeScriptFiles(folder).flatMap((file) =>
    importSpecifiers(readFileSync(join(ROOT, file), 'utf8')).flatMap((specifier) => {
      const reason = layeringViolation(file, specifier);
      return reason ? [{ file, specifier, reason }] : [];
    }),
  );
}

describe('layering', () => {
  it('rules/ imports neither VS Code nor server/ or client/, and the engine imports no rule', () => {
    const files = typeScriptFiles('rules');
    assert.ok(files.includes('rules/engine/analyze.ts') && files.includes('rules/index.ts'), 'the scan sees the sources');
    assert.deepEqual(scan('rules'), []);
  });

  it('finds every form of import', () => {
    const source = [
      "import type { A } from './a';",
      "import { b,\n  c } from '../b';",
      "export * from './d';",
      "import './side-effect';",
      "const e = await import('./e');",
      "const f = require('./f');",
      "// import { g } from './commented-out';",
    ].join('\n');
    assert.deepEqual(importSpecifiers(source), ['./a', '../b', './d', './side-effect', './e', './f']);
  });

  it('flags each kind of violation', () => {
    const cases: Array<[string, string]> = [
      ['rules/kubernetes/pod-security/x.ts', 'vscode'],
      ['rules/kubernetes/pod-security/x.ts', 'vscode-languageserver/node'],
      ['rules/index.ts', '../server/src/cli/main'],
      ['rules/kubernetes/helpers.ts', '../../client/src/extension'],
      ['rules/engine/analyze.ts', '../index'],
      ['rules/engine/yaml/analyze.ts', '../../kubernetes/pod-security/privileged-container'],
    ];
    assert.deepEqual(
      cases.map(([file, specifier]) => layeringViolation(file, specifier)),
      [
        'rules/ must not depend on VS Code or the LSP transport',
        'rules/ must not depend on VS Code or the LSP transport',
        'rules/ must not import server/ or client/',
        'rules/ must not import server/ or client/',
        'the engine must not import the registry or a rule: rules are passed to it',
        'the engine must not import the registry or a rule: rules are passed to it',
      ],
    );
    const allowed: Array<[string, string]> = [
      ['rules/engine/yaml/analyze.ts', '../kubernetes/object'],
      ['rules/kubernetes/pod-security/x.ts', '../../engine/rule'],
      ['rules/index.ts', './kubernetes/pod-security'],
      ['rules/engine/config.ts', 'yaml'],
    ];
    assert.deepEqual(
      allowed.map(([file, specifier]) => layeringViolation(file, specifier)),
      [undefined, undefined, undefined, undefined],
    );
  });
});
