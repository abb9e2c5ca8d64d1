/**
 * A small BM25+ ranker over the topics, written for this skill instead of a general search library: 22
 * documents and a few hundred words need no radix tree, and every kilobyte of code in the bundle is parsed
 * again on each Lambda cold start. The index is built at build time (tools/build-content.ts) into a compact
 * form that loads with one JSON.parse.
 *
 * Scoring: for each query term, BM25+ per field times the field's boost, summed over fields and terms; a
 * misspelt long word also matches indexed words a small edit distance away, at a reduced weight; a
 * document's total is then multiplied by how many different query terms it matched, so answers that match
 * more of the question rise above ones that match one word many times.
 */

export const SEARCH_FIELDS = ['title', 'aliases', 'samples', 'text'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchDocument = { id: string } & Record<SearchField, string>;

/** What tools/build-content.ts writes to lambda/generated/search-index.json. */
export interface SearchIndex {
  /** Topic ids by document number. */
  ids: string[];
  /** Distinct words per field, as lengths[document][field] in SEARCH_FIELDS order. */
  lengths: number[][];
  /** Each indexed term's postings, flattened as [field, document, occurrences, field, document, …]. */
  postings: Record<string, number[]>;
}

export interface RankerOptions {
  tokenize: (text: string) => string[];
  /** The indexed form of a word (stemmed, synonyms merged), or null for a word not worth indexing. */
  processTerm: (word: string) => string | null;
}

const FIELD_BOOST: Record<SearchField, number> = { title: 2, aliases: 3, samples: 1.5, text: 1 };

// Standard BM25+ constants: term-frequency saturation, length normalisation, and a floor so a long field
// that does contain the word still scores above one that doesn't.
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

/** A fuzzy match counts for less than an exact one, and less again the further it is. */
const FUZZY_WEIGHT = 0.45;
/** Edits allowed, as a share of the word's length; words of six letters or fewer must match exactly. */
const FUZZY_SHARE = 0.15;
const FUZZY_MIN_LENGTH = 7;

export function indexDocuments(documents: SearchDocument[], { tokenize, processTerm }: RankerOptions): SearchIndex {
  // A Map while building, like the lookups at run time: a word such as "constructor" is just a word.
  const postings = new Map<string, number[]>();
  const lengths = documents.map((document, doc) =>
    SEARCH_FIELDS.map((field, fieldIndex) => {
      const words = tokenize(document[field]);
      const counts = new Map<string, number>();
      for (const word of words) {
        const term = processTerm(word);
        if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
      }
      for (const [term, count] of counts) {
        const termPostings = postings.get(term);
        if (termPostings) termPostings.push(fieldIndex, doc, count);
        else postings.set(term, [fieldIndex, doc, count]);
      }
      return new Set(words).size;
    }),
  );
  return { ids: documents.map((d) => d.id), lengths, postings: Object.fromEntries(postings) };
}

export interface Scored {
  id: string;
  score: number;
}

/** Edit distance between a and b if it is at most `max`, else undefined. */
export function editDistanceWithin(a: string, b: string, max: number): number | undefined {
  if (Math.abs(a.length - b.length) > max) return undefined;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    // Every later row only grows from here, so a row entirely over the limit ends the search early.
    if (rowMin > max) return undefined;
    previous = current;
  }
  return previous[b.length] <= max ? previous[b.length] : undefined;
}

export class Ranker {
  private readonly averageLengths: number[];
  /** Indexed terms by length: a near miss is within a few letters of the word's length, so only those are compared. */
  private readonly vocabularyByLength = new Map<number, string[]>();

  constructor(
    private readonly index: SearchIndex,
    private readonly options: RankerOptions,
  ) {
    const documents = Math.max(index.lengths.length, 1);
    this.averageLengths = SEARCH_FIELDS.map((_, field) => index.lengths.reduce((sum, lengths) => sum + lengths[field], 0) / documents);
    for (const term of Object.keys(index.postings)) {
      const sameLength = this.vocabularyByLength.get(term.length);
      if (sameLength) sameLength.push(term);
      else this.vocabularyByLength.set(term.length, [term]);
    }
  }

  /** Topics scored against the question, best first; topics that share no word with it are left out. */
  rank(question: string): Scored[] {
    const hits = new Map<number, { score: number; terms: Set<string> }>();
    for (const word of this.options.tokenize(question)) {
      const term = this.options.processTerm(word);
      if (!term) continue;
      for (const [indexed, weight] of this.matchesFor(term)) {
        for (const [doc, score] of this.termScores(indexed, weight)) {
          const hit = hits.get(doc) ?? { score: 0, terms: new Set<string>() };
          hit.score += score;
          hit.terms.add(term);
          hits.set(doc, hit);
        }
      }
    }
    return [...hits].map(([doc, hit]) => ({ id: this.index.ids[doc], score: hit.score * hit.terms.size })).sort((a, b) => b.score - a.score);
  }

  /** The indexed terms a query term stands for, with their weights: itself, and near misses of long words. */
  private matchesFor(term: string): [string, number][] {
    // An own property only: a listener who says "constructor" must not reach Object.prototype.
    const matches: [string, number][] = Object.hasOwn(this.index.postings, term) ? [[term, 1]] : [];
    if (term.length < FUZZY_MIN_LENGTH) return matches;
    const maxEdits = Math.round(term.length * FUZZY_SHARE);
    for (let length = term.length - maxEdits; length <= term.length + maxEdits; length++) {
      for (const candidate of this.vocabularyByLength.get(length) ?? []) {
        if (candidate === term) continue;
        const distance = editDistanceWithin(term, candidate, maxEdits);
        if (distance !== undefined) matches.push([candidate, (FUZZY_WEIGHT * candidate.length) / (candidate.length + distance)]);
      }
    }
    return matches;
  }

  private termScores(term: string, weight: number): Map<number, number> {
    const postings = this.index.postings[term];
    const documentCount = this.index.ids.length;
    const documentsWithTermIn = SEARCH_FIELDS.map(() => 0);
    for (let i = 0; i < postings.length; i += 3) documentsWithTermIn[postings[i]]++;
    const scores = new Map<number, number>();
    for (let i = 0; i < postings.length; i += 3) {
      const field = postings[i];
      const doc = postings[i + 1];
      const occurrences = postings[i + 2];
      const matching = documentsWithTermIn[field];
      const rarity = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
      const lengthRatio = this.index.lengths[doc][field] / this.averageLengths[field];
      const saturation = (occurrences * (K1 + 1)) / (occurrences + K1 * (1 - B + B * lengthRatio));
      const score = weight * FIELD_BOOST[SEARCH_FIELDS[field]] * rarity * (DELTA + saturation);
      scores.set(doc, (scores.get(doc) ?? 0) + score);
    }
    return scores;
  }
}
