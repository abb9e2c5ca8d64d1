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
  maxWords: number;
}

/** The passages of a topic, in reading order: short, detail-1…, item-1…. */
export function passageKeys(topic: { detail: unknown[]; list?: { items: unknown[] } }): string[] {
  return ['short', ...topic.detail.map((_, i) => `detail-${i + 1}`), ...(topic.list?.items ?? []).map((_, i) => `item-${i + 1}`)];
}
