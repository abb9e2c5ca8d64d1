/**
 * How free text becomes search terms, at build time (indexing) and at run time (queries) alike:
 * words lose apostrophes, stop words go, the rest are stemmed, and synonyms collapse to one term.
 */
import { stemmer } from 'stemmer';
import type { SearchSettings } from '../content/schema';

/** Lower case, without straight or curly apostrophes ("don't", "don’t" → "dont"); escaped to keep the bundle ASCII. */
export const lowerWithoutApostrophes = (text: string) => text.toLowerCase().replace(/['\u2019]/g, '');

/** One word as the search compares it: lower case, letters and digits only ("Don't!" → "dont"). */
export const normaliseWord = (word: string) => lowerWithoutApostrophes(word).replace(/[^a-z0-9]/g, '');

export function tokenize(text: string): string[] {
  return lowerWithoutApostrophes(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Stop words and synonyms in the form queries are matched in: stop words normalised, and every synonym's
 * stem mapped to its group's first stem. Prepared by the build and carried in the search index, because
 * stemming the synonym groups cost about 0.3 ms of the first free question after a cold start.
 */
export interface TermTable {
  stopWords: string[];
  /** Stem → the stem of its group's first word. */
  synonyms: Record<string, string>;
}

export function termTable(settings: Pick<SearchSettings, 'stopWords' | 'synonyms'>): TermTable {
  const synonyms: Record<string, string> = {};
  for (const group of settings.synonyms) {
    const head = stemmer(normaliseWord(group[0]));
    for (const word of group) synonyms[stemmer(normaliseWord(word))] = head;
  }
  return { stopWords: [...new Set(settings.stopWords.map(normaliseWord))], synonyms };
}

export interface TermOptions {
  tokenize: (text: string) => string[];
  /** The indexed form of a word (stemmed, synonyms merged), or null for a word not worth indexing. */
  processTerm: (word: string) => string | null;
}

export function termOptions(table: TermTable): TermOptions {
  const stopWords = new Set(table.stopWords);
  // A Map, not the object: a spoken word must never match a key inherited from Object.prototype.
  const synonyms = new Map(Object.entries(table.synonyms));
  const processTerm = (term: string): string | null => {
    const word = normaliseWord(term);
    if (!word || stopWords.has(word)) return null;
    const stem = stemmer(word);
    return synonyms.get(stem) ?? stem;
  };
  return { tokenize, processTerm };
}
