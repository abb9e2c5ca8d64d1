/**
 * What is remembered about a listener between sessions, and the one item that holds it. Only ids and
 * numbers this skill wrote: their part of the UK, the speech rate they chose, and the topic and page
 * they reached, with when. Never anything they said. Like the session state, the item is read field by
 * field and trusted no further than its checks: a table can hold old, half-written or foreign items.
 */
import { findNation, findTopic } from '../content';
import { readSpeechRate, STATE_LIMITS, type SpeechRate } from '../dialogue/state';

/** A record is deleted by DynamoDB's TTL this long after it was last written (PRIVACY.md). */
export const KEEP_FOR_DAYS = 90;
/** The table's key and TTL attribute names: infrastructure/cfn-deployer/skill-stack.yaml uses the same. */
export const KEY_ATTRIBUTE = 'id';
export const TTL_ATTRIBUTE = 'expiresAt';
/** Bumped if the item's meaning changes; an item of another version is ignored, not misread. */
const VERSION = 1;

const DAY_SECONDS = 24 * 60 * 60;

export interface Remembered {
  nationId?: string;
  speechRate?: SpeechRate;
  /** The topic and page read last, and, when read back from storage, when it was written (epoch seconds). */
  position?: { topicId: string; page: number; at?: number };
}

/** The item as stored, less its key: what the persistence adapter saves and returns. */
export interface MemoryItem {
  v: number;
  nation?: string;
  rate?: SpeechRate;
  topic?: string;
  page?: number;
  /** When it was written, epoch seconds: the position's time. */
  at: number;
  /** Epoch seconds after which DynamoDB deletes it, and this code ignores it. */
  [TTL_ATTRIBUTE]: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const field = (value: Record<string, unknown>, key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);
const seconds = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function toItem(remembered: Remembered, nowMs: number): MemoryItem {
  const now = Math.floor(nowMs / 1000);
  const { nationId, speechRate, position } = remembered;
  return {
    v: VERSION,
    ...(nationId ? { nation: nationId } : {}),
    ...(speechRate ? { rate: speechRate } : {}),
    ...(position ? { topic: position.topicId, page: position.page } : {}),
    at: now,
    [TTL_ATTRIBUTE]: now + KEEP_FOR_DAYS * DAY_SECONDS,
  };
}

/**
 * What an item says, or undefined when it says nothing usable. An expired item is ignored: DynamoDB's
 * TTL deletes items some time after they expire (typically within a few days), not at the moment.
 */
export function readItem(raw: unknown, nowMs: number): Remembered | undefined {
  if (!isRecord(raw) || field(raw, 'v') !== VERSION) return undefined;
  const now = Math.floor(nowMs / 1000);
  const expiresAt = seconds(field(raw, TTL_ATTRIBUTE));
  const at = seconds(field(raw, 'at'));
  // No expiry, already expired, or written "in the future" (beyond a day of clock skew): not ours to use.
  if (expiresAt === undefined || expiresAt <= now || at === undefined || at > now + DAY_SECONDS) return undefined;
  const remembered: Remembered = {};
  const nation = findNation(str(field(raw, 'nation')));
  if (nation) remembered.nationId = nation.id;
  const speechRate = readSpeechRate(field(raw, 'rate'));
  if (speechRate) remembered.speechRate = speechRate;
  const topic = findTopic(str(field(raw, 'topic')));
  const page = field(raw, 'page');
  if (topic && typeof page === 'number' && Number.isInteger(page) && page >= 0 && page <= STATE_LIMITS.page) remembered.position = { topicId: topic.id, page, at };
  return remembered;
}
