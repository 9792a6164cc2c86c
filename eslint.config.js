// Lint: typescript-eslint's recommended rules, plus the one-way flow of
// STYLE.md (graph/ files → load → store → write → api → HTTP/CLI) as import bans.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const banned = (...layers) => ({
  'no-restricted-imports': [
    'error',
    { patterns: layers.map((layer) => ({ group: [`**/${layer}/*`, `**/${layer}.js`], message: `this layer may not import from ${layer}/ (data flows one way: load → store → write → api → cli)` })) },
  ],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  { files: ['src/ontology/**'], rules: banned('load', 'store', 'write', 'api', 'cli', 'export', 'server') },
  { files: ['src/load/**'], rules: banned('store', 'write', 'api', 'cli', 'export', 'server', 'extract') },
  // the extractor produces data before graph/; it asks the graph only through an interface
  { files: ['src/extract/**'], rules: banned('load', 'store', 'write', 'api', 'cli', 'export', 'server') },
  { files: ['src/store/**'], rules: banned('load', 'write', 'api', 'cli', 'export', 'server') },
  // the one writer: the change log, its replay and the lock, between the store and the API
  { files: ['src/write/**'], rules: banned('api', 'cli', 'export', 'server') },
  { files: ['src/api/**', 'src/export/**'], rules: banned('load', 'cli') },
  // the explorer page reads the graph through the public GraphQL API only (the ontology's lists are data)
  { files: ['src/explorer/**'], rules: banned('load', 'store', 'write', 'api', 'cli', 'export', 'server', 'extract', 'generate', 'http') },
  // GraphQL results in tests are untyped JSON
  { files: ['tests/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['bin/**'], languageOptions: { globals: { process: 'readonly' } } },
);
