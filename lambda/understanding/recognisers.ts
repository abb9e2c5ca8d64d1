/**
 * The steps of understanding after triage, each a pure function of the words (content/<locale>/
 * understanding.yaml, compiled by the build into understanding.json): conversational acts, list references,
 * places and services, feelings. The understanding layer (index.ts) runs them in order.
 */
import type { Act, CompiledUnderstanding } from '../content/schema';
import type { ServicePart } from '../dialogue/pages';
import { normaliseWords, padded } from './patterns';

interface Prepared {
  /** Every act pattern and filler, sticky, tagged with its act (undefined for a filler). */
  pieces: { act?: Act; pattern: RegExp }[];
  ordinals: Map<string, number>;
  itemWords: Set<string>;
  closers: string[];
  feelings: { id: string; any: RegExp; say: string; answer?: string }[];
  /** The whole utterance is an ifNot pattern, with fillers before and after it. */
  ifNot: RegExp;
  /** `closer`: one of the words that may follow a pronoun, at the end of the slot. */
  serviceFollowUp: { reach: RegExp; does: RegExp; pronouns: Set<string>; closer: RegExp };
  askingForOne: { pattern: RegExp; answer: string };
  placeOfCare: { within: number; words: Set<string> };
  places: Map<string, string>;
  services: Map<string, string>;
  servicesAlone: Map<string, string>;
  placePattern: RegExp;
  servicePattern: RegExp;
  otherServices: Map<string, string>;
  otherServicePattern: RegExp;
}

let prepared: Prepared | undefined;

/** Longer than any act anyone says ("thank you very much that's all I wanted to know" is 50 characters). */
const MAX_ACT_CHARACTERS = 160;

/**
 * The utterance padded for matching, when it is no longer than an act: a longer sentence says more than
 * "what then?" ("what if they say no to surgery"), so the whole-utterance patterns below never take it.
 */
const saidAsAct = (words: string): string | undefined => {
  const said = padded(words);
  return said.length <= MAX_ACT_CHARACTERS ? said : undefined;
};

/** `source` as the whole utterance, with any fillers before and after it. */
function wholeWithFillers(source: string, fillers: string[]): RegExp {
  const filler = `(?:${fillers.map((f) => `(?:${f})`).join('|')})*`;
  return new RegExp(`^${filler}(?:${source})${filler} $`);
}

// Loaded on the first request that carries words: a launch has nothing to understand.
function load(): Prepared {
  if (!prepared) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data = require('../generated/understanding.json') as CompiledUnderstanding;
    prepared = {
      // Sticky: each is tried at one position of the utterance, which it must match from there.
      pieces: [
        ...(Object.entries(data.acts) as [Act, string[]][]).flatMap(([act, sources]) => sources.map((source) => ({ act, pattern: new RegExp(source, 'y') }))),
        ...data.fillers.map((source) => ({ pattern: new RegExp(source, 'y') })),
      ],
      ordinals: new Map(Object.entries(data.ordinals)),
      itemWords: new Set(data.itemWords),
      closers: data.closers,
      feelings: data.feelings.map((f) => ({ id: f.id, any: new RegExp(f.any), say: f.say, answer: f.answer })),
      ifNot: wholeWithFillers(data.ifNot, data.fillers),
      askingForOne: { pattern: wholeWithFillers(data.askingForOne.pattern, data.fillers), answer: data.askingForOne.answer },
      serviceFollowUp: {
        reach: wholeWithFillers(data.serviceFollowUp.reach, data.fillers),
        does: wholeWithFillers(data.serviceFollowUp.does, data.fillers),
        pronouns: new Set(data.serviceFollowUp.pronouns),
        closer: new RegExp(` (?:${data.serviceFollowUp.pronounClosers.join('|')})$`),
      },
      placeOfCare: { within: data.placeOfCare.within, words: new Set(data.placeOfCare.words) },
      places: new Map(Object.entries(data.places)),
      services: new Map(Object.entries(data.services)),
      servicesAlone: new Map(Object.entries(data.servicesAlone)),
      placePattern: new RegExp(data.placePattern),
      servicePattern: new RegExp(data.servicePattern),
      otherServices: new Map(Object.entries(data.otherServices)),
      otherServicePattern: new RegExp(data.otherServicePattern),
    };
  }
  return prepared;
}

/** An act of understanding.yaml, or two said together that mean one thing ("say that again slower"). */
export type SpokenAct = Act | 'repeatSlower';

/**
 * The act the whole utterance performs, when it is nothing but acts and fillers ("okay go on then",
 * "thanks, goodbye", "no that'll do for now"); undefined when it says anything else. Several acts: a
 * goodbye ends the conversation whatever came with it; repeat with slower is "say that again slower";
 * otherwise the last act counts ("yes, next please"), and thanks alone is a goodbye.
 */
export function recogniseAct(words: string): SpokenAct | undefined {
  const { pieces } = load();
  const said = saidAsAct(words);
  if (said === undefined) return undefined;
  // Splits the utterance into pieces, trying every pattern at each position, longest first, so an early
  // short fit ("thanks") never hides the split that covers it all ("thanks for that", "goodbye").
  // Memoised by position: at most one search per position, about 100 patterns each.
  const memo = new Map<number, (Act | undefined)[] | null>();
  const split = (at: number): (Act | undefined)[] | null => {
    if (at >= said.length - 1) return [];
    if (memo.has(at)) return memo.get(at)!;
    const fits: { act?: Act; end: number }[] = [];
    for (const { act, pattern } of pieces) {
      pattern.lastIndex = at;
      if (pattern.test(said)) fits.push({ act, end: pattern.lastIndex });
    }
    // Longest first; at equal length an act before a filler: "yes" alone is an answer.
    fits.sort((a, b) => b.end - a.end || Number(b.act !== undefined) - Number(a.act !== undefined));
    let result: (Act | undefined)[] | null = null;
    for (const fit of fits) {
      const rest = split(fit.end);
      if (rest) {
        result = [fit.act, ...rest];
        break;
      }
    }
    memo.set(at, result);
    return result;
  };
  const found = (split(0) ?? []).filter((act): act is Act => act !== undefined);
  if (found.includes('goodbye')) return 'goodbye';
  if (found.includes('repeat') && found.includes('slower')) return 'repeatSlower';
  const others = found.filter((act) => act !== 'thanks');
  if (others.length) return others[others.length - 1];
  return found.length ? 'goodbye' : undefined;
}

/** The words ask what to do if the last advice doesn't work out: "and if they say no?", "what if that doesn't help?". */
export function asksIfNot(words: string): boolean {
  const said = saidAsAct(words);
  return said !== undefined && load().ifNot.test(said);
}

/** What the whole utterance asks about a service just named ("how do I get hold of them"), if it asks that. */
export function serviceFollowUpIn(words: string): ServicePart | undefined {
  const said = saidAsAct(words);
  if (said === undefined) return undefined;
  const { reach, does } = load().serviceFollowUp;
  return reach.test(said) ? 'reach' : does.test(said) ? 'does' : undefined;
}

/** The passage ("topic#key") that answers a question that only asks whether one may have a second opinion, if it does. */
export function askingForOneIn(question: string): string | undefined {
  const said = saidAsAct(question);
  const { pattern, answer } = load().askingForOne;
  return said !== undefined && pattern.test(said) ? answer : undefined;
}

/** A service slot that holds only a word for the service just named ("how do I contact | them", "what's | that then"). */
export function isServicePronoun(spoken: string): boolean {
  const { pronouns, closer } = load().serviceFollowUp;
  return pronouns.has(normaliseWords(spoken).replace(closer, ''));
}

/** A number said as a number ("two", "5"), not an ordinal ("second", "last"): alone, it counts rather than refers. */
const isBareNumber = (token: string) => /^[0-9]+$|^(one|two|three|four|five|six|seven|eight)$/.test(token);

/** Nothing follows token `i` but a closer ("again", "please", "on the list"), if anything. */
function endsAt(tokens: string[], i: number, closers: string[]): boolean {
  const rest = tokens.slice(i + 1).join(' ');
  return rest === '' || closers.some((c) => rest === c || rest.startsWith(`${c} `));
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
    const atEnd = endsAt(tokens, i, closers);
    const afterItemWord = isItemWord(tokens[i - 1]) && tokens[i - 1] !== 'one';
    const beforeItemWord = isItemWord(tokens[i + 1]);
    // A bare number said alone ("two") is an answer, not a reference: it needs its item word.
    const bareNumber = isBareNumber(tokens[i]);
    if (afterItemWord || beforeItemWord || (atEnd && !bareNumber && i > 0)) return position;
  }
  return undefined;
}

/** Longer than a reference to a list item ("what was the second reason again please"): a question of its own. */
const MAX_NAMED_REFERENCE_WORDS = 8;

/**
 * A list named by its item word beside a position ("the second reason", "question five"), whichever list is
 * being read: which of `lists` (id with its item words) and where in it. The reference must end a short
 * sentence: "the first reason i want one is…" tells, it doesn't ask for the list.
 */
export function namedListReference(words: string, lists: { id: string; one: string; many: string }[]): { id: string; position: number } | undefined {
  const tokens = normaliseWords(words).split(' ');
  if (tokens.length > MAX_NAMED_REFERENCE_WORDS) return undefined;
  const { ordinals, closers } = load();
  // The reference ends the sentence, or only a closer follows ("again", "please"): "my second question is
  // about the cost" introduces a question of its own (review).
  for (const list of lists) {
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i] !== list.one) continue;
      // "The second reason", not "two reasons" or "one last question": a bare number before the word counts it.
      const before = tokens[i - 1];
      if (before !== undefined && ordinals.has(before) && !isBareNumber(before) && tokens[i - 2] !== 'one' && endsAt(tokens, i, closers)) {
        return { id: list.id, position: ordinals.get(before)! };
      }
      // "Reason three", "question five".
      const after = tokens[i + 1];
      if (after !== undefined && ordinals.has(after) && endsAt(tokens, i + 1, closers)) return { id: list.id, position: ordinals.get(after)! };
    }
  }
  return undefined;
}

/** `ofCare`: the place was said as where care happens ("at the Royal in Liverpool"): see placeOfCare in understanding.yaml. */
export type PlaceOrService = { kind: 'nation'; nationId: string; by: 'place' | 'service'; ofCare?: boolean } | { kind: 'passage'; ref: string };

/**
 * The nation a sentence names, by a place in it ("we live near Swansea") or its patient advice service
 * ("what is PALS"); or a service of no one nation ("can Citizens Advice help"), answered by its passage.
 * A place wins over a service: "is there a PALS in Wales" asks about Wales.
 */
export function placeOrServiceIn(words: string): PlaceOrService | undefined {
  const { places, services, servicesAlone, placePattern, servicePattern, otherServices, otherServicePattern, placeOfCare } = load();
  const said = padded(words.slice(0, 1000));
  const place = placePattern.exec(said);
  if (place) {
    const before = said.slice(0, place.index).trim().split(' ').slice(-placeOfCare.within);
    return { kind: 'nation', nationId: places.get(place[1])!, by: 'place', ...(before.some((word) => placeOfCare.words.has(word)) ? { ofCare: true } : {}) };
  }
  const service = servicePattern.exec(said);
  if (service) return { kind: 'nation', nationId: services.get(service[1])!, by: 'service' };
  const tokens = said.trim().split(' ');
  if (tokens.length <= 4) for (const token of tokens) if (servicesAlone.has(token)) return { kind: 'nation', nationId: servicesAlone.get(token)!, by: 'service' };
  const other = otherServicePattern.exec(said);
  if (other) return { kind: 'passage', ref: otherServices.get(other[1])! };
  return undefined;
}

/** A feeling said in the sentence, with a kind acknowledgement, and the words without it (to answer the rest). */
export function feelingIn(words: string): { id: string; say: string; answer?: string; rest: string } | undefined {
  const said = padded(words.slice(0, 1000));
  for (const feeling of load().feelings) {
    if (feeling.any.test(said)) return { id: feeling.id, say: feeling.say, answer: feeling.answer, rest: said.replace(new RegExp(feeling.any.source, 'g'), ' ').trim() };
  }
  return undefined;
}
