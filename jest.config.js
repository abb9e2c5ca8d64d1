/** Jest runs the TypeScript sources through ts-jest; type checking is done once by `tsc` in `npm test`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Request logs off for every test file (test/setup.ts), so the output is the test results.
  setupFiles: ['<rootDir>/test/setup.ts'],
  transform: {
    '^.+\\.ts$': 'ts-jest',
    // stemmer ships only as an ES module; let ts-jest turn it into CommonJS for the test run.
    '^.+/node_modules/stemmer/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!stemmer/)'],
  maxWorkers: 2,
};
