/**
 * How plain the spoken content is: the Flesch–Kincaid grade of everything the skill can say, per topic
 * and per file. UK patient-information standards ask for a reading age of about 11, grade 6 or below.
 * `npm test` prints the figures (test/readability.test.ts) and fails above grade 6;
 * `npx tsx tools/readability.ts` prints them alone, for an editor rewriting a passage.
 *
 * Syllables are counted by `syllable` and the grade computed by `flesch-kincaid` (both wooorm's, who keeps
 * the retext ecosystem). Only the counting of words and sentences is here. Digits are left out: the skill
 * reads a phone number digit by digit, and the formula has no syllable count for "0808".
 */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import type { CompiledContent } from '../lambda/content/schema';

export interface Reading {
  grade: number;
  words: number;
  sentences: number;
  syllables: number;
}

const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;
// A sentence ends at . ? or ! followed by a space or the end (so "9.30" and "e.g" don't end one).
const SENTENCE_END = /[.?!]+(?=\s|$)/;

/** The grade of some texts read one after another, each ending its own sentence. */
export function reading(texts: string[]): Reading {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const text of texts) {
    for (const sentence of text.split(SENTENCE_END)) {
      const found = sentence.match(WORD) ?? [];
      if (!found.length) continue;
      sentences += 1;
      words += found.length;
      syllables += found.reduce((sum, word) => sum + syllable(word), 0);
    }
  }
  return { grade: words ? fleschKincaid({ word: words, sentence: sentences, syllable: syllables }) : 0, words, sentences, syllables };
}

/** A prompt's {placeholders} are read as one short word, which is what most of them hold. */
const unplaceholder = (text: string) => text.replace(/\{\w+\}/g, 'it');

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/**
 * Everything the skill can say, grouped as an editor finds it: one group per topic (with the services of
 * every nation for the topic that names them), then the urgent answers, the conversation's prompts and
 * the disclaimer. Card-only lines are written, not spoken, and are left out; so are button labels.
 */
export function spokenGroups(compiled: CompiledContent): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const topic of compiled.topics) {
    const services = topic.needsNation ? compiled.nations.flatMap((n) => [n.service.introduction, n.service.does, n.service.reach, ...(n.service.update ? [n.service.update.note] : [])]) : [];
    groups[`topic ${topic.id}`] = [topic.shortAnswer, ...topic.detail, ...(topic.list?.items.map((i) => i.spoken) ?? []), ...services, ...(topic.followUp ? [topic.followUp.offer] : [])];
  }
  groups['safety.yaml'] = Object.values(compiled.safety.answers).flatMap((a) => [...strings(a.lines), ...(a.prompt ? [a.prompt] : []), ...(a.reprompt ? [a.reprompt] : [])]);
  const { screen, examples, ...spokenPrompts } = compiled.prompts;
  groups['prompts.yaml'] = [...strings(spokenPrompts).map(unplaceholder), ...examples];
  groups['framing.yaml'] = [compiled.framing.disclaimer];
  // What the understanding layer says: feelings' kind words, list and passage offers, their leads.
  const { understanding } = compiled;
  groups['understanding.yaml'] = [
    ...understanding.feelings.map((f) => f.say),
    understanding.feelingsOffer.prompt,
    ...strings(understanding.listReferences.say).map(unplaceholder),
    ...[understanding.passages.lead, understanding.passages.listOffer, understanding.passages.topicOffer].map(unplaceholder),
  ];
  return groups;
}

/** Every group's reading, the guidance (every topic) together, and everything together. */
export function readability(compiled: CompiledContent): { groups: Record<string, Reading>; guidance: Reading; all: Reading } {
  const groups = spokenGroups(compiled);
  return {
    groups: Object.fromEntries(Object.entries(groups).map(([name, texts]) => [name, reading(texts)])),
    guidance: reading(Object.entries(groups).flatMap(([name, texts]) => (name.startsWith('topic ') ? texts : []))),
    all: reading(Object.values(groups).flat()),
  };
}

export function readabilityReport(compiled: CompiledContent): string {
  const { groups, guidance, all } = readability(compiled);
  const line = (name: string, r: Reading) => `  ${name.padEnd(40)} grade ${r.grade.toFixed(1).padStart(4)}   ${String(r.words).padStart(5)} words, ${(r.words / r.sentences).toFixed(1)} per sentence`;
  return [
    'Flesch–Kincaid grade of what the skill says (target: 6 or below):',
    ...Object.entries(groups).map(([name, r]) => line(name, r)),
    line('all the guidance (every topic)', guidance),
    line('everything', all),
  ].join('\n');
}

if (require.main === module) {
  void import('./content/load').then(({ loadContent }) => console.log(readabilityReport(loadContent().compiled)));
}
