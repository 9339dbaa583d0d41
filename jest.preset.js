// Shared jest settings: ts-jest compiles each file on its own (type-checking is `tsc -b`'s job,
// run by `npm test` before jest), keeping decorator metadata for type-graphql and MikroORM.
//
// Two projects per workspace, chosen by file name:
//   unit         `*.test.ts`     pure code: no database, HTTP server, port or child process
//   integration  `*.int.test.ts` anything that starts a subgraph, a database, a server or a process
// `jest` runs both; `jest --selectProjects unit` runs the fast ones only.
const path = require('node:path');

/** @param {string} dir the workspace folder */
const shared = (dir) => ({
  rootDir: dir,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
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
});

/** The test file rule, by project. */
const PROJECTS = {
  unit: { testMatch: ['<rootDir>/src/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', '\\.int\\.test\\.ts$'] },
  integration: { testMatch: ['<rootDir>/src/**/*.int.test.ts'] },
};

/** @param {string} dir the workspace folder */
module.exports = (dir) => ({
  // Per test (the slowest integration tests seed the whole country). A global setting: jest ignores it inside a project.
  testTimeout: 120000,
  projects: Object.entries(PROJECTS).map(([name, match]) => ({ displayName: name, ...shared(dir), ...match })),
});
