// Lint configuration (flat config): typescript-eslint recommended, plus the layering rules
// that keep rules/ pure (see docs/architecture and test/layering.test.ts, which checks the
// same thing without ESLint).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const TRANSPORT = {
  group: ['vscode', 'vscode-*', '@vscode/*'],
  message: 'rules/ is pure analysis: it must not depend on VS Code or the LSP transport.',
};
const ADAPTERS = {
  group: ['**/server', '**/server/**', '**/client', '**/client/**'],
  message: 'rules/ must not import server/ or client/: arrows point from server to rules, never back.',
};

/** For the engine: any relative import that climbs out of rules/engine reaches the registry or a rule. */
function engineBans(depth) {
  return {
    group: [`${'../'.repeat(depth)}*`, `${'../'.repeat(depth)}**/*`],
    message: 'The engine must not import the registry or a rule: the runner takes rules as an argument.',
  };
}

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['rules/**/*.ts'], rules: restrict(TRANSPORT, ADAPTERS) },
  // Flat config replaces a rule's options per block, so each depth repeats the common bans.
  { files: ['rules/engine/*.ts'], rules: restrict(TRANSPORT, ADAPTERS, engineBans(1)) },
  { files: ['rules/engine/*/*.ts'], rules: restrict(TRANSPORT, ADAPTERS, engineBans(2)) },
  { files: ['rules/engine/*/*/*.ts'], rules: restrict(TRANSPORT, ADAPTERS, engineBans(3)) },
  {
    // Unhandled promises in LSP handlers lose errors silently: every promise is awaited or handled.
    files: ['server/**/*.ts', 'client/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
);
