/** Free questions find the right guidance; urgent words get 999 first; nonsense is not guessed at. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { searchTopics, type SearchData } from '../lambda/search/retrieve';
import { indexDocuments } from '../lambda/search/ranker';
import { termOptions, termTable, tokenize } from '../lambda/search/terms';
import { detectUrgency } from '../lambda/search/urgent';
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
    const chat = new Chat();
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

describe('urgent help', () => {
  test.each([
    'emergency',
    'my dad is having a heart attack',
    'I have chest pain and I am scared',
    "she can't breathe properly",
    'he is bleeding heavily after his operation',
    'i feel suicidal since the diagnosis',
    'i think my mum has taken an overdose of her tablets',
    'I CAN’T BREATHE',
  ])('"%s" is urgent', (text) => {
    expect(detectUrgency(text)).toBeDefined();
  });

  test.each(['is getting a second opinion urgent', 'what if my treatment is urgent', 'will a delay be harmful', 'my breathing test results', 'the emergence of new treatments'])(
    '"%s" is not urgent',
    (text) => {
      expect(detectUrgency(text)).toBeUndefined();
    },
  );

  test('urgent words inside a longer question get 999 first, then an offer to continue', async () => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    const a = await chat.user('what if my husband has chest pain while we wait for the second opinion');
    expectAlexa(a, { startsWith: 'If this is an emergency, call 999 now.', says: 'call 111', saysNot: 'delay', open: true, reprompt: /call 999/ });
    expect(a.ssml).toContain("<say-as interpret-as='digits'>999</say-as>");
  });

  test('urgent help fits the nation once known, and crisis words add Samaritans', async () => {
    const chat = new Chat();
    await chat.user('who helps in Glasgow');
    const a = await chat.intent('QueryIntent', { query: { value: 'i want to end my life' } });
    expectAlexa(a, { startsWith: 'If this is an emergency, call 999 now.', says: ['Samaritans', '116 123', 'NHS 24 on 111'], open: true });
    const ni = new Chat();
    await ni.user('who helps in Belfast');
    expectAlexa(await ni.intent('QueryIntent', { query: { value: 'emergency' } }), { says: 'GP out-of-hours', saysNot: 'Samaritans', open: true });
  });

  test('urgent words in any slot win over the intent they came with', async () => {
    const chat = new Chat();
    const a = await chat.intent('TopicIntent', { topic: { value: 'heart attack' } });
    expectAlexa(a, { startsWith: 'If this is an emergency, call 999 now.', open: true });
  });
});
