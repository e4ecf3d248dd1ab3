module.exports = {
  displayName: 'browser-tests',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  // The built services start as processes and a real Chromium drives the pages.
  testTimeout: 120_000,
};
