/**
 * The single dialogue-state object kept in session attributes. Alexa hands back whatever we stored, but
 * clients, simulators and old sessions can send it missing or mangled, so reading it never trusts a field.
 */
import { findNation, findTopic } from '../content';

export type Offer =
  /** "Would you like to hear more?" / "Say next for more": yes and next continue the current topic. */
  | { kind: 'continue' }
  /** "Would you like to hear about X?": yes opens topic X. */
  | { kind: 'topic'; topicId: string };

export interface Card {
  title: string;
  text: string;
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
  disclaimerGiven?: boolean;
  /** Exactly what was said last, so repeat can say it again. */
  last?: { speech: string; reprompt?: string; card?: Card };
}

export const STATE_KEY = 'dialogue';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

function readOffer(value: unknown): Offer | undefined {
  if (!isRecord(value)) return undefined;
  if (value.kind === 'continue') return { kind: 'continue' };
  if (value.kind === 'topic' && findTopic(str(value.topicId))) return { kind: 'topic', topicId: value.topicId as string };
  return undefined;
}

function readLast(value: unknown): DialogueState['last'] {
  if (!isRecord(value) || typeof value.speech !== 'string' || !value.speech.startsWith('<speak>')) return undefined;
  const card = isRecord(value.card) && typeof value.card.title === 'string' && typeof value.card.text === 'string' ? { title: value.card.title, text: value.card.text } : undefined;
  return { speech: value.speech, reprompt: str(value.reprompt), card };
}

/** Reads the state from session attributes, keeping only the fields that are well-formed. */
export function readState(attributes: unknown): DialogueState {
  const raw = isRecord(attributes) ? attributes[STATE_KEY] : undefined;
  if (!isRecord(raw)) return {};
  const state: DialogueState = {};
  const topic = findTopic(str(raw.topicId));
  if (topic) {
    state.topicId = topic.id;
    if (Number.isInteger(raw.page) && (raw.page as number) >= 0) state.page = raw.page as number;
  }
  state.offer = readOffer(raw.offer);
  if (raw.awaitingNation === true) state.awaitingNation = true;
  if (findNation(str(raw.nationId))) state.nationId = raw.nationId as string;
  if (raw.disclaimerGiven === true) state.disclaimerGiven = true;
  state.last = readLast(raw.last);
  return Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined));
}
