/**
 * One jest run for every app and library, in two tiers (projects): `unit` (`*.unit.spec.ts`: no database,
 * broker, network or child process; runs in seconds) and `integration` (every other `*.spec.ts`, with the
 * embedded PostgreSQL of scripts/jest-global-setup.ts). TypeScript is compiled by SWC (with Nest's
 * decorator metadata). `npm run test:unit` / `npm run test:integration` run one tier (`--selectProjects`).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

/** What both tiers share. */
const project = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/deploy', '<rootDir>/scripts', '<rootDir>/test'],
  transform: { '^.+\\.(ts|js)$': swc },
  // ES-module-only dependencies that jest (on Node 20) must compile to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper: {
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...project, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    {
      ...project,
      displayName: 'integration',
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.unit\\.spec\\.ts$'],
      // Only this tier starts the embedded PostgreSQL (jest runs a project's global hooks only when it has tests to run).
      globalSetup: '<rootDir>/scripts/jest-global-setup.ts',
      globalTeardown: '<rootDir>/scripts/jest-global-teardown.ts',
    },
  ],
  // Run-wide options (jest reads these from the root config, not from a project).
  testTimeout: 120000,
  maxWorkers: 2,
  verbose: true,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
