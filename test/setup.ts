/**
 * Runs before every test file: the skill's request logs stay off, so `npm test` prints results, not one
 * line per request. Tests that check logging turn it on for their own body (captureLogs in harness.ts).
 */
process.env.SKILL_LOG = 'off';
