module.exports = {
  displayName: 'extending-tests',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  // Specs boot the authorization server (migrations, key generation) against a fresh database.
  testTimeout: 60_000,
};
