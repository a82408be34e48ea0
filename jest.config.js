// Jest runs a CommonJS build made by swc; the ESM-only dependencies of
// @kubernetes/client-node 2 (its OIDC stack and its SOCKS proxy agent) are let through the transform.
const esmOnly = [
  '@kubernetes/client-node',
  'openid-client',
  'oauth4webapi',
  'jose',
  'socks-proxy-agent',
  'agent-base',
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/suites'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j|mj)s$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testTimeout: 60000,
  globalSetup: '<rootDir>/suites/live-setup.ts',
  reporters: ['default', '<rootDir>/test/support/closing-line-reporter.js'],
};
