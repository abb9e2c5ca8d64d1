/**
 * The one place text becomes speech. Content is plain text; ssml-builder escapes it (the only escaping
 * layer), numbers listed in speech.yaml are read digit by digit, and pauses pace paragraphs and lists.
 * The pauses are SSML breaks ssml-builder made at build time (speech/breaks.ts), appended as they are.
 */
import Speech from 'ssml-builder';
import { content } from '../content';

export type Block =
  | { kind: 'text'; text: string }
  /**
   * A page of a list: where the listener is ("Questions 1 to 3 of 8."), up to three items, and the first
   * item's number, which the screen shows beside each item.
   */
  | { kind: 'list'; position: string; items: string[]; from?: number };

const { breaks, prosody, sayAsDigits, pronunciations } = content.speech;

/** How fast a reply is spoken. Medium is Alexa's own rate: no prosody at all. */
export type Rate = 'slow' | 'medium' | 'fast';

// Longest first, so "116 123" wins over a shorter token inside it.
const specials = [...sayAsDigits, ...pronunciations.map((p) => p.word)].sort((a, b) => b.length - a.length);
const aliasFor = new Map(pronunciations.map((p) => [p.word, p.alias]));

// One pattern finds every special token as a whole word. Built on first need: most text has no special
// token, and compiling a regular expression is a real share of a cold start's first response.
let specialPattern: RegExp | undefined;
const findSpecials = () => (specialPattern ??= new RegExp(`(?<![\\w])(${specials.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\w])`, 'g'));

/** Alexa refuses a response whose SSML is longer than this. */
export const MAX_SSML_CHARS = 8_000;

function sayText(speech: Speech, text: string): void {
  let last = 0;
  const matches = specials.some((special) => text.includes(special)) ? text.matchAll(findSpecials()) : [];
  for (const match of matches) {
    const before = text.slice(last, match.index);
    if (before.trim()) speech.say(before.trim());
    const token = match[0];
    const alias = aliasFor.get(token);
    if (alias) speech.sub(alias, token);
    else token.split(' ').forEach((group) => speech.sayAs({ word: group, interpret: 'digits' }));
    last = (match.index ?? 0) + token.length;
  }
  const rest = text.slice(last);
  if (rest.trim()) speech.say(rest.trim());
}

function sayBlocks(speech: Speech, blocks: Block[]): void {
  blocks.forEach((block, i) => {
    if (i > 0) speech.sayWithSSML(breaks.betweenParagraphs);
    if (block.kind === 'text') {
      sayText(speech, block.text);
      return;
    }
    sayText(speech, block.position);
    speech.sayWithSSML(breaks.afterListPosition);
    block.items.forEach((item, j) => {
      if (j > 0) speech.sayWithSSML(breaks.betweenListItems);
      sayText(speech, item);
    });
  });
}

/**
 * SSML for a turn: the blocks, a pause, then the prompt (if any), all at the listener's rate. The rate
 * wraps the whole reply, pauses included, so a slower reply is slower throughout.
 */
export function toSsml(blocks: Block[], prompt?: string, rate: Rate = 'medium'): string {
  const speech = new Speech();
  const tags = rate === 'medium' ? undefined : prosody[rate];
  if (tags) speech.sayWithSSML(tags.open);
  sayBlocks(speech, blocks);
  if (prompt) {
    if (blocks.length) speech.sayWithSSML(breaks.beforePrompt);
    sayText(speech, prompt);
  }
  if (tags) speech.sayWithSSML(tags.close);
  return speech.ssml();
}

/** Plain text from SSML, for consoles and tests: drops tags, reads <sub> as written, unescapes entities. */
export function ssmlToPlainText(ssml: string): string {
  return ssml
    .replace(/<break[^>]*\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,?!;:])/g, '$1')
    .trim();
}
