/** Jest runs the TypeScript sources through ts-jest; type checking is done once by `tsc` in `npm test`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Request logs off for every test file (test/setup.ts), so the output is the test results.
  setupFiles: ['<rootDir>/test/setup.ts'],
  transform: {
    '^.+\\.ts$': 'ts-jest',
    // stemmer, syllable and flesch-kincaid ship only as ES modules; let ts-jest turn them into CommonJS for the test run.
    '^.+/node_modules/(stemmer|syllable|flesch-kincaid)/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(stemmer|syllable|flesch-kincaid)/)'],
  maxWorkers: 2,
};
