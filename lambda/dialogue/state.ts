/**
 * The single dialogue-state object kept in session attributes. Alexa hands back whatever we stored, but
 * clients, simulators and old sessions can send it missing or mangled, and anyone who can reach the
 * endpoint can forge it, so reading it never trusts a field: each is read on its own, checked for type,
 * known ids and length, and dropped when it is anything else. Nothing read here is ever markup: what was
 * said last is kept as the blocks and prompts it was rendered from, and rendering escapes them again.
 */
import { content, findNation, findTopic } from '../content';
import type { Block } from '../speech/render';

export type Offer =
  /** "Would you like to hear more?" / "Say next for more": yes and next continue the current topic. */
  | { kind: 'continue' }
  /** "Would you like to hear about X?": yes opens topic X. */
  | { kind: 'topic'; topicId: string }
  /** "Would you like to stop?" after misunderstanding three times running: yes ends the session. */
  | { kind: 'stop' }
  /** "Would you like to carry on?" at a welcome back: yes reads on from the topic and page remembered. */
  | { kind: 'resume' }
  /** "Shall I forget …?" after "forget me": only yes deletes, since words near "forget" can reach that intent. */
  | { kind: 'forget' };

/**
 * A card, named rather than written out: the topic or urgent answer it is made from. It is rendered from
 * the content when sent (speech/card.ts), so a card sent again says what the content says now, and what
 * the session keeps is an id the reader checks, never text to trust.
 */
export type CardRef = { kind: 'topic'; topicId: string } | { kind: 'safety'; answerId: string };

/** How fast Alexa speaks, chosen by the listener for the rest of the session. Medium is Alexa's own rate. */
export type SpeechRate = 'slow' | 'medium' | 'fast';
export const SPEECH_RATES: readonly SpeechRate[] = ['slow', 'medium', 'fast'];

/** What the last response said, as data, so "repeat" renders the same turn (speech and screen) again. */
export interface LastTurn {
  blocks: Block[];
  prompt: string;
  reprompt: string;
  /** The screen's title for the turn, when it was about a topic or an urgent answer. */
  title?: string;
}

export interface DialogueState {
  /** The topic being read, and which page of it was read last. */
  topicId?: string;
  page?: number;
  /** What "yes" would accept. */
  offer?: Offer;
  /** The last response asked "Which part of the UK do you live in?". */
  awaitingNation?: boolean;
  /** The listener's nation once known, so urgent help and services fit where they live. */
  nationId?: string;
  /** The disclaimer has been said in this session (with the first guidance, or in the welcome). */
  disclaimerGiven?: boolean;
  /** The last safety answer given (safety.yaml id), so a nation said next gets that nation's helpline. */
  safetyAnswer?: string;
  /** What was said last, so repeat can say it again. */
  last?: LastTurn;
  /** One item of the list was read on its own ("what was the second one"): next reads on from the one after it. */
  listItem?: number;
  /** How many turns in a row ended in the fallback (1 to 3): each asks for more concrete help. */
  fallbacks?: number;
  /** The listener asked to be forgotten in this session: nothing more is remembered until it ends. */
  forgotten?: boolean;
  /** The last card sent (guidance, a list, urgent help), so "send that to my phone" can send it again. */
  lastCard?: CardRef;
  /**
   * The speed the listener asked for ("speak slower"); absent means Alexa's own. A small string union on
   * purpose: it is the one preference worth keeping between sessions, under this name.
   */
  speechRate?: SpeechRate;
}

export const STATE_KEY = 'dialogue';

/**
 * Limits for what is read back, with room to spare over what the content makes: its longest line is
 * about 300 characters, a turn has at most 6 blocks, the longest title about 40 characters. Anything
 * larger was not written by this skill. (Cards are kept as ids, so they have no text to limit.)
 */
export const STATE_LIMITS = { text: 1_000, blocks: 10, spokenTotal: 3_000, title: 200, page: 1_000 } as const;

/**
 * Whether text holds a character XML 1.0 forbids (C0 controls other than tab and line breaks,
 * U+FFFE/U+FFFF, unpaired surrogates). ssml-builder escapes markup but passes these through, and Alexa
 * rejects SSML that holds them. Content never has them, so only text read back from state is checked.
 */
export function hasNonXmlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c < 0x20 ? c !== 0x09 && c !== 0x0a && c !== 0x0d : c >= 0xfffe) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** An own field only: a forged "__proto__" or "constructor" key is just a key. */
const field = (value: Record<string, unknown>, key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
/** A non-blank string of at most `max` characters, with no character XML forbids (the skill never says one), else undefined. */
const text = (value: unknown, max: number = STATE_LIMITS.text) => (typeof value === 'string' && value.trim().length > 0 && value.length <= max && !hasNonXmlCharacters(value) ? value : undefined);

/** One of the known rates, else undefined. Shared with what memory reads back (lambda/memory/record.ts). */
export const readSpeechRate = (value: unknown): SpeechRate | undefined => SPEECH_RATES.find((rate) => rate === value);

function readOffer(value: unknown): Offer | undefined {
  if (!isRecord(value)) return undefined;
  const kind = field(value, 'kind');
  if (kind === 'continue') return { kind: 'continue' };
  if (kind === 'stop') return { kind: 'stop' };
  if (kind === 'resume') return { kind: 'resume' };
  if (kind === 'forget') return { kind: 'forget' };
  const topic = kind === 'topic' ? findTopic(str(field(value, 'topicId'))) : undefined;
  return topic ? { kind: 'topic', topicId: topic.id } : undefined;
}

function readBlock(value: unknown): Block | undefined {
  if (!isRecord(value)) return undefined;
  const kind = field(value, 'kind');
  if (kind === 'text') {
    const said = text(field(value, 'text'));
    return said === undefined ? undefined : { kind: 'text', text: said };
  }
  if (kind !== 'list') return undefined;
  const position = text(field(value, 'position'));
  const items = field(value, 'items');
  if (position === undefined || !Array.isArray(items) || items.length < 1 || items.length > content.speech.pacing.itemsPerTurn) return undefined;
  const read = items.map((item) => text(item));
  if (!read.every((item) => item !== undefined)) return undefined;
  // The first item's number, for the screen; a list page without one is still read, just not numbered.
  const from = field(value, 'from');
  const numbered = typeof from === 'number' && Number.isInteger(from) && from >= 1 && from <= STATE_LIMITS.page;
  return numbered ? { kind: 'list', position, items: read, from } : { kind: 'list', position, items: read };
}

function readCardRef(value: unknown): CardRef | undefined {
  if (!isRecord(value)) return undefined;
  const kind = field(value, 'kind');
  if (kind === 'topic') {
    const topic = findTopic(str(field(value, 'topicId')));
    return topic ? { kind: 'topic', topicId: topic.id } : undefined;
  }
  const answerId = kind === 'safety' ? str(field(value, 'answerId')) : undefined;
  return answerId !== undefined && Object.hasOwn(content.safety, answerId) ? { kind: 'safety', answerId } : undefined;
}

/** The last turn, whole or not at all: a turn with one bad part is not what was said. */
function readLast(value: unknown): LastTurn | undefined {
  if (!isRecord(value)) return undefined;
  const rawBlocks = field(value, 'blocks');
  if (!Array.isArray(rawBlocks) || rawBlocks.length > STATE_LIMITS.blocks) return undefined;
  const blocks = rawBlocks.map(readBlock);
  const prompt = text(field(value, 'prompt'));
  const reprompt = text(field(value, 'reprompt'));
  const rawTitle = field(value, 'title');
  const title = text(rawTitle, STATE_LIMITS.title);
  if (!blocks.every((block) => block !== undefined) || prompt === undefined || reprompt === undefined || (rawTitle !== undefined && title === undefined)) return undefined;
  const spoken = [prompt, reprompt, ...blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : [b.position, ...b.items]))];
  if (spoken.reduce((sum, s) => sum + s.length, 0) > STATE_LIMITS.spokenTotal) return undefined;
  return title === undefined ? { blocks, prompt, reprompt } : { blocks, prompt, reprompt, title };
}

/** Reads the state from session attributes, keeping only the fields that are well-formed. */
export function readState(attributes: unknown): DialogueState {
  const raw = isRecord(attributes) ? field(attributes, STATE_KEY) : undefined;
  if (!isRecord(raw)) return {};
  const state: DialogueState = {};
  const topic = findTopic(str(field(raw, 'topicId')));
  const page = field(raw, 'page');
  if (topic) {
    state.topicId = topic.id;
    if (typeof page === 'number' && Number.isInteger(page) && page >= 0 && page <= STATE_LIMITS.page) state.page = page;
  }
  const offer = readOffer(field(raw, 'offer'));
  if (offer) state.offer = offer;
  if (field(raw, 'awaitingNation') === true) state.awaitingNation = true;
  const nation = findNation(str(field(raw, 'nationId')));
  if (nation) state.nationId = nation.id;
  if (field(raw, 'disclaimerGiven') === true) state.disclaimerGiven = true;
  const safetyAnswer = str(field(raw, 'safetyAnswer'));
  if (safetyAnswer !== undefined && Object.hasOwn(content.safety, safetyAnswer)) state.safetyAnswer = safetyAnswer;
  const listItem = field(raw, 'listItem');
  if (state.page !== undefined && typeof listItem === 'number' && Number.isInteger(listItem) && listItem >= 1 && listItem <= 50) state.listItem = listItem;
  const fallbacks = field(raw, 'fallbacks');
  if (fallbacks === 1 || fallbacks === 2 || fallbacks === 3) state.fallbacks = fallbacks;
  const last = readLast(field(raw, 'last'));
  if (last) state.last = last;
  const lastCard = readCardRef(field(raw, 'lastCard'));
  if (lastCard) state.lastCard = lastCard;
  const speechRate = readSpeechRate(field(raw, 'speechRate'));
  if (speechRate) state.speechRate = speechRate;
  if (field(raw, 'forgotten') === true) state.forgotten = true;
  return state;
}
