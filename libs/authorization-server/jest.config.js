module.exports = {
  displayName: 'authorization-server',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/authorization-server',
  // E2e specs boot the server (migrations, key generation) in their hooks; on a loaded 2-core machine that can exceed 5 s.
  testTimeout: 30_000,
};
