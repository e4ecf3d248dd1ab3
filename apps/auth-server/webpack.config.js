const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/auth-server'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // Operators generate client secrets with the same build they deploy.
      additionalEntryPoints: [{ entryName: 'keygen', entryPath: 'apps/auth-server/src/keygen/keygen.ts' }],
      tsConfig: './tsconfig.app.json',
      // The bcrypt worker runs in its own thread and is loaded by path, not bundled.
      assets: [{ input: '../../libs/authorization-server/src/lib/client-auth', glob: 'bcrypt.worker.js', output: '.' }],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
