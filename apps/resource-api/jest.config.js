module.exports = {
  displayName: 'resource-api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  // E2e specs boot the app against a fresh Postgres database.
  testTimeout: 30_000,
  coverageDirectory: '../../coverage/apps/resource-api',
};
