// Shared jest settings: ts-jest compiles each file on its own (type-checking is `tsc -b`'s job,
// run by `npm test` before jest), keeping decorator metadata for type-graphql and MikroORM.
const path = require('node:path');

/** @param {string} dir the workspace folder */
module.exports = (dir) => ({
  rootDir: dir,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.jest.json'), diagnostics: false }],
  },
  moduleNameMapper: {
    '^@kh02/common$': path.join(__dirname, 'common/src'),
    '^@kh02/subgraph-kit$': path.join(__dirname, 'subgraphs/kit/src'),
    '^@kh02/subgraph-kit/testing$': path.join(__dirname, 'subgraphs/kit/src/testing'),
    '^@kh02/geography$': path.join(__dirname, 'subgraphs/geography/src'),
    '^@kh02/tasks$': path.join(__dirname, 'subgraphs/tasks/src'),
    '^@kh02/readiness$': path.join(__dirname, 'subgraphs/readiness/src'),
    '^@kh02/gateway$': path.join(__dirname, 'gateway/src'),
    '^@kh02/scripts/(.*)$': path.join(__dirname, 'scripts/src/$1'),
  },
  testTimeout: 120000,
});
