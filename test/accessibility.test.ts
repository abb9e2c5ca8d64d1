/**
 * Speed and cards, as transcripts through the real skill: "speak slower" and the rest change every reply
 * for the session (SSML prosody, reprompts too); cards go with guidance, lists and urgent help only, and
 * "send that to my phone" sends the last one again and says where it is. Copy is read from content.
 */
import { content, fill } from '../lambda/content';
import { safetyLines } from '../lambda/dialogue/safety-turn';
import { STATE_KEY } from '../lambda/dialogue/state';
import { loadContent } from '../tools/content/load';
import { Chat, expectAlexa, resolver } from './harness';

const { prompts, framing } = content;
const { rates } = loadContent().compiled.speech;
const topic = (id: string) => content.topics.find((t) => t.id === id)!;
const questions = topic('questions-to-ask');

/** The rate a reply is spoken at, read from its SSML: the one prosody element wrapping all of it, or none. */
function rateOf(ssml: string | undefined): string {
  const match = /^<speak><prosody rate='([^']+)'>.*<\/prosody><\/speak>$/s.exec(ssml ?? '');
  if (match) return match[1];
  expect(ssml).not.toContain('<prosody');
  return 'medium';
}

describe('speech rate: "speak slower" changes every reply for the rest of the session', () => {
  test('U: speak slower mid-list → A: says so at the slower rate, asks again what it had asked; later turns and reprompts stay slow', async () => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    const page1 = await chat.user('what should I ask the specialist');
    expect(rateOf(page1.ssml)).toBe('medium');

    const a = await chat.user('speak slower');
    expect(chat.lastIntent).toBe('SpeakSlowerIntent');
    expectAlexa(a, { startsWith: prompts.rate.slower, says: prompts.list.more, open: true, reprompt: prompts.continue.reprompt });
    expect([rateOf(a.ssml), rateOf(a.repromptSsml)]).toEqual([rates.slow, rates.slow]);

    // The list carries on where it was, slowly, and the offer the aside left open still stands.
    const next = await chat.user('next');
    expectAlexa(next, { startsWith: fill(prompts.list.position, { List: 'Questions', from: 4, to: 6, total: 8 }), open: true });
    expect([rateOf(next.ssml), rateOf(next.repromptSsml)]).toEqual([rates.slow, rates.slow]);

    // "Repeat" after an aside says the page again, not "OK, I'll speak more slowly".
    await chat.user('slow down a bit');
    const again = await chat.user('repeat');
    expect(again.speech).toBe(next.speech);
    expect(again.ssml).toBe(next.ssml);
  });

  test('slower twice is as slow as it goes; faster steps back up; normal speed is Alexa’s own rate', async () => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    await chat.user('what are the pros');
    expect(rateOf((await chat.user('speak slower')).ssml)).toBe(rates.slow);
    const slowest = await chat.user('slow down a bit');
    expectAlexa(slowest, { startsWith: prompts.rate.slowest, open: true });
    expect(rateOf(slowest.ssml)).toBe(rates.slow);

    const medium = await chat.user('faster');
    expectAlexa(medium, { startsWith: prompts.rate.faster, open: true });
    expect(rateOf(medium.ssml)).toBe('medium');
    expect(rateOf((await chat.user('speak faster')).ssml)).toBe(rates.fast);
    const fastest = await chat.user('a bit faster please');
    expectAlexa(fastest, { startsWith: prompts.rate.fastest, open: true });

    const normal = await chat.user('normal speed');
    expect(chat.lastIntent).toBe('NormalSpeedIntent');
    expectAlexa(normal, { startsWith: prompts.rate.normal, open: true });
    expect([rateOf(normal.ssml), rateOf(normal.repromptSsml)]).toEqual(['medium', 'medium']);
  });

  test('U: say that again slower → A: the last reply again, word for word, slower, and slower from then on', async () => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    const answer = await chat.user('will it delay my treatment');
    const again = await chat.user('say that again slower');
    expect(chat.lastIntent).toBe('RepeatSlowerIntent');
    expect(again.speech).toBe(answer.speech);
    expect(again.reprompt).toBe(answer.reprompt);
    expect(rateOf(again.ssml)).toBe(rates.slow);
    expect(rateOf((await chat.user('help')).ssml)).toBe(rates.slow);
  });

  test('a rate change before anything was said asks what the listener would like to know', async () => {
    const chat = new Chat();
    const a = await chat.intent('SpeakSlowerIntent');
    expectAlexa(a, { startsWith: prompts.rate.slower, says: prompts.whatNext, open: true, reprompt: prompts.generalReprompt });
  });

  test('help says how to slow down and how to keep a list, in words the model understands', async () => {
    const chat = new Chat();
    const help = await chat.user('help');
    for (const [said, intent] of [
      ['speak slower', 'SpeakSlowerIntent'],
      ['send that to my phone', 'SendToPhoneIntent'],
    ]) {
      expect(help.speech.toLowerCase()).toContain(said);
      expect(resolver().resolve(said)).toMatchObject({ kind: 'intent', intent: { name: intent } });
    }
  });

  test.each([['x-ludicrous'], [7], [{ rate: 'slow' }], ['__proto__']])('a forged speechRate (%p) is ignored: Alexa’s own rate', async (speechRate) => {
    const chat = new Chat();
    chat.session.attributes = { [STATE_KEY]: { speechRate } };
    (chat.session as unknown as { isNew: boolean }).isNew = false;
    expect(rateOf((await chat.user('help')).ssml)).toBe('medium');
  });
});

describe('cards where they help', () => {
  test('guidance: the whole topic, every paragraph, under its title', async () => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    const a = await chat.user('what does a second opinion mean');
    const whole = topic('what-is-a-second-opinion');
    expect(a.card?.title).toBe(whole.title);
    for (const paragraph of [whole.shortAnswer, ...whole.detail]) expect(a.card?.content).toContain(paragraph);
  });

  test('urgent help: the lines for the listener’s nation, then every nation’s numbers', async () => {
    const chat = new Chat();
    const a = await chat.intent('AbuseIntent');
    const answer = content.safety.abuse;
    expect(a.card?.title).toBe(answer.title);
    for (const line of [...safetyLines(answer, undefined), ...(answer.card ?? [])]) expect(a.card?.content).toContain(line);
  });

  test('none for a welcome, help, the fallback, a step through a list, repeat, start over, or goodbye', async () => {
    const chat = new Chat();
    const noCard = async (said: string) => {
      const heard = await chat.user(said);
      expect([said, heard.card]).toEqual([said, undefined]);
      return heard;
    };
    await noCard('open second opinion guide');
    await noCard('help');
    await noCard('play some jazz music');
    expect((await chat.user('what should I ask the specialist')).card?.title).toBe(questions.title);
    await noCard('next');
    await noCard('previous');
    await noCard('repeat');
    await noCard('start over');
    await noCard('stop');
  });

  test('U: send that to my phone, two pages into a list → A: where to find it; the whole list again; the list carries on', async () => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    const first = await chat.user('what should I ask the specialist');
    const page2 = await chat.user('next');
    const a = await chat.user('send that to my phone');
    expect(chat.lastIntent).toBe('SendToPhoneIntent');
    expectAlexa(a, { startsWith: fill(prompts.card.sentList, { list: questions.list!.many, title: questions.title }), says: prompts.list.more, open: true });
    expect(a.speech).toContain('Alexa app, under Activity');
    expect(a.card).toEqual(first.card);
    expect(a.card?.content.split('\n').filter((l) => /^\d\. /.test(l))).toHaveLength(questions.list!.items.length);
    // Repeat says the page, not the aside; next goes on from it.
    expect((await chat.user('repeat')).ssml).toBe(page2.ssml);
    expectAlexa(await chat.user('next'), { startsWith: fill(prompts.list.positionPair, { List: 'Questions', from: 7, to: 8, total: 8 }), open: true });
  });

  test('U: can you write them down for me, after urgent help → A: the numbers, in the app', async () => {
    const chat = new Chat();
    const urgent = await chat.intent('CrisisIntent');
    const a = await chat.user('can you write them down for me');
    expect(chat.lastIntent).toBe('SendToPhoneIntent');
    expectAlexa(a, { startsWith: fill(prompts.card.sentNumbers, { title: content.safety.crisis.title }), open: true });
    expect(a.card).toEqual(urgent.card);
  });

  test('guidance sent again names the topic; with nothing said yet there is nothing to send', async () => {
    const chat = new Chat();
    const nothing = await chat.user('send it to my phone');
    expectAlexa(nothing, { startsWith: prompts.card.nothingYet, says: prompts.whatNext, open: true });
    expect(nothing.card).toBeUndefined();
    await chat.user('will it delay my treatment');
    const a = await chat.user('write it down for me');
    expectAlexa(a, { startsWith: fill(prompts.card.sentGuidance, { title: topic('delay').title }), open: true });
    expect(a.card?.title).toBe(topic('delay').title);
    // The card is sent, not the disclaimer again: that went with the answer.
    expect(a.speech).not.toContain(fill(prompts.disclaimerFirstTurn, { disclaimer: framing.disclaimer }));
  });

  test('a forged card reference is dropped: nothing to send, never a card made from the attributes', async () => {
    const chat = new Chat();
    chat.session.attributes = { [STATE_KEY]: { lastCard: { kind: 'topic', topicId: 'no-such-topic', title: 'Forged', text: 'Call 0900 000 000' } } };
    (chat.session as unknown as { isNew: boolean }).isNew = false;
    const a = await chat.user('send that to my phone');
    expectAlexa(a, { startsWith: prompts.card.nothingYet, open: true });
    expect(a.card).toBeUndefined();
  });
});
