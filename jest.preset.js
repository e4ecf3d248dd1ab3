const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // jose and cookie are ESM-only, and @fastify/cookie loads cookie with import(): let ts-jest transpile
  // them to CommonJS (allowJs in tsconfig.spec.json).
  transformIgnorePatterns: ['/node_modules/(?!(jose|@fastify/cookie|cookie)/)'],
  reporters: ['default', require.resolve('./tools/test/totals-reporter.js')],
};
