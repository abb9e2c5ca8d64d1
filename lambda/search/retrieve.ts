/**
 * Finds the topic a free question is about. The index is built at build time (tools/build-content.ts)
 * and rebuilt into memory on the first free question only, so launches and topic intents never pay for it.
 */
import MiniSearch from 'minisearch';
import { content, findTopic } from '../content';
import type { Topic } from '../content/schema';
import { searchOptions, type SearchDocument } from './terms';

let index: MiniSearch<SearchDocument> | undefined;

function loadIndex(): MiniSearch<SearchDocument> {
  // require() here, not import: esbuild then evaluates the index's JSON on first use, not at cold start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const serialised = require('../generated/search-index.json') as Parameters<typeof MiniSearch.loadJS>[0];
  index ??= MiniSearch.loadJS(serialised, searchOptions(content.search));
  return index;
}

export interface Ranked {
  topic: Topic;
  score: number;
}

export function rankTopics(query: string): Ranked[] {
  return loadIndex()
    .search(query)
    .map((hit) => ({ topic: findTopic(String(hit.id))!, score: hit.score }))
    .filter((hit) => hit.topic !== undefined);
}

export interface SearchResult {
  /** Set only when one topic is a confident match; otherwise the listener is offered choices. */
  best?: Topic;
  ranked: Ranked[];
}

export function searchTopics(query: string): SearchResult {
  const ranked = rankTopics(query);
  const [first, second] = ranked;
  const { minScore, minMargin } = content.search;
  const clearWinner = !second || first.score / second.score >= minMargin || first.score >= 2 * minScore;
  const confident = first !== undefined && first.score >= minScore && clearWinner;
  return { best: confident ? first.topic : undefined, ranked };
}
