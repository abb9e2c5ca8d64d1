/** Free questions find the passage that answers them; nonsense is not guessed at. (Urgent words: safety.test.ts.) */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { content, fill, findTopic } from '../lambda/content';
import { questionClauseStart, searchPassages, type PassageData } from '../lambda/search/passages';
import { termOptions, termTable } from '../lambda/search/terms';
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

  test('the best passage is from the right topic for at least 85% of the table (measured 85.7%)', () => {
    const misses = questions.filter(({ q, topic }) => searchPassages(q).best?.topic.id !== topic);
    const accuracy = (questions.length - misses.length) / questions.length;
    console.info(
      `free-question passage topic accuracy: ${(accuracy * 100).toFixed(1)}% (${questions.length - misses.length}/${questions.length})` +
        (misses.length ? `\nmisses:\n${misses.map(({ q, topic }) => `  "${q}" → ${searchPassages(q).best?.topic.id ?? '(not confident)'} (expected ${topic})`).join('\n')}` : ''),
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.85);
  });

  test.each([
    'what is the weather tomorrow',
    'play radio two',
    'how tall is the eiffel tower',
    'order a pizza',
    'set a timer for ten minutes',
    'is there a good recipe for apple crumble',
    'what are the best walks in the lake district',
  ])('no wild guess for "%s"', (q) => {
    expect(searchPassages(q).best).toBeUndefined();
  });

  test("the mission's examples reach the sentence asked about, led by what was understood", async () => {
    const disadvantages = findTopic('disadvantages')!;
    const travel = disadvantages.list!.items[3].spoken;
    const chat = new Chat(undefined, 'catch-all');
    const a = await chat.intent('QueryIntent', { query: { value: 'will it cost me extra money' } });
    expectAlexa(a, { startsWith: `About ${disadvantages.passages!['item-4'].about}: ${travel}`, open: true });
    // Then the rest of its topic is offered, and yes gives it from the start.
    expectAlexa(a, { says: fill(content.understanding.passages.listOffer, { total: disadvantages.list!.items.length, list: disadvantages.list!.many }), open: true });
    expectAlexa(await chat.user('yes'), { startsWith: disadvantages.shortAnswer, open: true });
    const doubts = findTopic('doubts-about-diagnosis')!;
    expectAlexa(await new Chat().intent('QueryIntent', { query: { value: 'can i get a copy of my scan results' } }), {
      startsWith: `About ${doubts.passages!['detail-2'].about}: ${doubts.detail[1]}`,
      open: true,
    });
    const advantages = findTopic('advantages')!;
    expectAlexa(await new Chat().intent('QueryIntent', { query: { value: 'what happens if both doctors agree' } }), { startsWith: `About ${advantages.passages!['item-1'].about}`, open: true });
  });

  test('a story told before the question does not choose the answer: the question does', async () => {
    const words = 'my dad had a fall in the garden last spring can he still ask for a second opinion'.split(' ');
    expect(words.slice(questionClauseStart(words)).join(' ')).toBe('can he still ask for a second opinion');
    expect(questionClauseStart('can i ring my gp for one'.split(' '))).toBe(0);
    const clause = (sentence: string) =>
      sentence
        .split(' ')
        .slice(questionClauseStart(sentence.split(' ')))
        .join(' ');
    // The index is the caller's: words with no letters ("2019", "—") still count as words.
    expect(clause('i was diagnosed in 2019 — can i still ask for one')).toBe('can i still ask for one');
    expect(clause('my gp refused to refer me who else can i ask')).toBe('who else can i ask');
    // A question inside the story is not where the question starts, nor is a "who" that tells the story.
    expect(questionClauseStart('my family keep asking what i should do about a second opinion'.split(' '))).toBe(0);
    expect(questionClauseStart('my dad who has cancer wants to see someone else'.split(' '))).toBe(0);
    // Searched whole, "dad" pulls this to what relatives and carers can do; the question is about asking at all.
    const chat = new Chat(undefined, 'catch-all');
    const a = await chat.intent('QueryIntent', { query: { value: words.join(' ') } });
    expectAlexa(a, { saysNot: findTopic('relatives-and-carers')!.shortAnswer, open: true });
    expect([findTopic('how-to-get')!.shortAnswer, findTopic('what-is-a-second-opinion')!.shortAnswer].some((answer) => a.speech.startsWith(answer))).toBe(true);
  });

  test('words that name built-in object properties are ordinary words, not a crash', async () => {
    for (const q of ['who is the constructor', 'tostring valueof hasownproperty proto __proto__']) expect(() => searchPassages(q)).not.toThrow();
    const a = await new Chat().intent('QueryIntent', { query: { value: 'is the constructor of my treatment plan the specialist' } });
    expectAlexa(a, { saysNot: /sorry|went wrong/i, open: true });
  });

  test('a question far longer than anyone says is cut before it is searched, and still answered', async () => {
    const long = `${'my mum wants to know '.repeat(200)}will it delay the treatment`;
    const a = await new Chat().intent('QueryIntent', { query: { value: long.slice(0, 500) } });
    expectAlexa(a, { saysNot: /went wrong/i, open: true });
    expect(content.understanding.passages.maxWords).toBeLessThan(100);
  });

  test('stop words and synonyms arrive prepared in the passage index, as the build made them', () => {
    const data = JSON.parse(readFileSync(join(GENERATED_DIR, 'passages.json'), 'utf8')) as PassageData;
    const { compiled } = loadContent();
    expect(data.terms).toEqual(termTable(compiled.search));
    expect([data.minScore, data.minMargin, data.maxWords]).toEqual([compiled.understanding.passages.minScore, compiled.understanding.passages.minMargin, compiled.understanding.passages.maxWords]);
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
