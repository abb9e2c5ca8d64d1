/**
 * The understanding layer, step by step (lambda/understanding/index.ts): words that reach the skill in a
 * slot go through triage, acts, list references, places and services, feelings, then passages. Each test is
 * a transcript through the real skill; expected words are read from content.
 */
import { content, findNation, findTopic } from '../lambda/content';
import { listPosition } from '../lambda/dialogue/pages';
import { joinSpelledLetters } from '../lambda/understanding/patterns';
import { askingForOneIn, asksIfNot, feelingIn, listReference, namedListReference, placeOrServiceIn, recogniseAct } from '../lambda/understanding/recognisers';
import { safetyLines } from '../lambda/dialogue/safety-turn';
import { searchPassages } from '../lambda/search/passages';
import { loadContent } from '../tools/content/load';
import { Chat, expectAlexa, matched, unmatched } from './harness';

const { prompts, understanding } = content;
const topic = (id: string) => findTopic(id)!;
const service = (nationId: string) => findNation(nationId)!.service;
/** A free question, as a catch-all or an unresolved slot brings it. */
const ask = (chat: Chat, words: string) => chat.intent('QueryIntent', { query: { value: words } });
/** How a passage ("topic#key") is heard: a short answer as it stands; any other led by what it is about. */
const passageOpening = (ref: string) => {
  const [topicId, key] = ref.split('#');
  return key === 'short' ? topic(topicId).shortAnswer : `About ${topic(topicId).passages![key].about}:`;
};

describe('acts said in any words', () => {
  test.each([
    ['go on then', 'next'],
    ['carry on', 'next'],
    ['and the rest', 'next'],
    ['say that again please', 'repeat'],
    ['what was that', 'repeat'],
    ['back a bit', 'previous'],
    ['from the top', 'startOver'],
    ['thanks, goodbye', 'goodbye'],
    ["that's all I needed thanks", 'goodbye'],
    ["no, that'll do for now", 'goodbye'],
    ['ta-ra', 'goodbye'],
    ['yes please', 'yes'],
    ['no thanks', 'no'],
    ['slow down please', 'slower'],
    ['sorry, could you read that again please', 'repeat'],
    ['can you go on', 'next'],
    ['and after that', 'next'],
    ['give me a couple more', 'next'],
    ["that's enough help for today", 'goodbye'],
  ])('"%s" is %s', (words, act) => {
    expect(recogniseAct(words)).toBe(act);
  });

  test.each(['go on holiday before my treatment', 'what was that about travel', 'can my daughter ask for me', 'could you tell me about the delay', 'would you stop'])(
    '"%s" is not an act: it says more',
    (words) => {
      expect(recogniseAct(words)).toBeUndefined();
    },
  );

  test('mid-list, everyday words step through the list like the built-ins', async () => {
    const chat = new Chat();
    await chat.user('what should I ask the specialist');
    const questions = topic('questions-to-ask').list!.items.map((i) => i.spoken);
    expectAlexa(await ask(chat, 'go on then'), { says: questions[3], open: true });
    expectAlexa(await ask(chat, 'back a bit'), { says: questions[0], open: true });
    const again = await ask(chat, 'say that again please');
    expectAlexa(again, { says: questions[0], open: true });
  });

  test('"go on" or "after that" to "Which nation do you live in?" asks it again: the answer is what it goes on with', async () => {
    const chat = new Chat();
    expectAlexa(await chat.user('who can help me get a referral'), { says: prompts.nation.question, open: true });
    expectAlexa(await chat.user('next'), { startsWith: prompts.nation.question, open: true, reprompt: prompts.nation.reprompt });
    expectAlexa(await ask(chat, 'after that'), { startsWith: prompts.nation.question, open: true });
    expectAlexa(await chat.user('wales'), { startsWith: service('wales').introduction, open: true });
  });

  test('on a device, "hang on, say that again" repeats: it is not taken for the crisis words it shares "hang" with', async () => {
    const chat = new Chat();
    await chat.user('what should I ask the specialist');
    const questions = topic('questions-to-ask').list!.items.map((i) => i.spoken);
    const again = await chat.user('hang on say that again');
    expect(chat.lastIntent).toBe('AMAZON.RepeatIntent');
    expectAlexa(again, { says: questions[0], saysNot: '999', open: true });
    const slower = await chat.user('hang on slow down and say it again');
    expect(chat.lastIntent).toBe('RepeatSlowerIntent');
    expectAlexa(slower, { says: questions[0], saysNot: '999', open: true });
  });

  test('goodbyes in everyday words end the session and ask nothing', async () => {
    for (const words of ['thanks, goodbye', "that's all I needed thanks", "no, that'll do for now", 'cheerio']) {
      const chat = new Chat();
      await chat.user('why get a second opinion');
      const a = await ask(chat, words);
      expectAlexa(a, { says: prompts.goodbye, saysNot: '?', open: false });
    }
  });
});

describe('list references', () => {
  test.each([
    ['what was the third one', 3],
    ['question five', 5],
    ['read me the last one again', -1],
    ['what was number two', 2],
  ])('"%s" → %i', (words, position) => {
    expect(listReference(words, ['question', 'questions'])).toBe(position);
  });

  test.each(['the first doctor said it was fine', 'two', 'my second opinion'])('"%s" is not a reference', (words) => {
    expect(listReference(words, ['question', 'questions'])).toBeUndefined();
  });

  test('a list named by its item word is that list, whichever is being read: "the second reason" while reading the questions', async () => {
    const chat = new Chat();
    await chat.user('what should I ask the specialist');
    const reasons = topic('reasons');
    const a = await ask(chat, 'and what was the second reason');
    expectAlexa(a, { startsWith: listPosition(reasons, 2, 2), says: reasons.list!.items[1].spoken, open: true });
    // Next reads on in the list named.
    expectAlexa(await chat.user('next'), { says: reasons.list!.items[2].spoken, open: true });
    // A sentence that tells rather than asks is not a reference.
    const lists = [{ id: 'reasons', one: 'reason', many: 'reasons' }];
    expect(namedListReference('the first reason i asked is that i had doubts about it all', lists)).toBeUndefined();
    expect(namedListReference('read me reason three', lists)).toEqual({ id: 'reasons', position: 3 });
    // Counting or introducing, not referring (review): no jump into a list.
    const questions = [{ id: 'questions-to-ask', one: 'question', many: 'questions' }];
    for (const words of ['and one last question', 'my second question is about the cost', 'one question']) expect([words, namedListReference(words, questions)]).toEqual([words, undefined]);
    expect(namedListReference('there are two reasons', lists)).toBeUndefined();
  });

  test('"what was the third one" mid-list reads that item with where it is; the last one closes the list', async () => {
    const chat = new Chat();
    await chat.user('what should I ask the specialist');
    const list = topic('questions-to-ask').list!;
    const a = await ask(chat, 'what was the third one');
    expectAlexa(a, {
      startsWith: listPosition(topic('questions-to-ask'), 3, 3),
      says: list.items[2].spoken,
      saysNot: list.items[1].spoken,
      open: true,
      reprompt: understanding.listReferences.reprompt,
    });
    const last = await ask(chat, 'and the last one of those');
    expectAlexa(last, { says: [list.items[list.items.length - 1].spoken, topic('questions-to-ask').followUp!.offer], saysNot: understanding.listReferences.prompt, open: true });
  });
});

describe('places and services anywhere in the words', () => {
  test.each([
    ['who can help in Wales', 'wales'],
    ["I live in Cardiff and can't get a referral", 'wales'],
    ['who can I complain to in Belfast', 'northern-ireland'],
    ['we live just outside Aberdeen', 'scotland'],
    ['what is PALS', 'england'],
    ['can the Community Health Council help us', 'wales'],
    ['is there a PALS in Wales', 'wales'],
  ])('"%s" → %s', async (words, nationId) => {
    expect(placeOrServiceIn(words)).toMatchObject({ kind: 'nation', nationId });
    const a = await ask(new Chat(), words);
    expectAlexa(a, { startsWith: service(nationId).introduction, open: true });
  });

  test('a place of care told on the way to another question gets that answer, and the place is remembered', async () => {
    const story = "they did the biopsy at the royal in liverpool and i'm not sure about the results can i have a copy of them";
    expect(placeOrServiceIn(story)).toMatchObject({ kind: 'nation', nationId: 'england', ofCare: true });
    // Where the listener lives is never a place of care: their service, as before.
    expect(placeOrServiceIn('we live near leeds who do we talk to')).toEqual({ kind: 'nation', nationId: 'england', by: 'place' });
    const chat = new Chat();
    const results = topic('doubts-about-diagnosis').passages!['detail-2'];
    expectAlexa(await ask(chat, story), { startsWith: `About ${results.about}:`, saysNot: service('england').introduction, open: true });
    expectAlexa(await chat.user('who can help'), { startsWith: service('england').introduction, open: true });
  });

  test('"can Citizens Advice help" is answered with what the guidance says of Citizens Advice', async () => {
    const helpTopic = topic('referral-help');
    const a = await ask(new Chat(), 'can Citizens Advice help');
    expectAlexa(a, { startsWith: `About ${helpTopic.passages!['detail-1'].about}: ${helpTopic.detail[0]}`, open: true });
  });

  test('a few words a place carrier caught are a place only when they could be a name', async () => {
    // U: "and if they say no", caught by "and {nation}" → understood, not "I only know about services in the UK".
    const chat = new Chat();
    await chat.user('who can help if i can’t get a referral');
    const a = await chat.intent('NationIntent', { nation: { value: 'if they say no' } });
    expectAlexa(a, { saysNot: prompts.nation.notInUk.split('{')[0], open: true });
    // U: "France" still gets the four UK services.
    const b = await new Chat().intent('NationIntent', { nation: { value: 'france' } });
    expectAlexa(b, { startsWith: prompts.nation.notInUk.split('{')[0], open: true });
  });

  test('a topic intent whose place carrier caught more than a name: a UK place in the words counts, other words leave the place unsaid', async () => {
    const helpTopic = topic('referral-help');
    const intent = Object.keys(content.intentTopics).find((name) => content.intentTopics[name] === helpTopic.id)!;
    // U: "who can help me in northern ireland with a referral": "who can help me in {nation}" took the rest too.
    const inBelfast = await new Chat().intent(intent, { nation: unmatched('northern ireland with a referral', 'NATION') });
    expectAlexa(inBelfast, { startsWith: service('northern-ireland').introduction, open: true });
    // U: "who can help me in the hospital": the topic, asking where they live, not "I only know about the UK".
    const inHospital = await new Chat().intent(intent, { nation: unmatched('the hospital', 'NATION') });
    expectAlexa(inHospital, { startsWith: helpTopic.shortAnswer, says: prompts.nation.question, open: true });
    // U: "I'm in pain and my GP won't refer me": "I'm in {nation} and…" took a state, not a place (review).
    const inPain = await new Chat().intent(intent, { nation: unmatched('pain', 'NATION') });
    expectAlexa(inPain, { startsWith: helpTopic.shortAnswer, open: true });
    // U: "who can help me in France": the four UK services.
    const abroad = await new Chat().intent(intent, { nation: unmatched('france', 'NATION') });
    expectAlexa(abroad, { startsWith: prompts.nation.notInUk.split('{')[0], open: true });
  });

  test('letters spelled out, as Alexa writes them, are the word: "what\'s an m. d. t." is the MDT, "the c a b" Citizens Advice', async () => {
    expect(joinSpelledLetters('what is an m. d. t. then')).toBe('what is an mdt then');
    expect(joinSpelledLetters('can the c a b help')).toBe('can the cab help');
    // Runs of only "a" and "i" are words, and a letter inside a word is not a letter said alone.
    expect(joinSpelledLetters("can i a question i'm a nurse")).toBe("can i a question i'm a nurse");
    const mdt = topic('how-treatment-is-planned').passages!['detail-1'];
    expectAlexa(await ask(new Chat(), "what's an m. d. t. when it's at home"), { startsWith: `About ${mdt.about}:`, open: true });
    const helpTopic = topic('referral-help');
    expectAlexa(await ask(new Chat(), 'would the c a b be able to help'), { startsWith: `About ${helpTopic.passages!['detail-1'].about}:`, open: true });
  });

  test('the ServiceIntent routes a named service the same way', async () => {
    const chat = new Chat();
    expectAlexa(await chat.user('what is llais'), { startsWith: service('wales').introduction, open: true });
    expect(chat.lastIntent).toBe('ServiceIntent');
  });

  test('a place caught in the wrong slot of the ServiceIntent still counts, and urgent words in either slot come first', async () => {
    // U: "is there a service in england that helps with second opinions": "is there {service} in {nation}" with
    // neither value known to its type.
    const slots = { service: unmatched('a service', 'SERVICE'), nation: unmatched('england that helps with second opinions', 'NATION') };
    expectAlexa(await new Chat().intent('ServiceIntent', slots), { startsWith: service('england').introduction, open: true });
    // Where the listener is counts over the service's own nation: PALS, but "in wales please".
    const inWales = { service: matched('pals', 'england', 'SERVICE'), nation: unmatched('wales please', 'NATION') };
    expectAlexa(await new Chat().intent('ServiceIntent', inWales), { startsWith: service('wales').introduction, open: true });
    // Only a place the type doesn't know: the UK services, as if it had been said alone.
    const abroad = { nation: unmatched('france', 'NATION') };
    expectAlexa(await new Chat().intent('ServiceIntent', abroad), { startsWith: prompts.nation.notInUk.split('{')[0], open: true });
    // Beside a nation that resolved, urgent words in the other slot are still heard.
    const urgent = { service: unmatched("someone now my husband's collapsed", 'SERVICE'), nation: matched('wales', 'wales', 'NATION') };
    const a = await new Chat().intent('ServiceIntent', urgent);
    expectAlexa(a, { startsWith: safetyLines(content.safety.emergency, 'wales')[0], open: true });
  });
});

describe('feelings', () => {
  test('"I just feel fobbed off" gets a kind word, then what the guidance says when it is hard to talk to your doctor', async () => {
    const feeling = feelingIn('I just feel fobbed off')!;
    const a = await ask(new Chat(), 'I just feel fobbed off');
    expectAlexa(a, { startsWith: feeling.say, says: passageOpening(feeling.answer!), saysNot: [understanding.feelingsOffer.prompt, topic('will-my-doctor-mind').shortAnswer], open: true });
  });

  test('a feeling the guidance does not answer gets a kind word and an offer of support', async () => {
    const upset = understanding.feelingIntents.FeelingUpsetIntent;
    expect(upset.answer).toBeUndefined();
    expectAlexa(await new Chat().intent('FeelingUpsetIntent'), { startsWith: upset.say, says: understanding.feelingsOffer.prompt, open: true });
  });

  test('"go on" to the offer of support is a yes, even after a topic was read: the offer was the last question', async () => {
    const chat = new Chat();
    await chat.intent('DelayIntent');
    await chat.intent('FeelingUpsetIntent');
    const a = await chat.intent('AMAZON.NextIntent');
    expectAlexa(a, { startsWith: topic(understanding.feelingsOffer.topic).shortAnswer, saysNot: prompts.continue.nothingMore, open: true });
  });

  test('a feeling with a question: the kind word, then the answer', async () => {
    const a = await ask(new Chat(), "I'm terrified it will delay my treatment");
    expectAlexa(a, { startsWith: feelingIn("I'm terrified")!.say, says: 'delay', open: true });
  });

  test('a feeling the guidance itself answers gets that answer after the kind word ("I feel like a nuisance": not a bad patient)', async () => {
    const guilty = understanding.feelingIntents.FeelingGuiltyIntent;
    const [topicId, key] = guilty.answer!.split('#');
    const passage = `About ${topic(topicId).passages![key].about}:`;
    // On a device the intent carries no words; in a slot the words find the same feeling.
    const onDevice = await new Chat().intent('FeelingGuiltyIntent');
    expectAlexa(onDevice, { startsWith: guilty.say, says: passage, saysNot: understanding.feelingsOffer.prompt, open: true });
    const inWords = await ask(new Chat(), 'I feel like a nuisance');
    expectAlexa(inWords, { startsWith: guilty.say, says: passage, open: true });
  });

  test('on a device, a feeling said with what it is about ("I\'m nervous about | the travelling") gets the kind word, then that answer', async () => {
    const chat = new Chat();
    const a = await chat.user("i'm nervous about the travelling");
    expect(chat.lastIntent).toBe('FeelingFrightenedIntent');
    expectAlexa(a, { startsWith: feelingIn('scared')!.say, says: topic('disadvantages').passages!['item-4'].about, open: true });
    // What it is about is triaged first, like words in any slot: "i'm scared that | he'll hurt me" is abuse.
    const b = await new Chat().user("i'm scared that he'll hurt me");
    expectAlexa(b, { startsWith: safetyLines(content.safety.abuse, undefined)[0], open: true });
  });

  // "I'm scared" said in a slot is triaged as low mood first (triage.yaml), which also acknowledges it and names support.
  test('on a device, "I\'m worried sick" reaches its feeling intent', async () => {
    const chat = new Chat();
    const a = await chat.user("i'm worried sick");
    expect(chat.lastIntent).toBe('FeelingFrightenedIntent');
    expectAlexa(a, { startsWith: feelingIn('scared')!.say, open: true });
  });
});

describe('passages: the sentence asked about, led by what was understood', () => {
  test.each([
    ['would I have to go all the way to a different hospital', 'disadvantages', 'item-4'],
    ['my sister got different treatment for the same cancer, why', 'unhappy-with-treatment', 'detail-1'],
  ])('"%s" → %s %s', async (words, topicId, key) => {
    const t = topic(topicId);
    const a = await ask(new Chat(), words);
    expectAlexa(a, { startsWith: `About ${t.passages![key].about}:`, open: true });
  });

  test.each(['how do I get a second opinion', "it's not an emergency but how can I get one"])('"%s", said in a carrier, is how to get one: "how" and "get" are searched', async (words) => {
    // They were stop words, and "how do I get a second opinion" searched as "second opinion" alone opened
    // what a second opinion is (session 28).
    const a = await ask(new Chat(), words);
    expectAlexa(a, { startsWith: topic('how-to-get').shortAnswer, open: true });
  });

  test('a reason said as a worry is answered with what to do about it (answerWith in content)', async () => {
    // U: (reasons item 2, "you don't understand the information") → A: the not-understanding topic's answer.
    const reasons = topic('reasons');
    const [targetId, targetKey] = reasons.passages!['item-2'].answerWith!.split('#');
    expect(targetKey).toBe('short');
    const a = await new Chat().intent('ReasonsItem2Intent');
    expectAlexa(a, { startsWith: topic(targetId).shortAnswer, saysNot: reasons.list!.items[1].spoken, open: true });
  });

  test('a short follow-up about the topic being read needs less to go on than a question out of the blue', async () => {
    // "their number" alone scores under minScore; said while the referral help is being read, it is about that.
    expect(searchPassages('their number').best).toBeUndefined();
    expect(searchPassages('their number', ['referral-help']).best).toBeUndefined();
    expect(searchPassages('their number', ['referral-help'], true).best?.topic.id).toBe('referral-help');
    const chat = new Chat();
    await chat.intent('WhoCanHelpIntent');
    const a = await ask(chat, 'their number');
    expectAlexa(a, { says: 'switchboard', saysNot: content.prompts.search.unsure.split('.')[0], open: true });
  });

  test('a short follow-up about the topic just offered counts it as much as the one being read', async () => {
    // After the information sent, the offer is being treated by the second doctor (its followUp in content).
    const sent = topic('information-sent');
    const offered = topic(sent.followUp!.topic);
    const chat = new Chat(undefined, 'catch-all');
    const first = await chat.intent(Object.keys(content.intentTopics).find((name) => content.intentTopics[name] === sent.id)!);
    expect(first.speech).toContain(sent.followUp!.offer);
    expectAlexa(await ask(chat, 'and if i want that one to treat me'), { startsWith: offered.shortAnswer, open: true });
    // Out of the blue the same words are not confident enough to answer.
    expect(searchPassages('and if i want that one to treat me').best).toBeUndefined();
  });

  test('on a device, a passage question reaches its passage intent', async () => {
    const chat = new Chat();
    const a = await chat.user('will it cost more');
    expect(chat.lastIntent).toBe('DisadvantagesItem4Intent');
    expectAlexa(a, { startsWith: `About ${topic('disadvantages').passages!['item-4'].about}:`, open: true });
  });
});

describe('a story, then only whether one may have a second opinion', () => {
  test('"I\'m on the ward at the moment, can I ask for a second opinion from here" is answered with what content names, not the nearest title', async () => {
    const { answer } = loadContent().compiled.understanding.askingForOne;
    const a = await ask(new Chat(), "i'm on the chemo ward at the moment can i ask for a second opinion from here");
    expectAlexa(a, { startsWith: passageOpening(answer), open: true });
    expect(askingForOneIn('so am i still allowed a second opinion')).toBe(answer);
    // Asking for someone else is the relatives' topic; a question about more than whether is searched.
    expect(askingForOneIn('can i ask for a second opinion for her')).toBeUndefined();
    expect(askingForOneIn('can i get a second opinion privately')).toBeUndefined();
  });
});

describe('escalating misunderstanding', () => {
  test('a second fallback in a row gives more concrete help; a third offers to stop, and yes stops', async () => {
    const chat = new Chat();
    const steps = prompts.fallbackSteps;
    const first = await chat.intent('AMAZON.FallbackIntent');
    expectAlexa(first, { says: [prompts.urgentLine, steps[0].prompt], open: true, reprompt: steps[0].reprompt });
    const second = await chat.intent('AMAZON.FallbackIntent');
    expectAlexa(second, { says: [prompts.urgentLine, steps[1].prompt], open: true, reprompt: steps[1].reprompt });
    const third = await chat.intent('AMAZON.FallbackIntent');
    expectAlexa(third, { says: [prompts.urgentLine, steps[2].prompt], open: true, reprompt: steps[2].reprompt });
    expectAlexa(await chat.user('yes'), { says: prompts.goodbye, open: false });
  });

  test('an understood turn resets the count', async () => {
    const chat = new Chat();
    await chat.intent('AMAZON.FallbackIntent');
    await chat.user('why get a second opinion');
    expectAlexa(await chat.intent('AMAZON.FallbackIntent'), { says: prompts.fallbackSteps[0].prompt, open: true });
  });
});

describe('speech rate said in any words', () => {
  test('"slow down please" in a slot slows every reply after it; "say that again slower" repeats slower still', async () => {
    const chat = new Chat();
    await chat.user('why get a second opinion');
    const slower = await ask(chat, 'slow down please');
    expectAlexa(slower, { startsWith: prompts.rate.slower, open: true });
    expect(slower.ssml).toContain(content.speech.prosody.slow.open);
    expect((await chat.user('why get a second opinion')).ssml).toContain(content.speech.prosody.slow.open);
    expect(recogniseAct('say that again slower')).toBe('repeatSlower');
  });
});

describe('list references on a device: ListItemIntent', () => {
  test('"what was the second one" mid-list reads item 2; yes then carries on after it', async () => {
    const chat = new Chat();
    await chat.user('why get a second opinion');
    const reasons = topic('reasons').list!;
    const a = await chat.user('what was the second one');
    expect(chat.lastIntent).toBe('ListItemIntent');
    expectAlexa(a, { startsWith: listPosition(topic('reasons'), 2, 2), says: reasons.items[1].spoken, open: true, reprompt: understanding.listReferences.reprompt });
    // Yes reads on from the item after it: 3, then 4.
    const after = await chat.user('yes');
    expectAlexa(after, { says: reasons.items[2].spoken, saysNot: reasons.items[1].spoken, open: true });
    expectAlexa(await chat.user('next'), { says: reasons.items[3].spoken, open: true });
  });

  test('with no list being read, it says so plainly', async () => {
    const chat = new Chat();
    expectAlexa(await chat.user('what was the second one'), { startsWith: understanding.listReferences.noList, open: true });
  });
});

describe('a service asked about by name is answered, not taken as where the listener lives', () => {
  test('in Cardiff, "what is PALS" gets PALS, and "who can help" afterwards is still Llais', async () => {
    const chat = new Chat();
    await ask(chat, "I live in Cardiff and can't get a referral");
    expectAlexa(await ask(chat, 'what is PALS'), { startsWith: service('england').introduction, open: true });
    expectAlexa(await chat.user('who can help'), { startsWith: service('wales').introduction, open: true });
  });
});

describe('a question about the service just named: "how do I get hold of them", "what do they actually do"', () => {
  test('after PASS asked about by name, "and how can they help" is what PASS does, and "how do i contact them" how to reach it', async () => {
    const chat = new Chat(undefined, 'catch-all');
    await chat.user("I'm in Cardiff");
    expectAlexa(await ask(chat, 'what is PASS'), { startsWith: service('scotland').introduction, open: true });
    expectAlexa(await ask(chat, 'and how can they help'), { startsWith: service('scotland').does, open: true });
    expectAlexa(await ask(chat, 'how do i contact them'), { startsWith: service('scotland').introduction, says: service('scotland').reach, open: true });
    // Asked about by name, PASS didn't make the listener Scottish.
    expectAlexa(await chat.user('who can help'), { startsWith: service('wales').introduction, open: true });
  });

  test('on a device: "how do I get hold of them" (ServiceIntent, {service} holding "them") straight after the Patient and Client Council, asked about from Cardiff', async () => {
    const chat = new Chat();
    await chat.user("i'm in cardiff");
    await chat.user('what is the patient and client council');
    const a = await chat.intent('ServiceIntent', { service: unmatched('them', 'SERVICE') });
    expectAlexa(a, { startsWith: service('northern-ireland').introduction, says: service('northern-ireland').reach, open: true });
    // Named from Cardiff, so stepping on would read Wales's pages: the turn offers what follows the topic instead.
    expect(a.speech).not.toContain(content.prompts.continue.more);
    expectAlexa(await chat.user('who can help'), { startsWith: service('wales').introduction, open: true });
  });

  test('on a device: "what\'s that then" (ServiceIntent, {service} holding "that then") straight after Llais was named is Llais again', async () => {
    const chat = new Chat();
    await chat.user('who can help in wales');
    const a = await chat.intent('ServiceIntent', { service: unmatched('that then', 'SERVICE') });
    expectAlexa(a, { startsWith: service('wales').introduction, says: service('wales').reach, open: true });
  });

  test('on a device: "what does PALS do" (ServiceDoesIntent) is what PALS does, led by its name; "what do they do" then is still PALS', async () => {
    const chat = new Chat();
    const a = await chat.user('what does pals do');
    expect(chat.lastIntent).toBe('ServiceDoesIntent');
    expectAlexa(a, { startsWith: `About ${service('england').name}: ${service('england').does}`, open: true });
    expectAlexa(await chat.intent('ServiceDoesIntent', { service: unmatched('they', 'SERVICE') }), { startsWith: service('england').does, open: true });
    // Citizens Advice, a service of no one nation, is answered by its passage as before.
    expectAlexa(await new Chat().intent('ServiceDoesIntent', { service: matched('citizens advice', 'citizens-advice', 'SERVICE') }), { says: 'Citizens Advice', open: true });
  });

  test('only straight after a service was named: otherwise the same words are a question like any other', async () => {
    const chat = new Chat(undefined, 'catch-all');
    await chat.user('who can help in wales');
    await chat.user('how do i get a second opinion');
    const a = await ask(chat, 'what do they actually do');
    expectAlexa(a, { saysNot: service('wales').does, open: true });
  });
});

describe('"and if they say no?": where to turn when the advice just given does not work out', () => {
  test('on a device: after the patient advice service for Scotland, "and if that doesn\'t help" gets Citizens Advice', async () => {
    const chat = new Chat();
    await chat.user('who can help me get a referral in scotland');
    const a = await chat.user("and if that doesn't help");
    expect(topic('referral-help').ifNot).toBe('referral-help#detail-1');
    expectAlexa(a, { startsWith: passageOpening('referral-help#detail-1'), says: 'Citizens Advice', open: true });
  });

  test('on a device: after asking your specialist, "what if she says no" (its "what if" taken by a carrier) gets your GP', async () => {
    const chat = new Chat();
    await chat.user('can my specialist refer me for a second opinion');
    expect(chat.lastIntent).toBe('AskSpecialistIntent');
    const a = await chat.user('what if she says no');
    expectAlexa(a, { startsWith: passageOpening(topic('asking-your-specialist').ifNot!), open: true });
  });

  test('"what else could I do", in words, after finding it hard to talk to your doctor: a second opinion', async () => {
    const chat = new Chat();
    await chat.intent('TalkingToDoctorIntent');
    const a = await ask(chat, 'what else could I do');
    expectAlexa(a, { startsWith: passageOpening(topic('talking-to-your-doctor').ifNot!), open: true });
  });

  test('not after an urgent answer, which keeps the topic it interrupted (review)', async () => {
    const chat = new Chat(undefined, 'catch-all');
    await chat.user('how do i get a second opinion');
    await chat.user("my husband's got crushing pain in his chest");
    const a = await ask(chat, "what if he won't");
    expect(a.speech.startsWith(passageOpening(topic('how-to-get').ifNot!))).toBe(false);
  });

  test('said with more, or after a topic that names nowhere to turn, the words are a question of their own', async () => {
    expect(asksIfNot('what if they say no')).toBe(true);
    expect(asksIfNot('what if they say no to a second opinion and i still want one')).toBe(false);
    const relatives = new Chat();
    await relatives.intent('RelativesIntent');
    expect(topic('relatives-and-carers').ifNot).toBeUndefined();
    const a = await ask(relatives, 'and if he says no');
    expectAlexa(a, { open: true });
  });
});
