/**
 * Local stand-in for Alexa's language understanding, driven by the same interaction model Alexa receives:
 *   1. an exact sample match, filling slots and entity resolution the way Alexa does (ids included);
 *   2. else the nearest sample when the words are close;
 *   3. else the intent whose samples share the most telling words with what was said (a rough stand-in
 *      for the statistical part of Alexa's NLU, which generalises from samples: see `similar`);
 *   4. else what matched nothing goes where the routing mode says:
 *      - 'device' (the default): AMAZON.FallbackIntent with no words at all, as a real device sends it;
 *      - 'catch-all': QueryIntent with the words in its AMAZON.SearchQuery slot (the optimistic case).
 * It never looks at the skill's own search or triage: it must not know more than Alexa would.
 */
import type { Intent, Slot } from 'ask-sdk-model';
import { stemmer } from 'stemmer';
import type { InteractionModel } from '../model/build-model';
import { BUILT_IN_PHRASES } from './builtin-phrases';

export type Resolution =
  | { kind: 'launch' }
  /** `oneShot`: said with the invocation name ("ask second opinion guide …"), so it starts a new session. */
  | { kind: 'intent'; intent: Intent; how: 'exact' | 'near' | 'similar' | 'catch-all' | 'fallback'; sample?: string; similarity?: number; oneShot?: boolean }
  | { kind: 'empty' };

interface CompiledSample {
  intent: string;
  sample: string;
  pattern: RegExp;
  slotNames: string[];
  literalLength: number;
  words: string[];
  /** The sample says a negation ("not", "never", an n't word): see `near`. */
  negated: boolean;
  /** The telling (not function) words right beside each slot, where there are any: see `placedAsInSample`. */
  slotNeighbours: Record<string, { before?: string; after?: string }>;
}

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NEAR_THRESHOLD = 0.75;
/**
 * How alike (weighted cosine of stemmed content words) a sentence and an intent's nearest sample must be
 * for the stand-in NLU to pick that intent rather than the fallback. Chosen on the tuning parts of the
 * fixtures only; real Alexa NLU will differ, which is why the fallback carries the urgent line.
 */
const SIMILAR_THRESHOLD = 0.5;
/** Scores this close are equal: see `similar`. */
const TIE = 1e-9;
/** A pair of words said as fixed words in this many samples is a phrase (see `saidAsValue`). */
const PHRASE_SAMPLES = 20;
/** The share of the sentence's word weight the sample must contain. */
const MIN_COVERED = 0.4;
/**
 * Words too common to tell intents apart; everything else counts, weighted by how few intents use it. The
 * usual English stop words, and the fillers of speech ("um", "okay", "well"): a statistical NLU does not
 * tell intents apart by "such" or "okay". Negations, question words that choose an answer (why, who, when)
 * and act words (next, again, back) are not in it.
 */
const FUNCTION_WORDS = new Set(
  `a an the i im me my we us our you your to of for and or is are am be been being it its this that these those in on at do does did doing
  can could would should will shall may might must what how if with about get got have has had having so just they them their he she her
  his him from by as there was were such all any both each some own same than too very also only then now once here into onto out up
  off over which whom ive id ill youre youve theyre theres whats thats its um er erm uh okay ok well yeah yes oh like really thing things`.split(/\s+/),
);
/**
 * "What kind of questions", "a sort of check-up": a quantifier phrase, as empty as "such", not the "kind" of
 * "he's been so kind" (which took "what kind of questions should I ask" to a doctor minding).
 */
const QUANTIFIER_PHRASE = /\b(?:kind|kinds|sort|sorts|type|types) of\b/g;

const contentStems = (text: string) => [
  ...new Set(
    normalise(text)
      .replace(/'/g, '')
      .replace(QUANTIFIER_PHRASE, ' ')
      .split(' ')
      .filter((w) => w && !FUNCTION_WORDS.has(w))
      .map((w) => stemmer(w)),
  ),
];

/** Where words that match no sample go: see the file comment. */
export type Routing = 'device' | 'catch-all';

export class Resolver {
  private readonly samples: CompiledSample[] = [];
  private readonly slotTypes = new Map<string, string>(); // intent.slot → type
  private readonly values = new Map<string, Map<string, { id: string; name: string }>>(); // type → spoken → value
  private readonly invocation: string;
  /** For the similarity stage: each sample's stems, and how telling each stem is (rarer across intents = more). */
  private readonly bags: { sample: CompiledSample; stems: string[] }[] = [];
  private readonly weight = new Map<string, number>();
  private unknownWeight = 1;
  /** How many samples say each pair of neighbouring fixed words ("second opinion"): see `saidAsValue`. */
  private readonly literalPairs = new Map<string, number>();
  /** A filled slot counts as a shared word of middling weight: the median of the stems' weights. */
  private slotWeight = 1;

  constructor(
    model: InteractionModel,
    readonly routing: Routing = 'device',
  ) {
    const { invocationName, intents, types } = model.interactionModel.languageModel;
    this.invocation = normalise(invocationName);
    for (const type of types) {
      const byWords = new Map<string, { id: string; name: string }>();
      for (const value of type.values) {
        for (const said of [value.name.value, ...(value.name.synonyms ?? [])]) byWords.set(normalise(said), { id: value.id, name: value.name.value });
      }
      this.values.set(type.name, byWords);
    }
    for (const intent of intents) {
      for (const slot of intent.slots ?? []) this.slotTypes.set(`${intent.name}.${slot.name}`, slot.type);
      const phrases = [...intent.samples, ...(BUILT_IN_PHRASES[intent.name] ?? [])];
      for (const sample of phrases) this.samples.push(this.compile(intent.name, sample));
    }
    for (const sample of this.samples) {
      for (const part of sample.sample.split(/\{\w+\}/)) {
        const words = normalise(part).split(' ').filter(Boolean);
        for (let i = 1; i < words.length; i++) {
          const pair = `${words[i - 1]} ${words[i]}`;
          this.literalPairs.set(pair, (this.literalPairs.get(pair) ?? 0) + 1);
        }
      }
    }
    this.prepareSimilarity();
  }

  /**
   * Whether a slot value is said in the sentence as a value. A one-word value inside a phrase that many
   * samples say as fixed words is part of that phrase, as Alexa's NLU reads it: "second" in "a second
   * opinion" is not the ORDINAL "second".
   */
  private saidAsValue(text: string, value: string): boolean {
    const words = text.split(' ');
    const valueWords = value.split(' ');
    for (let i = 0; i + valueWords.length <= words.length; i++) {
      if (valueWords.some((w, j) => words[i + j] !== w)) continue;
      const before = i > 0 ? `${words[i - 1]} ${valueWords[0]}` : '';
      const after = i + valueWords.length < words.length ? `${valueWords[valueWords.length - 1]} ${words[i + valueWords.length]}` : '';
      const inPhrase = valueWords.length === 1 && ((this.literalPairs.get(before) ?? 0) >= PHRASE_SAMPLES || (this.literalPairs.get(after) ?? 0) >= PHRASE_SAMPLES);
      if (!inPhrase) return true;
    }
    return false;
  }

  /**
   * A number word ("one", "two", "first", "last") fills a slot the sample puts right beside a telling word
   * ("reason {position}", "the {position} one") only when it is said beside that word. Number words are
   * everyday pronouns and quantifiers ("ask for one", "the two doctors"), and Alexa's NLU labels slots by
   * the words around them, so "one" in "what are the reasons people ask for one" is not reason number one.
   * Other values (a town, a service) are recognised anywhere, as `similar` says.
   */
  private placedAsInSample(text: string, value: string, sample: CompiledSample, slotName: string): boolean {
    const { before, after } = sample.slotNeighbours[slotName];
    if (!NUMBER_WORD.test(value) || (before === undefined && after === undefined)) return true;
    const words = text.split(' ');
    return words.some((word, i) => word === value && ((before !== undefined && words[i - 1] === before) || (after !== undefined && words[i + 1] === after)));
  }

  private prepareSimilarity(): void {
    const intentsUsing = new Map<string, Set<string>>();
    for (const sample of this.samples) {
      // Carrier phrases of a free-text slot ("i want to know {query}") say nothing about the words in it,
      // and Amazon's built-ins ("stop", "next") are short commands the earlier stages already match.
      if (sample.intent.startsWith('AMAZON.')) continue;
      if (sample.slotNames.some((name) => !this.values.has(this.slotTypes.get(`${sample.intent}.${name}`) ?? ''))) continue;
      const stems = contentStems(sample.sample.replace(/\{\w+\}/g, ' '));
      if (!stems.length) continue;
      this.bags.push({ sample, stems });
      for (const stem of stems) {
        if (!intentsUsing.has(stem)) intentsUsing.set(stem, new Set());
        intentsUsing.get(stem)!.add(sample.intent);
      }
    }
    const intentCount = new Set(this.bags.map((b) => b.sample.intent)).size;
    for (const [stem, intents] of intentsUsing) this.weight.set(stem, Math.log(1 + intentCount / intents.size));
    // A word no sample uses is as telling as the rarest: it pulls the sentence away from every intent.
    this.unknownWeight = Math.log(1 + intentCount);
    const weights = [...this.weight.values()].sort((a, b) => a - b);
    this.slotWeight = weights[Math.floor(weights.length / 2)] ?? 1;
  }

  private compile(intent: string, sample: string): CompiledSample {
    const slotNames: string[] = [];
    // split() with a capture group puts the slot names at the odd indices.
    const source = sample
      .split(/\{(\w+)\}/)
      .map((part, i) => {
        if (i % 2 === 0) return escapeRegex(normalise(part));
        slotNames.push(part);
        return '(.+?)';
      })
      .filter(Boolean)
      .join(' ');
    const literal = normalise(sample.replace(/\{\w+\}/g, ' '));
    const words = literal.split(' ').filter(Boolean);
    // Split as in `source`: the slot names at the odd indices, the fixed words around them at the even ones.
    const parts = sample.split(/\{(\w+)\}/);
    const telling = (word: string | undefined) => (word !== undefined && !FUNCTION_WORDS.has(word.replace(/'/g, '')) ? word : undefined);
    const slotNeighbours: CompiledSample['slotNeighbours'] = {};
    for (let i = 1; i < parts.length; i += 2) {
      slotNeighbours[parts[i]] = {
        before: telling(
          normalise(parts[i - 1])
            .split(' ')
            .filter(Boolean)
            .pop(),
        ),
        after: telling(
          normalise(parts[i + 1] ?? '')
            .split(' ')
            .filter(Boolean)[0],
        ),
      };
    }
    return { intent, sample, pattern: new RegExp(`^${source}$`), slotNames, literalLength: literal.replace(/ /g, '').length, words, negated: words.some(isNegation), slotNeighbours };
  }

  resolve(said: string): Resolution {
    let text = normalise(said).replace(/^alexa /, '');
    if (!text) return { kind: 'empty' };
    const invocation = new RegExp(`^(?:(?:open|start|launch|ask|tell|talk to|load|use|begin) )?${escapeRegex(this.invocation)}(?: (?:to|about|for|if|whether|and))?(?: (.*))?$`);
    const invoked = invocation.exec(text);
    if (text === 'open' || text === 'start' || (invoked && !invoked[1])) return { kind: 'launch' };
    const oneShot = Boolean(invoked);
    if (invoked) text = invoked[1];
    const resolved = this.exact(text) ?? this.near(text) ?? this.similar(text) ?? this.unmatched(text);
    return { ...resolved, oneShot };
  }

  private slot(intent: string, name: string, value: string): Slot {
    const type = this.slotTypes.get(`${intent}.${name}`) ?? '';
    const slot: Slot = { name, value, confirmationStatus: 'NONE' };
    const known = this.values.get(type);
    if (!known) return slot; // built-in types such as AMAZON.SearchQuery carry no resolutions
    const match = known.get(normalise(value));
    const authority = `amzn1.er-authority.echo-sdk.local.${type}`;
    slot.resolutions = {
      resolutionsPerAuthority: [
        match ? { authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id: match.id, name: match.name } }] } : { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } },
      ],
    } as Slot['resolutions'];
    return slot;
  }

  private exact(text: string): Extract<Resolution, { kind: 'intent' }> | undefined {
    // Rank: literal samples, then samples whose custom slots all resolve, then free-text slots, then
    // unresolved custom slots; within a rank, the sample with the most fixed words wins.
    let best: { rank: number; length: number; sample: CompiledSample; slots: Record<string, Slot> } | undefined;
    for (const sample of this.samples) {
      const match = sample.pattern.exec(text);
      if (!match) continue;
      const slots: Record<string, Slot> = {};
      sample.slotNames.forEach((name, i) => (slots[name] = this.slot(sample.intent, name, match[i + 1].trim())));
      const statuses = Object.values(slots).map((s) => s.resolutions?.resolutionsPerAuthority?.[0]?.status.code);
      const rank = !sample.slotNames.length ? 0 : statuses.every((s) => s === 'ER_SUCCESS_MATCH') ? 1 : statuses.includes('ER_SUCCESS_NO_MATCH') ? 3 : 2;
      // A bare custom slot ("{nation}") only catches words that are values of its type.
      if (sample.literalLength === 0 && rank !== 1) continue;
      if (!best || rank < best.rank || (rank === best.rank && sample.literalLength > best.length)) best = { rank, length: sample.literalLength, sample, slots };
    }
    if (!best) return undefined;
    return { kind: 'intent', how: 'exact', sample: best.sample.sample, intent: this.intentWith(best.sample, best.slots) };
  }

  private intentWith(sample: CompiledSample, slots: Record<string, Slot>): Intent {
    // Alexa sends every slot the intent declares, empty ones without a value.
    const declared = [...this.slotTypes.keys()].filter((k) => k.startsWith(`${sample.intent}.`)).map((k) => k.slice(sample.intent.length + 1));
    const all: Record<string, Slot> = {};
    for (const name of declared) all[name] = slots[name] ?? { name, confirmationStatus: 'NONE' };
    return { name: sample.intent, confirmationStatus: 'NONE', ...(declared.length ? { slots: all } : {}) };
  }

  private near(text: string): Extract<Resolution, { kind: 'intent' }> | undefined {
    const words = text.split(' ');
    const negated = words.some(isNegation);
    let best: { similarity: number; sample: CompiledSample } | undefined;
    for (const sample of this.samples) {
      if (sample.slotNames.length || !sample.words.length) continue;
      // One word apart is not near when that word is a negation: "that's not all I needed" is not "that's
      // all I needed", and a statistical NLU that never saw "not" in an intent's samples moves away from it.
      if (negated !== sample.negated) continue;
      const similarity = 1 - wordDistance(words, sample.words) / Math.max(words.length, sample.words.length);
      if (!best || similarity > best.similarity) best = { similarity, sample };
    }
    if (!best || best.similarity < NEAR_THRESHOLD) return undefined;
    return { kind: 'intent', how: 'near', sample: best.sample.sample, similarity: Number(best.similarity.toFixed(2)), intent: this.intentWith(best.sample, {}) };
  }

  /**
   * The intent whose nearest sample shares the most telling words with the sentence (cosine of stemmed
   * content words, weighted by rarity across intents). Custom slots are filled when one of their values is
   * said anywhere in the sentence.
   */
  private similar(text: string): Extract<Resolution, { kind: 'intent' }> | undefined {
    const said = contentStems(text);
    const words = text.split(' ');
    if (!said.length) return undefined;
    const w = (stem: string) => this.weight.get(stem) ?? (stem.startsWith('{') ? this.slotWeight : this.unknownWeight);
    const saidNorm = Math.sqrt(said.reduce((sum, s) => sum + w(s) ** 2, 0));
    const saidSet = new Set(said);
    let best: { score: number; bag: Resolver['bags'][number]; distance?: number } | undefined;
    // The longest value of each custom slot type said anywhere in the sentence, looked up once per type.
    const saidValues = new Map<string, string | undefined>();
    const valueSaid = (sample: CompiledSample, name: string): string | undefined => {
      const type = this.slotTypes.get(`${sample.intent}.${name}`) ?? '';
      if (!saidValues.has(type)) {
        const known = [...(this.values.get(type)?.keys() ?? [])];
        saidValues.set(type, known.filter((v) => this.saidAsValue(text, v)).sort((a, b) => b.length - a.length)[0]);
      }
      return saidValues.get(type);
    };
    for (const bag of this.bags) {
      // A sample built around a custom slot ("what's {service}") is like the sentence only if the sentence
      // holds a value of that slot; its slot-less forms ("who can help") stand on their own.
      const filled = bag.sample.slotNames.map((name) => valueSaid(bag.sample, name));
      if (filled.some((value) => value === undefined)) continue;
      if (!filled.every((value, i) => this.placedAsInSample(text, value!, bag.sample, bag.sample.slotNames[i]))) continue;
      // Alexa's NLU recognises a slot value in words it has not seen around it: "birmingham" in "my dad's in
      // hospital in birmingham, who can help" fills {nation} rather than counting as an unknown word. So the
      // value's words leave the sentence, and each filled slot counts as one shared, telling word.
      let saidStems = said;
      let norm2 = saidNorm ** 2;
      if (filled.length) {
        const valueStems = new Set(filled.flatMap((value) => contentStems(value!)));
        saidStems = [...said.filter((s) => !valueStems.has(s)), ...bag.sample.slotNames.map((name) => `{${name}}`)];
        norm2 = saidStems.reduce((sum, s) => sum + w(s) ** 2, 0);
      }
      const saidHere = filled.length ? new Set(saidStems) : saidSet;
      let shared = 0;
      let norm = 0;
      let carrierShared = false;
      for (const stem of [...bag.stems, ...bag.sample.slotNames.map((name) => `{${name}}`)]) {
        norm += w(stem) ** 2;
        if (!saidHere.has(stem)) continue;
        shared += w(stem) ** 2;
        if (!stem.startsWith('{')) carrierShared = true;
      }
      // A value alone ("one" in "how do i get one") is no evidence for the sample: some of its own words must be said.
      if (!carrierShared) continue;
      // Cosine, and the sample must also account for most of what was said: one rare shared word in a
      // long sentence is not a match.
      const covered = shared / norm2;
      const score = covered < MIN_COVERED ? 0 : shared / Math.sqrt(norm2 * norm);
      // Equal on telling words ("second opinion what is that" shares only "second opinion" with dozens of
      // samples), the sample nearer in all its words wins, as Alexa's NLU reads "what is" too; not whichever
      // intent the model happens to list first. Only between samples that match at all: a tie at 0 decides
      // nothing, and word distances for every sample that shares no word would cost every sentence.
      if (best === undefined || score > best.score + TIE) best = { score, bag };
      else if (score > 0 && score > best.score - TIE) {
        best.distance ??= wordDistance(words, best.bag.sample.words);
        const distance = wordDistance(words, bag.sample.words);
        if (distance < best.distance) best = { score, bag, distance };
      }
    }
    if (!best || best.score < SIMILAR_THRESHOLD) return undefined;
    const { sample } = best.bag;
    // A custom slot is filled with the longest of its values said anywhere; left unfilled otherwise.
    const slots: Record<string, Slot> = {};
    for (const name of sample.slotNames) {
      const value = valueSaid(sample, name);
      if (value) slots[name] = this.slot(sample.intent, name, value);
    }
    return { kind: 'intent', how: 'similar', sample: sample.sample, similarity: Number(best.score.toFixed(2)), intent: this.intentWith(sample, slots) };
  }

  private unmatched(text: string): Extract<Resolution, { kind: 'intent' }> {
    if (this.routing === 'catch-all') {
      return { kind: 'intent', how: 'catch-all', intent: { name: 'QueryIntent', confirmationStatus: 'NONE', slots: { query: { name: 'query', value: text, confirmationStatus: 'NONE' } } } };
    }
    return { kind: 'intent', how: 'fallback', intent: { name: 'AMAZON.FallbackIntent', confirmationStatus: 'NONE' } };
  }
}

/** Cardinal and ordinal words and digits, as a list position is said. */
const NUMBER_WORD = /^(?:\d+(?:st|nd|rd|th)?|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)$/;

/** Words that turn a sentence round: "not", "never" and the n't forms ("isn't", "can't"). */
const isNegation = (word: string) => word === 'not' || word === 'never' || word.endsWith("n't");

/** Edit distance counted in words: how many words to insert, delete or change to turn a into b. */
function wordDistance(a: string[], b: string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
