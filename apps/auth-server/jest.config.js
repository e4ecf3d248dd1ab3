module.exports = {
  displayName: 'auth-server',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/auth-server',
  // E2e specs boot the app (migrations, key generation) in their hooks; on a loaded 2-core machine that can exceed 5 s.
  testTimeout: 30_000,
};
