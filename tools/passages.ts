/**
 * The passage index (lambda/generated/passages.json): every short answer, paragraph and list item of the
 * guidance is a passage, indexed by MiniSearch with what it says, what it is about, the questions editors
 * say it answers, and its topic's names. Built here so the Lambda only loads it (MiniSearch.loadJS).
 */
import MiniSearch from 'minisearch';
import { PASSAGE_FIELDS, passageKeys, passageText, type PassageData } from '../lambda/search/passage-keys';
import { termOptions, termTable } from '../lambda/search/terms';
import type { LoadedContent } from './content/load';
import { expandTemplate } from './model/expand';

export interface PassageDocument {
  id: string;
  about: string;
  questions: string;
  text: string;
  topic: string;
  /** The topic intent's samples, on its short answer only. */
  samples: string;
}

export function passageDocuments(loaded: LoadedContent): PassageDocument[] {
  return loaded.compiled.topics.flatMap((topic) =>
    passageKeys(topic).map((key) => {
      const passage = topic.passages?.[key];
      // A topic's own samples ask for the topic as a whole, so they belong to its short answer.
      const samples = key === 'short' ? (topic.intent?.samples ?? []).flatMap(expandTemplate).map((s) => s.replace(/\{\w+\}/g, ' ')) : [];
      return {
        id: `${topic.id}#${key}`,
        about: passage?.about ?? '',
        questions: (passage?.questions ?? []).join(' . '),
        samples: samples.join(' . '),
        text: passageText(topic, key),
        topic: [topic.title, ...topic.aliases].join(' . '),
      };
    }),
  );
}

export function buildPassageIndex(loaded: LoadedContent): PassageData {
  const { stopWords, synonyms } = loaded.compiled.search;
  const terms = termTable({ stopWords, synonyms });
  const { tokenize, processTerm } = termOptions(terms);
  const index = new MiniSearch<PassageDocument>({ fields: [...PASSAGE_FIELDS], tokenize, processTerm });
  index.addAll(passageDocuments(loaded));
  const { minScore, minMargin, followUpShare, followUpMaxWords, maxWords, maxUnknownShare, unknownMinTerms } = loaded.compiled.understanding.passages;
  return { index: index.toJSON(), terms, minScore, minMargin, followUpShare, followUpMaxWords, maxWords, maxUnknownShare, unknownMinTerms };
}
