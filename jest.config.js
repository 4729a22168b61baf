// Unit tests live beside the code (src/**/*.spec.ts); end-to-end and browser tests under test/.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/test/support/jest-environment.js',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  // NestJS 12 ships ES modules only; Node 20's require(esm) is invisible to jest, so swc compiles
  // those packages to CommonJS like our own sources.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|uid|file-type|strtok3|token-types|peek-readable|@tokenizer)/)',
  ],
  transform: {
    '^.+\\.(ts|js|mjs)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        // Turn `import()` into require() too: jest's VM cannot run dynamic imports without flags.
        module: { type: 'commonjs', ignoreDynamic: false },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  watchman: false,
};
