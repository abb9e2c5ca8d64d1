/**
 * Finds the topic a free question is about. The index is built at build time (tools/build-content.ts)
 * and loaded on the first free question only, so launches and topic intents never pay for it.
 */
import { content, findTopic, type Topic } from '../content';
import { Ranker, type SearchIndex } from './ranker';
import { termOptions } from './terms';

let ranker: Ranker | undefined;

function loadRanker(): Ranker {
  // require() here, not import: esbuild then evaluates the index's JSON on first use, not at cold start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ranker ??= new Ranker(require('../generated/search-index.json') as SearchIndex, termOptions(content.search));
  return ranker;
}

export interface Ranked {
  topic: Topic;
  score: number;
}

export function rankTopics(query: string): Ranked[] {
  return loadRanker()
    .rank(query)
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
  const { minScore, minMargin } = content.search;
  const clearWinner = !second || first.score / second.score >= minMargin || first.score >= 2 * minScore;
  const confident = first !== undefined && first.score >= minScore && clearWinner;
  return { best: confident ? first.topic : undefined, ranked };
}
