const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // jose and cookie are ESM-only, and @fastify/cookie loads cookie with import(): let ts-jest transpile
  // them to CommonJS (allowJs in tsconfig.spec.json). The same for the content-disposition that @fastify/static
  // (the Swagger UI's assets) nests in its own node_modules: Node 20 requires it natively, Jest cannot.
  transformIgnorePatterns: ['/node_modules/(?!(jose|@fastify/cookie|cookie|@fastify/static|content-disposition)/)'],
  // E2e specs boot apps and databases; on a loaded 2-core machine that can take more than Jest's default 5 s.
  testTimeout: 30_000,
  reporters: ['default', require.resolve('./tools/test/totals-reporter.js')],
};
