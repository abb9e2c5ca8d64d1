/**
 * Finds the topic a free question is about. Everything search needs (the index, prepared stop words and
 * synonyms, the confidence thresholds) is built by tools/build-content.ts into search-index.json and
 * loaded on the first free question only, so launches and topic intents never pay for it.
 */
import { findTopic, type Topic } from '../content';
import { Ranker, type SearchIndex } from './ranker';
import { termOptions, type TermTable } from './terms';

/** What tools/build-content.ts writes to lambda/generated/search-index.json. */
export interface SearchData {
  index: SearchIndex;
  terms: TermTable;
  /** Below this score a topic is never the answer (content/en-GB/search.yaml). */
  minScore: number;
  /** How far the best topic must lead the next one to be answered without asking. */
  minMargin: number;
}

let loaded: { data: SearchData; ranker: Ranker } | undefined;

function loadSearch(): { data: SearchData; ranker: Ranker } {
  if (!loaded) {
    // require() here, not import: esbuild then evaluates the JSON on first use, not at cold start.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data = require('../generated/search-index.json') as SearchData;
    loaded = { data, ranker: new Ranker(data.index, termOptions(data.terms)) };
  }
  return loaded;
}

export interface Ranked {
  topic: Topic;
  score: number;
}

export function rankTopics(query: string): Ranked[] {
  return loadSearch()
    .ranker.rank(query)
    .map((hit) => ({ topic: findTopic(hit.id)!, score: hit.score }))
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
  const { minScore, minMargin } = loadSearch().data;
  const clearWinner = !second || first.score / second.score >= minMargin || first.score >= 2 * minScore;
  const confident = first !== undefined && first.score >= minScore && clearWinner;
  return { best: confident ? first.topic : undefined, ranked };
}
