/**
 * The steps of understanding after triage, each a pure function of the words (content/<locale>/
 * understanding.yaml, compiled by the build into understanding.json): conversational acts, list references,
 * places and services, feelings. The understanding layer (index.ts) runs them in order.
 */
import type { Act, CompiledUnderstanding } from '../content/schema';
import { normaliseWords, padded } from './patterns';

interface Prepared {
  acts: [Act, RegExp][];
  fillers: RegExp;
  ordinals: Map<string, number>;
  itemWords: Set<string>;
  closers: string[];
  feelings: { id: string; any: RegExp; say: string }[];
  places: Map<string, string>;
  services: Map<string, string>;
  servicesAlone: Map<string, string>;
  placePattern: RegExp;
  servicePattern: RegExp;
}

let prepared: Prepared | undefined;

// Loaded on the first request that carries words: a launch has nothing to understand.
function load(): Prepared {
  if (!prepared) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data = require('../generated/understanding.json') as CompiledUnderstanding;
    prepared = {
      // Sticky: each is tried at one position of the utterance, which it must match from there.
      acts: (Object.entries(data.acts) as [Act, string][]).map(([act, source]) => [act, new RegExp(source, 'y')]),
      fillers: new RegExp(data.fillers, 'y'),
      ordinals: new Map(Object.entries(data.ordinals)),
      itemWords: new Set(data.itemWords),
      closers: data.closers,
      feelings: data.feelings.map((f) => ({ id: f.id, any: new RegExp(f.any), say: f.say })),
      places: new Map(Object.entries(data.places)),
      services: new Map(Object.entries(data.services)),
      servicesAlone: new Map(Object.entries(data.servicesAlone)),
      placePattern: new RegExp(data.placePattern),
      servicePattern: new RegExp(data.servicePattern),
    };
  }
  return prepared;
}

/**
 * The act the whole utterance performs, when it is nothing but acts and fillers ("okay go on then",
 * "thanks, goodbye", "no that'll do for now"); undefined when it says anything else. Several acts: a
 * goodbye ends the conversation whatever came with it; otherwise the last act counts ("yes, next please"),
 * and thanks alone is a goodbye.
 */
export function recogniseAct(words: string): Act | undefined {
  const { acts, fillers } = load();
  const said = padded(words);
  if (said.length > 200) return undefined;
  const found: Act[] = [];
  let at = 0;
  while (at < said.length - 1) {
    let best: { act?: Act; end: number } | undefined;
    for (const [act, pattern] of acts) {
      pattern.lastIndex = at;
      if (pattern.test(said) && (!best || pattern.lastIndex > best.end)) best = { act, end: pattern.lastIndex };
    }
    fillers.lastIndex = at;
    // An act wins a tie with a filler: "yes" alone is an answer, "yes go on" a filler then an act.
    if (fillers.test(said) && (!best || fillers.lastIndex > best.end)) best = { end: fillers.lastIndex };
    if (!best) return undefined;
    if (best.act) found.push(best.act);
    at = best.end;
  }
  if (found.includes('goodbye')) return 'goodbye';
  const acts_ = found.filter((act) => act !== 'thanks');
  if (acts_.length) return acts_[acts_.length - 1];
  return found.length ? 'goodbye' : undefined;
}

/**
 * The position (1-based, or -1 for the last) these words refer to in a list, with the list's own item
 * words ("question", "questions"); undefined when they don't refer to one. An ordinal counts only beside an
 * item word ("question five", "the third one") or at the end ("what was the third"): "the first doctor"
 * is not a list reference.
 */
export function listReference(words: string, listWords: string[]): number | undefined {
  const { ordinals, itemWords, closers } = load();
  const tokens = normaliseWords(words).split(' ');
  if (tokens.length > 12) return undefined;
  const isItemWord = (token: string | undefined) => token !== undefined && (itemWords.has(token) || listWords.includes(token));
  for (let i = 0; i < tokens.length; i++) {
    const position = ordinals.get(tokens[i]);
    if (position === undefined) continue;
    // "one" is an item word as well as a number: "the last one" is last, "question one" is first.
    if (tokens[i] === 'one' && i > 0 && ordinals.has(tokens[i - 1])) continue;
    const rest = tokens.slice(i + 1).join(' ');
    const atEnd = rest === '' || closers.some((c) => rest === c || rest.startsWith(`${c} `));
    const afterItemWord = isItemWord(tokens[i - 1]) && tokens[i - 1] !== 'one';
    const beforeItemWord = isItemWord(tokens[i + 1]);
    // A bare number said alone ("two") is an answer, not a reference: it needs its item word.
    const bareNumber = /^[0-9]+$|^(one|two|three|four|five|six|seven|eight)$/.test(tokens[i]);
    if (afterItemWord || beforeItemWord || (atEnd && !bareNumber && i > 0)) return position;
  }
  return undefined;
}

/** The nation a sentence names, by a place in it ("we live near Swansea") or its patient advice service ("what is PALS"). */
export function nationIn(words: string): { nationId: string; by: 'place' | 'service' } | undefined {
  const { places, services, servicesAlone, placePattern, servicePattern } = load();
  const said = padded(words.slice(0, 1000));
  const place = placePattern.exec(said);
  if (place) return { nationId: places.get(place[1])!, by: 'place' };
  const service = servicePattern.exec(said);
  if (service) return { nationId: services.get(service[1])!, by: 'service' };
  const tokens = said.trim().split(' ');
  if (tokens.length <= 4) for (const token of tokens) if (servicesAlone.has(token)) return { nationId: servicesAlone.get(token)!, by: 'service' };
  return undefined;
}

/** A feeling said in the sentence, with a kind acknowledgement, and the words without it (to answer the rest). */
export function feelingIn(words: string): { id: string; say: string; rest: string } | undefined {
  const said = padded(words.slice(0, 1000));
  for (const feeling of load().feelings) {
    if (feeling.any.test(said)) return { id: feeling.id, say: feeling.say, rest: said.replace(new RegExp(feeling.any.source, 'g'), ' ').trim() };
  }
  return undefined;
}
