/** Free questions find the right guidance; nonsense is not guessed at. (Urgent words: safety.test.ts.) */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { searchTopics, type SearchData } from '../lambda/search/retrieve';
import { indexDocuments } from '../lambda/search/ranker';
import { termOptions, termTable, tokenize } from '../lambda/search/terms';
import { GENERATED_DIR } from '../tools/build-content';
import { loadContent } from '../tools/content/load';
import { expandTemplate } from '../tools/model/expand';
import { Chat, expectAlexa, model } from './harness';

const questions = parse(readFileSync(join(__dirname, 'fixtures', 'free-questions.yaml'), 'utf8')) as { q: string; topic: string }[];

describe('free questions', () => {
  test('no question in the table is a sample utterance', () => {
    const samples = new Set(model().interactionModel.languageModel.intents.flatMap((i: { samples: string[] }) => i.samples.flatMap(expandTemplate)));
    for (const { q } of questions) expect([q, samples.has(q)]).toEqual([q, false]);
  });

  test('top-1 accuracy is at least 90%', () => {
    const misses = questions.filter(({ q, topic }) => searchTopics(q).best?.id !== topic);
    const accuracy = (questions.length - misses.length) / questions.length;
    console.info(
      `free-question top-1 accuracy: ${(accuracy * 100).toFixed(1)}% (${questions.length - misses.length}/${questions.length})` +
        (misses.length ? `\nmisses:\n${misses.map(({ q, topic }) => `  "${q}" → ${searchTopics(q).best?.id ?? '(not confident)'} (expected ${topic})`).join('\n')}` : ''),
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  test.each(['what is the weather in leeds', 'play radio two', 'how tall is the eiffel tower', 'order a pizza'])('no wild guess for "%s"', (q) => {
    expect(searchTopics(q).best).toBeUndefined();
  });

  test('an answer through the skill: the best topic, short answer first, with its follow-up', async () => {
    const chat = new Chat(undefined, 'catch-all');
    const a = await chat.user('what if my treatment is urgent');
    expect(chat.lastIntent).toBe('QueryIntent');
    expectAlexa(a, { startsWith: 'A second opinion may delay the start of your treatment.', saysNot: '999', open: true });
  });

  test('words that name built-in object properties are ordinary words, not a crash', async () => {
    // "constructor" once reached Object.prototype through the index and the listener heard an apology.
    for (const q of ['who is the constructor', 'tostring valueof hasownproperty proto']) expect(() => searchTopics(q)).not.toThrow();
    // The build indexes such a word like any other.
    const index = indexDocuments([{ id: 'a', title: 'the constructor', aliases: '', samples: '', text: 'constructor' }], { tokenize, processTerm: (w) => w });
    expect(index.postings.constructor).toEqual([0, 0, 1, 3, 0, 1]);
    const chat = new Chat();
    const a = await chat.intent('QueryIntent', { query: { value: 'is the constructor of my treatment plan the specialist' } });
    expectAlexa(a, { saysNot: /sorry|went wrong/i, open: true });
  });

  test('stop words and synonyms arrive prepared in the search index, as the build made them', () => {
    const data = JSON.parse(readFileSync(join(GENERATED_DIR, 'search-index.json'), 'utf8')) as SearchData;
    const settings = loadContent().compiled.search;
    expect(data.terms).toEqual(termTable(settings));
    expect([data.minScore, data.minMargin]).toEqual([settings.minScore, settings.minMargin]);
    // U: "can my husband ring them for me": husband and ring stand for their groups' first words.
    const { processTerm } = termOptions(data.terms);
    expect(['husband', 'ring', 'my'].map(processTerm)).toEqual(['rel', 'phone', null]);
  });

  test('not confident: says so plainly and offers three topics', async () => {
    const chat = new Chat();
    const a = await chat.intent('QueryIntent', { query: { value: 'how tall is the eiffel tower' } });
    expectAlexa(a, { startsWith: "I'm not sure I have an answer to that.", says: /I can tell you about .+, .+, or .+\. Which would you like\?/, open: true });
  });
});
