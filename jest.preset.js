const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // jose is ESM-only: let ts-jest transpile it (allowJs in tsconfig.spec.json).
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  reporters: ['default', require.resolve('./tools/test/totals-reporter.js')],
};
