/**
 * How free text becomes search terms, at build time (indexing) and at run time (queries) alike:
 * words lose apostrophes, stop words go, the rest are stemmed, and synonyms collapse to one term.
 */
import { stemmer } from 'stemmer';
import type { SearchSettings } from '../content/schema';
import type { RankerOptions } from './ranker';

/** Lower case, without straight or curly apostrophes ("don't", "don’t" → "dont"); escaped to keep the bundle ASCII. */
export const lowerWithoutApostrophes = (text: string) => text.toLowerCase().replace(/['\u2019]/g, '');

const normaliseWord = (word: string) => lowerWithoutApostrophes(word).replace(/[^a-z0-9]/g, '');

export function tokenize(text: string): string[] {
  return lowerWithoutApostrophes(text).split(/[^a-z0-9]+/).filter(Boolean);
}

export function termOptions(settings: SearchSettings): RankerOptions {
  const stopWords = new Set(settings.stopWords.map(normaliseWord));
  const canonical = new Map<string, string>();
  for (const group of settings.synonyms) {
    const head = stemmer(normaliseWord(group[0]));
    for (const word of group) canonical.set(stemmer(normaliseWord(word)), head);
  }
  const processTerm = (term: string): string | null => {
    const word = normaliseWord(term);
    if (!word || stopWords.has(word)) return null;
    const stem = stemmer(word);
    return canonical.get(stem) ?? stem;
  };
  return { tokenize, processTerm };
}
