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
  calm: RegExp;
  pastIsCalmFor: Set<string>;
  past: RegExp;
  now: RegExp;
  rules: { answer: string; category: string; any?: RegExp; all?: RegExp[]; unless?: RegExp }[];
}

let prepared: Prepared | undefined;

// Loaded on the first request that carries words: a launch has nothing to triage.
function load(): Prepared {
  if (!prepared) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data = require('../generated/triage.json') as CompiledTriage;
    const optional = (source: string | undefined) => (source === undefined ? undefined : new RegExp(source));
    prepared = {
      calm: new RegExp(data.calm, 'g'),
      pastIsCalmFor: new Set(data.pastIsCalmFor),
      past: new RegExp(data.past),
      now: new RegExp(data.now),
      rules: data.rules.map((rule) => ({ answer: rule.answer, category: rule.category, any: optional(rule.any), all: rule.all?.map((s) => new RegExp(s)), unless: optional(rule.unless) })),
    };
  }
  return prepared;
}

// The same words are triaged more than once in a request (a handler's canHandle, then its handle, then the
// understanding layer); a container serves one request at a time, so remembering the last is enough.
let last: { words: string; result: TriageResult | undefined } | undefined;

/** The safety answer these words need, or undefined when they are calm. */
export function triage(words: string): TriageResult | undefined {
  if (last?.words !== words) last = { words, result: triageAfresh(words) };
  return last.result;
}

function triageAfresh(words: string): TriageResult | undefined {
  const { calm, pastIsCalmFor, past, now, rules } = load();
  const said = padded(words.slice(0, MAX_TRIAGE_CHARACTERS)).replace(calm, ' ').replace(/ {2,}/g, ' ');
  const historic = past.test(said) && !now.test(said);
  for (const rule of rules) {
    if (historic && pastIsCalmFor.has(rule.answer)) continue;
    const matched = rule.any ? rule.any.test(said) : rule.all!.every((p) => p.test(said));
    if (matched && !rule.unless?.test(said)) return { answer: rule.answer, category: rule.category };
  }
  return undefined;
}
