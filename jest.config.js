/** Jest: TypeScript through swc (type-checking is `npm run typecheck`), real servers on 127.0.0.1. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  testTimeout: 30000,
  maxWorkers: 2,
  // One fresh PGlite cluster image for the whole run: in-memory stores load it instead of running initdb.
  globalSetup: '<rootDir>/test/support/jest-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/jest-global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/jest-store-image.ts'],
};
