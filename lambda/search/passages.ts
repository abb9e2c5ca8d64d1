/**
 * Passage retrieval: which sentence or two of the guidance answers a free question. MiniSearch (BM25, with
 * fuzzy matching for misheard long words) over every passage; the index is built by tools/passages.ts and
 * loaded on the first free question only, so launches and topic intents never pay for it.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { content, findTopic, type Topic } from '../content';
import { PASSAGE_FIELDS, type PassageData } from './passage-keys';
import { normaliseWord, termOptions, type TermOptions } from './terms';

export { PASSAGE_FIELDS, passageKeys, type PassageData } from './passage-keys';

export interface PassageHit {
  topic: Topic;
  /** short, detail-N or item-N. */
  key: string;
  score: number;
}

// What a listener asked about is said in its questions and labels more than in the guidance's own words;
// a topic's samples ask for the topic as a whole, so they count least, or the opening of a topic would
// beat the one sentence of it that was asked about ("will it cost more" is the travel item, not the list).
const SEARCH: SearchOptions = {
  // Length normalisation 0.3, not BM25's usual 0.7: a passage's questions field grows with every way of
  // asking for it, and at 0.7 the passages asked about most (40-odd questions) were penalised for it
  // ("can I see a different specialist" went to the one question about opinions that differ). Tuning
  // sets, catch-all: 5 more right of about 900, none fewer (0.5 gave 3; 0 lost an urgent row).
  bm25: { k: 1.2, b: 0.3, d: 0.5 },
  boost: { about: 2, questions: 1.5, text: 1, topic: 0.7, samples: 0.4 },
  // Misheard words: one edit in five letters, for words of five letters or more.
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  weights: { fuzzy: 0.45, prefix: 0.3 },
  prefix: (term) => term.length >= 6,
};

let loaded: { data: PassageData; index: MiniSearch; terms: TermOptions } | undefined;

function load() {
  if (!loaded) {
    // require() here, not import: esbuild then evaluates the JSON on first use, not at cold start.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data = require('../generated/passages.json') as PassageData;
    const terms = termOptions(data.terms);
    loaded = { data, terms, index: MiniSearch.loadJS(data.index, { fields: [...PASSAGE_FIELDS], ...terms }) };
  }
  return loaded;
}

/** Passages scored against the question, best first. `preferTopics` (the topic being read, the one offered) count a little more. */
export function rankPassages(question: string, preferTopics: readonly (string | undefined)[] = []): PassageHit[] {
  return scorePassages(question, preferTopics).ranked;
}

/** The ranking, and the share of the question's search terms that no passage holds. */
function scorePassages(question: string, preferTopics: readonly (string | undefined)[]): { ranked: PassageHit[]; terms: number; unknownShare: number } {
  const { data, index } = load();
  // Bounded cost: a sentence longer than anyone says in one breath is cut, not searched whole.
  const words = question.trim().split(/\s+/).slice(0, data.maxWords);
  const query = words.join(' ');
  const { contextWeight } = content.understanding.passages.questionClause;
  const storyTerms = searchTerms(words.slice(0, questionClauseStart(words)).join(' ')).length;
  const results = index.search(query, storyTerms ? { ...SEARCH, boostTerm: (_term, i) => (i < storyTerms ? contextWeight : 1) } : SEARCH);
  const ranked = results
    .map((result) => {
      const [topicId, key] = String(result.id).split('#');
      const score = preferTopics.includes(topicId) ? result.score * 1.3 : result.score;
      return { topic: findTopic(topicId)!, key, score };
    })
    .filter((hit) => hit.topic !== undefined)
    .sort((a, b) => b.score - a.score);
  // Every query term some passage matched (exactly, fuzzily or as a prefix) is known to the guidance.
  const asked = new Set(searchTerms(query));
  const known = new Set(results.flatMap((result) => result.queryTerms));
  const unknown = [...asked].filter((term) => !known.has(term)).length;
  return { ranked, terms: asked.size, unknownShare: asked.size ? unknown / asked.size : 0 };
}

/** The search terms some words make, in order (MiniSearch numbers a query's terms after stop words go). */
function searchTerms(words: string): string[] {
  const { tokenize, processTerm } = load().terms;
  return tokenize(words).flatMap((word) => processTerm(word) ?? []);
}

/**
 * Where the question starts in a sentence that tells a story first ("i nearly died from sepsis two years
 * ago | does that stop me getting a second opinion"): the first question word followed by an asker, at
 * least `minContextWords` in. 0 when the sentence is all question.
 */
export function questionClauseStart(words: string[]): number {
  const { whWords, whFollowers, auxWords, askers, notAfter, minContextWords } = content.understanding.passages.questionClause;
  // One entry per word, empty ones kept ("2019" → "2019", "—" → ""), so the index returned is the caller's.
  const plain = words.map(normaliseWord);
  for (let i = minContextWords; i + 1 < plain.length; i++) {
    // "asking what i should do", "not sure if it's worth it": a question inside the story, not after it.
    if (notAfter.includes(plain[i - 1])) continue;
    // "who else can i ask", "how long", "what happens": a question word opens a question (not "my dad who has
    // cancer"); "can", "is", "should" do only before who or what is asked about ("can i", "is it", not "i should do").
    const next = plain[i + 1];
    const asks = askers.includes(next) || auxWords.includes(next) || whFollowers.includes(next);
    if ((whWords.includes(plain[i]) && asks) || (auxWords.includes(plain[i]) && askers.includes(next))) {
      let start = i;
      while (start > minContextWords && (whWords.includes(plain[start - 1]) || plain[start - 1] === 'else')) start--;
      return start;
    }
  }
  return 0;
}

export interface PassageSearch {
  /** Set only when one passage is a confident answer. */
  best?: PassageHit;
  ranked: PassageHit[];
}

/**
 * `preferTopics` (the topic last read, and the topic just offered) count a little more. `followUp`: the
 * words came straight after that topic was read, so a short question is taken to be about one of them
 * ("and if they say no", "and if I want that one to treat me" after being offered treatment by the
 * second doctor) and needs less to go on.
 */
export function searchPassages(question: string, preferTopics: readonly (string | undefined)[] = [], followUp = false): PassageSearch {
  const { ranked, terms, unknownShare } = scorePassages(question, preferTopics);
  const { minScore, minMargin, followUpShare, followUpMaxWords, maxUnknownShare, unknownMinTerms } = load().data;
  // Mostly words the guidance never uses: a question from outside it, whatever one shared word scores.
  if (terms >= unknownMinTerms && unknownShare > maxUnknownShare) return { ranked: [] };
  const [first] = ranked;
  const short = question.trim().split(/\s+/).length <= followUpMaxWords;
  const needed = followUp && short && first !== undefined && preferTopics.includes(first.topic.id) ? minScore * followUpShare : minScore;
  if (!first || first.score < needed) return { ranked };
  // A runner-up from the same topic doesn't make the topic doubtful: only a rival topic does.
  const rival = ranked.find((hit) => hit.topic.id !== first.topic.id);
  const clear = !rival || first.score / rival.score >= minMargin || first.score >= 2 * minScore;
  return clear ? { best: first, ranked } : { ranked };
}
