/**
 * The shape of the passage index, shared by the build (tools/passages.ts) and the Lambda. Imports nothing
 * of the content, so the build can use it before lambda/generated/ exists.
 */
import type { AsPlainObject } from 'minisearch';
import type { TermTable } from './terms';

export const PASSAGE_FIELDS = ['about', 'questions', 'text', 'topic', 'samples'] as const;

/** What tools/passages.ts writes to lambda/generated/passages.json. */
export interface PassageData {
  index: AsPlainObject;
  terms: TermTable;
  minScore: number;
  minMargin: number;
  followUpShare: number;
  followUpMaxWords: number;
  maxWords: number;
  maxUnknownShare: number;
  unknownMinTerms: number;
}

/** The parts of a topic a passage can be: its short answer, its paragraphs, its list items. */
interface PassageSource {
  shortAnswer: string;
  detail: string[];
  list?: { items: { spoken: string }[] };
}

/** The passages of a topic, in reading order: short, detail-1…, item-1…. */
export function passageKeys(topic: PassageSource): string[] {
  return ['short', ...topic.detail.map((_, i) => `detail-${i + 1}`), ...(topic.list?.items ?? []).map((_, i) => `item-${i + 1}`)];
}

/** What a passage says: its topic's short answer, paragraph detail-N or list item item-N (from 1). */
export function passageText(topic: PassageSource, key: string): string {
  const [kind, n] = key.split('-');
  if (kind === 'detail') return topic.detail[Number(n) - 1];
  if (kind === 'item') return topic.list!.items[Number(n) - 1].spoken;
  return topic.shortAnswer;
}
