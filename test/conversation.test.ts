/** The conversation, as transcripts: U is what the listener says, A is what Alexa answers. */
import { content, fill } from '../lambda/content';
import * as pages from '../lambda/dialogue/pages';
import { createSkill } from '../lambda/skill';
import { loadContent } from '../tools/content/load';
import { expandTemplate } from '../tools/model/expand';
import { LOCAL_SKILL_ID } from '../tools/local/envelope';
import { captureLogs, Chat, expectAlexa, matched, unmatched } from './harness';

const firstSentence = (text: string) => text.split(/(?<=[.?!])\s/)[0];
// Copy is read from content, so an editor's rewording doesn't break a behaviour test. (Where a test
// checks facts the guidance must state, such as Llais replacing the Councils, the words are the point.)
const { prompts, framing } = content;
const welcome = firstSentence(prompts.welcome);
const topic = (id: string) => content.topics.find((t) => t.id === id)!;
const opening = (id: string) => firstSentence(topic(id).shortAnswer);
const nationService = (id: string) => content.nations.find((n) => n.id === id)!.service;

describe('launch and help', () => {
  test('launch: welcome, disclaimer once, three examples, an open question', async () => {
    const chat = new Chat();
    const a = await chat.user('open second opinion guide');
    expectAlexa(a, {
      startsWith: welcome,
      says: [framing.disclaimer, 'Why get a second opinion?', 'Who helps in Wales?', 'What should I ask the specialist?', prompts.whatNext],
      open: true,
      reprompt: prompts.whatNext,
    });
    // The disclaimer is not repeated in the same session.
    const b = await chat.user('what are the pros');
    expectAlexa(b, { saysNot: framing.disclaimer, open: true });
  });

  test('help gives concrete examples and keeps the session open', async () => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    expectAlexa(await chat.user('help'), {
      says: [prompts.urgentLine, 'Will it delay my treatment?', 'Who helps in Scotland?', 'say next, previous, or repeat'],
      open: true,
      reprompt: 'What would you like to know?',
    });
  });

  test('fallback says what the skill can do and keeps the session open', async () => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    const a = await chat.user('play some jazz music');
    expect(chat.lastIntent).toBe('AMAZON.FallbackIntent');
    expectAlexa(a, { startsWith: firstSentence(prompts.fallbackSteps[0].say), says: [prompts.urgentLine, prompts.fallbackSteps[0].prompt], open: true, reprompt: prompts.fallbackSteps[0].reprompt });
    // On a device this is what a frightened person whose words matched nothing hears: 999 comes early.
    expect(a.speech.split(/\s+/).slice(0, 25).join(' ')).toContain('999');
  });

  test('a one-shot answers at once and gives the disclaimer in that first turn', async () => {
    const chat = new Chat();
    const a = await chat.user('Alexa, ask second opinion guide will it delay my treatment');
    expectAlexa(a, { startsWith: opening('delay'), says: fill(prompts.disclaimerFirstTurn, { disclaimer: framing.disclaimer }), open: true });
  });
});

describe('every topic intent answers its topic, short answer first', () => {
  // Samples live in the edited content, not in what the Lambda carries.
  const topics = loadContent().compiled.topics.filter((t) => t.intent && !t.needsNation);
  test.each(topics.map((t) => [t.intent!.name, t] as const))('%s', async (_name, topic) => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    const said = expandTemplate(topic.intent!.samples[0])[0];
    const a = await chat.user(said);
    expect(chat.lastIntent).toBe(topic.intent!.name);
    expectAlexa(a, { startsWith: firstSentence(topic.shortAnswer), open: true });
    expect(a.card?.title).toBe(topic.title);
  });

  test('TopicIntent reaches a topic by any of its names', async () => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    const a = await chat.user('tell me about the multidisciplinary team');
    expect(chat.lastIntent).toBe('TopicIntent');
    expectAlexa(a, { startsWith: opening('how-treatment-is-planned'), open: true });
  });

  test('TopicIntent with a name no topic has searches instead of failing', async () => {
    const chat = new Chat();
    const a = await chat.intent('TopicIntent', { topic: unmatched('cost of travelling to another hospital', 'TOPIC') });
    // The words reach the one sentence about travel, led by what was understood.
    expectAlexa(a, { startsWith: `About ${topic('disadvantages').passages!['item-4'].about}: ${topic('disadvantages').list!.items[3].spoken}`, open: true });
  });
});

describe('lists: three at a time, with where you are', () => {
  const askSpecialist = content.topics.find((t) => t.id === 'questions-to-ask')!.list!.items;
  test('questions to ask: forwards, back, repeat, to the end and on to a related topic', async () => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    let a = await chat.user('what should I ask the specialist');
    expectAlexa(a, {
      startsWith: opening('questions-to-ask'),
      says: ['Questions 1 to 3 of 8.', askSpecialist[0].spoken, askSpecialist[2].spoken, prompts.list.more],
      saysNot: 'side effects',
      open: true,
      reprompt: prompts.continue.reprompt,
    });
    // The card carries all eight questions, written form, for a carer to read.
    expect(a.card?.content.split('\n').filter((l) => /^\d\. /.test(l))).toHaveLength(8);
    expect(a.card?.content).toContain('8. Will I need to have my treatment at another hospital?');

    a = await chat.user('next');
    expectAlexa(a, { startsWith: 'Questions 4 to 6 of 8.', says: 'side effects', saysNot: 'Do I need any treatment?', open: true });
    const page2 = a.ssml;
    // Paced for listening: a beat after where you are, a longer one between questions, one before the offer.
    expect(page2).toMatch(/^<speak>Questions 4 to 6 of 8\. <break time='300ms'\/> [^<]+\? <break time='700ms'\/> [^<]+\? <break time='700ms'\/> [^<]+\? <break time='500ms'\/> Say next/);

    a = await chat.user('go back');
    expectAlexa(a, { says: 'Questions 1 to 3 of 8.', open: true });

    a = await chat.user('more');
    expect(a.ssml).toBe(page2);

    a = await chat.user('repeat');
    expect(a.ssml).toBe(page2);
    expect(a.reprompt).toContain(prompts.continue.reprompt);

    a = await chat.user('yes');
    // Two left: "7 and 8", not "7 to 8".
    expectAlexa(a, {
      startsWith: fill(prompts.list.positionPair, { List: 'Questions', from: 7, to: 8, total: 8 }),
      says: ["That's all 8 questions.", "Would you like to know who can help if it's hard to get a referral?"],
      open: true,
      reprompt: /say yes/,
    });

    a = await chat.user('next');
    expectAlexa(a, { startsWith: "That's all 8 questions.", says: 'who can help', open: true });

    a = await chat.user('yes');
    expectAlexa(a, { startsWith: opening('referral-help'), says: prompts.nation.question, open: true });
  });

  test('list positions read for listening: "1 to 3", "7 and 8", and one last item on its own', async () => {
    const chat = new Chat();
    await chat.user('what should I ask the specialist');
    await chat.user('next');
    const pair = await chat.user('next');
    expect(pair.speech).toContain(fill(prompts.list.positionPair, { List: 'Questions', from: 7, to: 8, total: 8 }));
    expect(pair.speech).not.toMatch(/7 to 8/);
    const single = new Chat();
    await single.user('why get a second opinion');
    const last = await single.user('next');
    expectAlexa(last, { startsWith: fill(prompts.list.positionSingle, { Item: 'Reason', from: 4, total: 4 }), open: true });
  });

  test('previous at the start says so and reads the first page again', async () => {
    const chat = new Chat();
    await chat.user('what are the downsides');
    const a = await chat.user('previous');
    const firstPage = pages.topicPages(topic('disadvantages'), undefined)[0].find((b) => b.kind === 'list')!;
    expectAlexa(a, { startsWith: "That's the start of the disadvantages.", says: [firstPage.kind === 'list' ? firstPage.position : '', opening('disadvantages')], open: true });
  });

  test('reasons: yes follows each offer in turn', async () => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    await chat.user('why get a second opinion');
    let a = await chat.user('yes');
    expectAlexa(a, { startsWith: 'Reason 4 of 4.', says: "That's all 4 reasons.", open: true });
    a = await chat.user('yes');
    expectAlexa(a, { startsWith: opening('doubts-about-diagnosis'), open: true });
  });

  test('no declines an offer and keeps listening; no to an open question ends', async () => {
    const chat = new Chat();
    await chat.user('what are the benefits');
    await chat.user('next');
    let a = await chat.user('no');
    expectAlexa(a, { startsWith: prompts.noThanks, says: prompts.whatElse, open: true });
    a = await chat.user('no');
    expectAlexa(a, { says: prompts.goodbye, open: false });
  });

  test('start over returns to the welcome mid-list', async () => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    await chat.user('read me the questions');
    const a = await chat.user('start over');
    expectAlexa(a, { startsWith: prompts.startOver, says: welcome, saysNot: framing.disclaimer, open: true });
    const b = await chat.user('next');
    expectAlexa(b, { says: prompts.continue.nothingMore, open: true });
  });

  test('start over part way through a list reads it from the start; the list goes on from there', async () => {
    const chat = new Chat();
    await chat.user('read me the questions');
    await chat.user('next');
    const a = await chat.user('start again');
    expectAlexa(a, { startsWith: prompts.startOverTopic, says: topic('questions-to-ask').list!.items[0].spoken, saysNot: [welcome, opening('questions-to-ask')], open: true });
    expectAlexa(await chat.user('next'), { says: topic('questions-to-ask').list!.items[3].spoken, open: true });
  });

  test('start over after something else since the list, or at one item of it: the welcome, or the list', async () => {
    // An urgent answer since the list: nothing of it is being read now.
    const urgent = new Chat();
    await urgent.user('read me the questions');
    await urgent.user('next');
    await urgent.user('my chest hurts');
    expectAlexa(await urgent.user('start again'), { startsWith: prompts.startOver, says: welcome, open: true });
    // One item read on its own, on the first page: still part way through the list.
    const item = new Chat();
    await item.user('read me the questions');
    await item.user('what was the second one');
    expectAlexa(await item.user('start again'), { startsWith: prompts.startOverTopic, says: topic('questions-to-ask').list!.items[0].spoken, open: true });
  });

  test('long guidance pages on: more reads the rest, then the follow-up offer', async () => {
    const chat = new Chat();
    const a = await chat.user('what does a second opinion mean');
    expectAlexa(a, { says: prompts.continue.more, open: true });
    // One breath a turn: more, until the last page, which ends on the topic's follow-up offer.
    const pageCount = pages.topicPages(topic('what-is-a-second-opinion'), undefined).length;
    let b = a;
    for (let page = 1; page < pageCount; page++) b = await chat.user('more');
    expectAlexa(b, { says: 'take a relative or friend', open: true });
    expect(b.speech.endsWith(topic('what-is-a-second-opinion').followUp!.offer)).toBe(true);
  });
});

describe('who can help: the NATION slot', () => {
  test('a nation named directly', async () => {
    const chat = new Chat();
    const a = await chat.user('who helps in Wales');
    // Who can help and how to reach them first; what they do, the change of name and Citizens Advice follow.
    const wales = content.nations.find((n) => n.id === 'wales')!.service;
    expectAlexa(a, { startsWith: wales.introduction, says: 'hospital switchboard', open: true });
    expect(a.ssml).toContain("<sub alias='hlice'>Llais</sub>");
    const b = await chat.user('more');
    expectAlexa(b, { says: [wales.does, wales.update!.note, 'Citizens Advice'], open: true });
  });

  test('a synonym and a city resolve to the nation id', async () => {
    const chat = new Chat();
    expectAlexa(await chat.user('who can help me in scottish'), { startsWith: 'In Scotland, the Patient Advice and Support Service', open: true });
    expectAlexa(await chat.user('who helps in Belfast'), { startsWith: 'In Northern Ireland, the Patient and Client Council', open: true });
    expectAlexa(await chat.user('who helps in Manchester'), { startsWith: 'In England, PALS, the Patient Advice and Liaison Service', open: true });
  });

  test('the PASS phone number is read digit by digit', async () => {
    const chat = new Chat();
    const a = await chat.intent('WhoCanHelpIntent', { nation: matched('glasgow', 'scotland', 'NATION') });
    expect(a.ssml).toContain("<say-as interpret-as='digits'>0800</say-as> <say-as interpret-as='digits'>917</say-as> <say-as interpret-as='digits'>2127</say-as>");
  });

  test('no nation: ask which part of the UK, and a bare answer completes it', async () => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    let a = await chat.user("my GP won't refer me");
    expect(chat.lastIntent).toBe('WhoCanHelpIntent');
    expectAlexa(a, { startsWith: opening('referral-help'), says: prompts.nation.question, open: true, reprompt: prompts.nation.reprompt });
    a = await chat.user('Wales');
    expect(chat.lastIntent).toBe('NationIntent');
    expectAlexa(a, { startsWith: nationService('wales').introduction, open: true });
    // The nation is remembered for the rest of the session.
    a = await chat.user('who can help');
    expectAlexa(a, { startsWith: nationService('wales').introduction, open: true });
  });

  test('a place outside the UK: the services are UK ones, all four named', async () => {
    const chat = new Chat();
    const a = await chat.user('who helps in France');
    expectAlexa(a, {
      startsWith: firstSentence(prompts.nation.notInUk),
      says: ['PALS in England', 'the Patient Advice and Support Service in Scotland', 'Llais in Wales', 'the Patient and Client Council in Northern Ireland', prompts.nation.question],
      open: true,
    });
    expectAlexa(await chat.user('England'), { startsWith: 'In England, PALS', open: true });
  });

  test('yes while a nation is awaited asks again; no moves on', async () => {
    const chat = new Chat();
    await chat.user('who can help');
    expectAlexa(await chat.user('yes'), { startsWith: 'Which nation do you live in?', open: true });
    expectAlexa(await chat.user('no'), { startsWith: 'OK.', open: true });
  });
});

describe('built-ins and session ends', () => {
  test.each(['stop', 'cancel', 'go home'])('"%s" ends at once with a short goodbye', async (said) => {
    const chat = new Chat();
    await chat.user('open second opinion guide');
    await chat.user('what should I ask the specialist');
    const a = await chat.user(said);
    expectAlexa(a, { startsWith: prompts.goodbye, open: false });
    expect(a.speech.split(' ').length).toBeLessThan(8);
  });

  test('repeat with nothing said yet gives the welcome', async () => {
    const chat = new Chat();
    expectAlexa(await chat.intent('AMAZON.RepeatIntent'), { startsWith: welcome, open: true });
  });

  test('SessionEndedRequest gets an empty response and logs only the reason', async () => {
    const logs = await captureLogs(async () => {
      const chat = new Chat();
      await chat.user('open second opinion guide');
      const response = await chat.session.end('EXCEEDED_MAX_REPROMPTS');
      expect(response.response.outputSpeech).toBeUndefined();
    });
    expect(logs.some((l) => l.includes('"reason":"EXCEEDED_MAX_REPROMPTS"'))).toBe(true);
  });

  test('an intent the code does not know gets the fallback, session open', async () => {
    const chat = new Chat();
    expectAlexa(await chat.intent('SomeNewIntent'), { startsWith: firstSentence(prompts.fallbackSteps[0].say), open: true });
  });
});

describe('robustness', () => {
  test.each([
    ['missing', undefined],
    ['not an object', 'garbage'],
    ['wrong types', { dialogue: { topicId: 42, page: 'two', offer: 'yes', last: { speech: 7 }, nationId: 'atlantis' } }],
    ['an unknown topic and a negative page', { dialogue: { topicId: 'no-such-topic', page: -3, offer: { kind: 'topic', topicId: 'nope' } } }],
    ['an array', { dialogue: [1, 2, 3] }],
  ])('garbled session attributes (%s) never crash a turn', async (_label, attributes) => {
    for (const said of ['next', 'previous', 'yes', 'repeat', 'Wales', 'what are the cons']) {
      const chat = new Chat();
      chat.session.attributes = attributes as Record<string, unknown>;
      (chat.session as unknown as { isNew: boolean }).isNew = false;
      const a = await chat.user(said);
      expect(a.speech).not.toContain('went wrong');
      expect(a.endSession).toBe(false);
    }
  });

  test('a page beyond the end in stored state is clamped, not an error', async () => {
    const chat = new Chat();
    chat.session.attributes = { dialogue: { topicId: 'questions-to-ask', page: 99, offer: { kind: 'continue' } } };
    (chat.session as unknown as { isNew: boolean }).isNew = false;
    expectAlexa(await chat.user('next'), { startsWith: "That's all 8 questions.", open: true });
  });

  test('an error inside a handler is apologised for and the session stays open', async () => {
    const spy = jest.spyOn(pages, 'topicPages').mockImplementation(() => {
      throw new Error('content bug');
    });
    try {
      const chat = new Chat();
      const a = await chat.user('what are the pros');
      expectAlexa(a, { startsWith: prompts.error, open: true, reprompt: prompts.errorReprompt });
    } finally {
      spy.mockRestore();
    }
  });

  test('with SKILL_ID set, requests for another skill are refused', async () => {
    const chat = new Chat(createSkill({ skillId: 'amzn1.ask.skill.someone-else' }));
    await expect(chat.user('open second opinion guide')).rejects.toThrow();
    const ours = new Chat(createSkill({ skillId: LOCAL_SKILL_ID }));
    expectAlexa(await ours.user('open second opinion guide'), { startsWith: welcome, open: true });
  });

  test('logs name request types and intents, never what was said', async () => {
    const logs = await captureLogs(async () => {
      const chat = new Chat();
      await chat.intent('QueryIntent', { query: { value: 'my husband has a secret diagnosis of lymphoma' } });
      await chat.intent('WhoCanHelpIntent', { nation: unmatched('narnia', 'NATION') });
    });
    expect(logs.join('\n')).toContain('"intent":"QueryIntent"');
    expect(logs.join('\n')).not.toMatch(/lymphoma|husband|narnia/);
  });
});
