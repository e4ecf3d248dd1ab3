import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/node_modules', '.data/**', 'bench/results/**'],
  },
  {
    // Type-aware rules: a forgotten await on a token write or a key load is a real bug here.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      // A lib's public API is its src/index.ts: nothing past the alias (`@oauth/tokens/src/lib/...`) may be imported.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@oauth/*/**'],
              message: 'Import a lib only through its alias (@oauth/<name>), whose public API is its src/index.ts.',
            },
          ],
        },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            // The extending tests use feature libs the way a team would, through their public entry points.
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util', 'type:feature'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:auth-server', onlyDependOnLibsWithTags: ['scope:auth-server', 'scope:shared'] },
            { sourceTag: 'scope:client-api', onlyDependOnLibsWithTags: ['scope:client-api', 'scope:shared'] },
            { sourceTag: 'scope:resource-api', onlyDependOnLibsWithTags: ['scope:resource-api', 'scope:shared'] },
          ],
        },
      ],
    },
  },
];
