module.exports = {
  displayName: 'system-tests',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  // Each spec starts the built services as processes; they need time to boot.
  testTimeout: 60_000,
};
