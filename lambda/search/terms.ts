/**
 * How free text becomes search terms, at build time (indexing) and at run time (queries) alike:
 * words lose apostrophes, stop words go, the rest are stemmed, and synonyms collapse to one term.
 */
import { stemmer } from 'stemmer';
import type { SearchSettings } from '../content/schema';
import type { RankerOptions } from './ranker';

const normaliseWord = (word: string) => word.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]/g, '');

export function tokenize(text: string): string[] {
  return text.toLowerCase().replace(/['’]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
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
