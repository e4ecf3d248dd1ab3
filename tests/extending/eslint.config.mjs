import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // These specs stand in for an app that adopts the libs: like any app, they may use feature libs of every scope
    // (the authorization server, the resource server) together, through their public entry points only.
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          depConstraints: [{ sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:feature', 'type:util'] }],
        },
      ],
    },
  },
];
