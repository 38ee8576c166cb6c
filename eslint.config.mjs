// Lint: typescript-eslint with type information, plus the import fences of docs/architecture.md §3 —
// feature folders never see express, axios, pg or prom-client, and imports flow one way.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const edgeLibraries = ['express', 'axios', 'undici', 'pg', '@electric-sql/pglite', 'prom-client', 'http-proxy-middleware', 'pino'];
const banned = (names, message) => names.map((name) => ({ name, message }));
const bannedPatterns = (groups, message) => groups.map((group) => ({ group: [group], message }));

// Folders listed in the order imports may flow (a folder may import only folders before it).
const upperLayers = {
  core: ['config', 'phoenix', 'contract', 'policy', 'media', 'translate', 'shadow', 'sync', 'record', 'store', 'upstream', 'metrics', 'gateway', 'http', 'sim', 'cli', 'main'],
  feature: ['store', 'upstream', 'metrics', 'gateway', 'http', 'sim', 'cli', 'main'],
  gateway: ['http', 'sim', 'cli', 'main'],
  edge: ['gateway', 'http', 'sim', 'cli', 'main'],
};
const noUpward = (layers) => bannedPatterns(layers.flatMap((l) => [`../${l}`, `../${l}/*`, `../../${l}/*`]), 'imports flow one way (docs/architecture.md §3)');

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'contracts/generated/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: banned([...edgeLibraries, 'fs', 'node:fs', 'http', 'node:http', 'net', 'node:net'], 'core is vocabulary without I/O'),
        patterns: noUpward(upperLayers.core),
      }],
    },
  },
  {
    files: ['src/{phoenix,policy,translate,shadow,sync,record,contract,media}/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: banned(edgeLibraries, 'edge libraries live in http/upstream/store/metrics (docs/architecture.md §3)'),
        patterns: noUpward(upperLayers.feature),
      }],
    },
  },
  {
    files: ['src/gateway/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: banned(edgeLibraries, 'the gateway works on plain data through ports (docs/architecture.md §2)'),
        patterns: noUpward(upperLayers.gateway),
      }],
    },
  },
  {
    files: ['src/{store,upstream,metrics}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noUpward(upperLayers.edge) }] },
  },
  {
    files: ['src/cli/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
