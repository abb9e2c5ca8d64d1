/**
 * Urgent triage: the first thing that happens to any words that reach the skill in a slot. It spots
 * emergencies, crises, abuse, low mood and symptoms in everyday wording, and leaves calm sentences alone:
 * idioms, hospital departments, "not an emergency" and past events are taken out first (triage.yaml says
 * how). Its own module, not part of search: it must work whatever search makes of the words.
 */
import type { CompiledTriage } from '../content/schema';
import { padded } from './patterns';

export interface TriageResult {
  /** Which safety answer (content/<locale>/safety.yaml) to give. */
  answer: string;
  /** Which rule matched, for tests and reports; never logged with the words. */
  category: string;
}

/**
 * Longer than anyone says in one breath (a 100-word sentence is about 600 characters): beyond it the
 * words are not read, so a forged 100 KB slot costs no more than a long sentence.
 */
export const MAX_TRIAGE_CHARACTERS = 1000;

interface Prepared {
  calm: RegExp[];
  pastIsCalmFor: Set<string>;
  past: RegExp[];
  now: RegExp[];
  rules: { answer: string; category: string; any?: RegExp[]; all?: RegExp[]; unless?: RegExp[] }[];
}

let prepared: Prepared | undefined;

// Loaded on the first request that carries words: a launch has nothing to triage.
function load(): Prepared {
  if (!prepared) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data = require('../generated/triage.json') as CompiledTriage;
    const compile = (sources: string[] | undefined, flags = '') => sources?.map((source) => new RegExp(source, flags));
    prepared = {
      calm: compile(data.calm, 'g')!,
      pastIsCalmFor: new Set(data.pastIsCalmFor),
      past: compile(data.past)!,
      now: compile(data.now)!,
      rules: data.rules.map((rule) => ({ answer: rule.answer, category: rule.category, any: compile(rule.any), all: compile(rule.all), unless: compile(rule.unless) })),
    };
  }
  return prepared;
}

/** The safety answer these words need, or undefined when they are calm. */
export function triage(words: string): TriageResult | undefined {
  const { calm, pastIsCalmFor, past, now, rules } = load();
  let said = padded(words.slice(0, MAX_TRIAGE_CHARACTERS));
  for (const pattern of calm) said = said.replace(pattern, ' ');
  said = said.replace(/ {2,}/g, ' ');
  const historic = past.some((p) => p.test(said)) && !now.some((p) => p.test(said));
  for (const rule of rules) {
    if (historic && pastIsCalmFor.has(rule.answer)) continue;
    const matched = rule.any ? rule.any.some((p) => p.test(said)) : rule.all!.every((p) => p.test(said));
    if (matched && rule.unless?.some((p) => p.test(said))) continue;
    if (matched) return { answer: rule.answer, category: rule.category };
  }
  return undefined;
}
