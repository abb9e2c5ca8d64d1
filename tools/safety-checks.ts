/**
 * How the safety tables judge a reply, shared by test/safety.test.ts and `npm run eval:safety`, so the two
 * measure the same thing and read the urgent openings from content rather than copying them.
 */
import { content } from '../lambda/content';
import { safetyLines } from '../lambda/dialogue/safety-turn';

/** The first 25 words, where urgent help must be heard. */
export const first25 = (speech: string) => speech.split(/\s+/).slice(0, 25).join(' ').toLowerCase();

const firstSentence = (s: string) => s.split(/(?<=[.?!])\s/)[0];

/** How each urgent answer opens: a calm sentence must never be answered with one of these. */
const urgentOpenings = Object.values(content.safety)
  .filter((answer) => answer.urgent)
  .map((answer) => firstSentence(safetyLines(answer, undefined)[0]));

export const opensUrgent = (speech: string) => urgentOpenings.some((opening) => speech.startsWith(opening));
