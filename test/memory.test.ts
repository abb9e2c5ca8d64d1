/**
 * Remembering the listener between sessions, as transcripts across sessions against a real database
 * (dynalite on a free port, started here). U is what the listener says, A what Alexa answers; a session
 * ends with "stop" or with silence, and the next starts as a device starts it. The clock is the skill's,
 * moved on by days where a test needs time to pass. Copy is read from content.
 */
import { topicPages } from '../lambda/dialogue/pages';
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { RequestEnvelope } from 'ask-sdk-model';
import { Agent as HttpAgent, createServer as createHttpServer } from 'node:http';
import { createHash } from 'node:crypto';
import { createServer, Socket, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { content, fill } from '../lambda/content';
import { listPosition } from '../lambda/dialogue/pages';
import { DynamoDbMemory, STORAGE_DEADLINE_MS } from '../lambda/memory/dynamodb';
import { KEEP_FOR_DAYS } from '../lambda/memory/record';
import { createSkill } from '../lambda/skill';
import { checkTour } from '../tools/check';
import { startLocalMemory, type LocalMemory } from '../tools/local/memory';
import { captureLogs, Chat, expectAlexa } from './harness';

jest.setTimeout(20_000);

const { prompts, framing } = content;
const DAY = 24 * 60 * 60 * 1000;
const firstSentence = (text: string) => text.split(/(?<=[.?!])\s/)[0];
const topic = (id: string) => content.topics.find((t) => t.id === id)!;
const opening = (id: string) => firstSentence(topic(id).shortAnswer);
const questions = topic('questions-to-ask');
const { itemsPerTurn } = content.speech.pacing;
/** "Last time we were going through the questions, at question 7 of 8." */
const resumeAt = (from: number) => fill(prompts.memory.resumeList, { list: questions.list!.many, item: questions.list!.one, from, total: questions.list!.items.length });
const service = (nation: string) => content.nations.find((n) => n.id === nation)!.service;

let db: LocalMemory;
let adapter: DynamoDbMemory;
/** The skill's clock: a fixed day, moved on by tests. */
let now: number;
let listeners = 0;

beforeAll(async () => {
  db = await startLocalMemory();
  adapter = db.adapter();
});
afterAll(() => db.stop());
beforeEach(() => {
  now = Date.UTC(2026, 11, 1, 12);
});

/** A new listener (their own Alexa user ID) talking to the skill with memory in the test database. */
function listener(memory: DynamoDbMemory = adapter): Chat {
  listeners++;
  return new Chat(createSkill({ memory, clock: () => now }), 'device', `amzn1.ask.account.test-${listeners}`);
}
const keyOf = (chat: Chat) => createHash('sha256').update(chat.session.userId).digest('hex');
const storedItem = async (chat: Chat) => (await db.documents.send(new GetCommand({ TableName: db.tableName, Key: { id: keyOf(chat) } }))).Item;

describe('welcome back: carrying on where the listener left off', () => {
  test('interrupted part way through the questions, they carry on at the next question', async () => {
    const chat = listener();
    await chat.user('open second opinion guide');
    await chat.user('what should I ask the specialist');
    expectAlexa(await chat.user('next'), { startsWith: listPosition(questions, itemsPerTurn + 1, 2 * itemsPerTurn), open: true });
    // Interrupted: no answer, and Alexa closes the session.
    await chat.silence();

    let a = await chat.user('open second opinion guide');
    expectAlexa(a, {
      startsWith: prompts.memory.welcomeBack,
      says: [resumeAt(2 * itemsPerTurn + 1), prompts.memory.resumeOffer],
      saysNot: prompts.welcome,
      open: true,
      reprompt: prompts.memory.resumeReprompt,
    });
    a = await chat.user('yes');
    expectAlexa(a, {
      startsWith: listPosition(questions, 2 * itemsPerTurn + 1, questions.list!.items.length),
      says: fill(prompts.disclaimerFirstTurn, { disclaimer: framing.disclaimer }),
      open: true,
    });
    // And it is the same list: back goes to the questions before.
    expectAlexa(await chat.user('go back'), { startsWith: listPosition(questions, itemsPerTurn + 1, 2 * itemsPerTurn), open: true });
  });

  test('"next" at the welcome back carries on too', async () => {
    const chat = listener();
    await chat.user('what should I ask the specialist');
    await chat.user('stop');
    expectAlexa(await chat.user('open second opinion guide'), { says: resumeAt(itemsPerTurn + 1), open: true });
    expectAlexa(await chat.user('next'), { startsWith: listPosition(questions, itemsPerTurn + 1, 2 * itemsPerTurn), open: true });
  });

  test('a topic that is not a list is named by its title', async () => {
    const chat = listener();
    const a = await chat.user('what does a second opinion mean');
    expectAlexa(a, { says: prompts.continue.more, open: true });
    await chat.user('stop');
    const title = topic('what-is-a-second-opinion').title;
    const where = fill(prompts.memory.resumeText, { topic: title.charAt(0).toLowerCase() + title.slice(1) });
    expectAlexa(await chat.user('open second opinion guide'), { startsWith: prompts.memory.welcomeBack, says: where, open: true });
    const secondPage = topicPages(topic('what-is-a-second-opinion'), undefined)[1][0];
    expectAlexa(await chat.user('yes'), { says: secondPage.kind === 'text' ? secondPage.text : secondPage.items[0], open: true });
  });

  test('no starts afresh with the welcome, and the old place is not offered again', async () => {
    const chat = listener();
    await chat.user('what should I ask the specialist');
    await chat.user('stop');
    await chat.user('open second opinion guide');
    const a = await chat.user('no');
    expectAlexa(a, { startsWith: prompts.memory.startFresh, says: [prompts.welcome, framing.disclaimer], open: true });
    expectAlexa(await chat.user('next'), { says: prompts.continue.nothingMore, open: true });
    await chat.user('stop');
    expectAlexa(await chat.user('open second opinion guide'), { startsWith: prompts.welcome, saysNot: prompts.memory.welcomeBack, open: true });
  });

  test('a topic read to the end is not offered again: there is nothing to carry on with', async () => {
    const chat = listener();
    await chat.user('what should I ask the specialist');
    await chat.user('next');
    await chat.user('next');
    await chat.user('stop');
    expectAlexa(await chat.user('open second opinion guide'), { startsWith: prompts.welcome, open: true });
  });

  test('a one-shot question is answered directly, without the offer', async () => {
    const chat = listener();
    await chat.user('what should I ask the specialist');
    await chat.user('stop');
    const a = await chat.user('Alexa, ask second opinion guide will it delay my treatment');
    expectAlexa(a, { startsWith: opening('delay'), saysNot: [prompts.memory.welcomeBack, prompts.memory.resumeOffer], open: true });
  });

  test('after a week the place is not offered; the nation is still remembered', async () => {
    const chat = listener();
    await chat.user('who helps in Wales');
    await chat.user('what should I ask the specialist');
    await chat.user('stop');
    now += 8 * DAY;
    expectAlexa(await chat.user('open second opinion guide'), { startsWith: prompts.welcome, saysNot: prompts.memory.welcomeBack, open: true });
    expectAlexa(await chat.user('who can help'), { startsWith: service('wales').introduction, open: true });
  });
});

describe('the nation and the speech rate', () => {
  test('a nation told once: who can help answers at once next time, in a one-shot too', async () => {
    const chat = listener();
    await chat.user('open second opinion guide');
    await chat.user("my GP won't refer me");
    expectAlexa(await chat.user('Cardiff'), { startsWith: service('wales').introduction, open: true });
    await chat.user('stop');

    let a = await chat.user('Alexa, ask second opinion guide who can help');
    expectAlexa(a, { startsWith: service('wales').introduction, saysNot: prompts.nation.question, open: true });
    await chat.silence();
    await chat.user('open second opinion guide');
    a = await chat.user("my GP won't refer me");
    expectAlexa(a, { startsWith: service('wales').introduction, saysNot: prompts.nation.question, open: true });
  });

  test('a new nation replaces the old one', async () => {
    const chat = listener();
    await chat.user('who helps in Wales');
    await chat.user('we live in Scotland');
    await chat.user('stop');
    expectAlexa(await chat.user('Alexa, ask second opinion guide who can help'), { startsWith: service('scotland').introduction, open: true });
  });

  test('the speech rate comes back in the next session, at launch and in a one-shot', async () => {
    const chat = listener();
    await chat.user('open second opinion guide');
    // The speech-rate feature ("speak slower", the accessibility branch) sets this state field; until it
    // lands, the test sets it as that feature will. It is saved with the next change of place.
    chat.session.attributes = { dialogue: { ...(chat.session.attributes.dialogue as object), speechRate: 'slow' } };
    await chat.user('what are the pros');
    await chat.user('stop');
    const rate = () => (chat.last.envelope.sessionAttributes?.dialogue as { speechRate?: string } | undefined)?.speechRate;
    await chat.user('open second opinion guide');
    expect(rate()).toBe('slow');
    await chat.user('stop');
    await chat.user('Alexa, ask second opinion guide will it delay my treatment');
    expect(rate()).toBe('slow');
    // And a fresh start keeps it: it belongs to the listener, not to the conversation.
    await chat.user('start over');
    expect(rate()).toBe('slow');
  });

  test('listeners do not share what is remembered', async () => {
    const wales = listener();
    await wales.user('who helps in Wales');
    await wales.user('stop');
    const other = listener();
    expectAlexa(await other.user('Alexa, ask second opinion guide who can help'), { says: prompts.nation.question, open: true });
  });
});

describe('start over at a welcome back', () => {
  test('is a fresh start, not the remembered list from its first item', async () => {
    const chat = listener();
    await chat.user('read me the questions');
    await chat.user('next');
    await chat.user('stop');
    expectAlexa(await chat.user('open second opinion guide'), { says: prompts.memory.resumeOffer, open: true });
    expectAlexa(await chat.user('start again'), { startsWith: prompts.startOver, says: prompts.welcome, saysNot: prompts.startOverTopic, open: true });
  });
});

describe('forget me', () => {
  test('deletes the record and says so; nothing more is remembered in that session, and the next starts afresh', async () => {
    const chat = listener();
    await chat.user('who helps in Wales');
    await chat.user('what should I ask the specialist');
    expect(await storedItem(chat)).toBeDefined();

    const asked = await chat.user('forget what you know about me');
    expect(chat.lastIntent).toBe('ForgetMeIntent');
    expectAlexa(asked, { startsWith: prompts.memory.forgetOffer, reprompt: prompts.memory.forgetReprompt, open: true });
    expect(await storedItem(chat)).toBeDefined();
    expectAlexa(await chat.user('yes'), { startsWith: firstSentence(prompts.memory.forgotten), says: prompts.whatElse, open: true });
    expect(await storedItem(chat)).toBeUndefined();
    // Still talking: nothing said from here on is remembered either.
    await chat.user('who helps in Scotland');
    await chat.user('next');
    expect(await storedItem(chat)).toBeUndefined();
    await chat.user('stop');

    expectAlexa(await chat.user('open second opinion guide'), { startsWith: prompts.welcome, saysNot: prompts.memory.welcomeBack, open: true });
    expectAlexa(await chat.user('who can help'), { says: prompts.nation.question, open: true });
  });

  test('"remember" said about me asks to forget; said about what the doctor says, it is how to prepare', async () => {
    for (const words of ['stop remembering me', 'can you not remember me please', 'wipe what you remember']) {
      const chat = listener();
      expectAlexa(await chat.user(words), { startsWith: prompts.memory.forgetOffer, open: true });
      expect([words, chat.lastIntent]).toEqual([words, 'ForgetMeIntent']);
    }
    const chat = listener();
    await chat.user('how will i remember it all');
    expect(chat.lastIntent).toBe('PreparingIntent');
  });

  test('"delete my data" works as a one-shot, and with nothing stored it still says it is done', async () => {
    const chat = listener();
    await chat.user('who helps in Wales');
    await chat.user('stop');
    const a = await chat.user('Alexa, ask second opinion guide to delete my data');
    expect(chat.lastIntent).toBe('ForgetMeIntent');
    expectAlexa(a, { startsWith: prompts.memory.forgetOffer, open: true });
    expectAlexa(await chat.user('yes please'), { startsWith: firstSentence(prompts.memory.forgotten), open: true });
    expect(await storedItem(chat)).toBeUndefined();
    // Already forgotten in this session: nothing is remembered to ask about, so it is simply done again.
    expectAlexa(await chat.user('forget me'), { startsWith: firstSentence(prompts.memory.forgotten), open: true });
  });

  test('asks first: no keeps everything, and words that only mention forgetting delete nothing', async () => {
    const chat = listener();
    await chat.user('who helps in Wales');
    expectAlexa(await chat.user('forget me'), { startsWith: prompts.memory.forgetOffer, open: true });
    expectAlexa(await chat.user('no'), { startsWith: prompts.memory.kept, says: prompts.whatElse, open: true });
    expect(await storedItem(chat)).toBeDefined();
    // The offer is gone: a later yes is not a yes to forgetting.
    await chat.user('forget me');
    await chat.user('who helps in Scotland');
    await chat.user('yes');
    expect(await storedItem(chat)).toBeDefined();
    await chat.user('i always forget what i wanted to ask once i get in there');
    expect(await storedItem(chat)).toBeDefined();
  });

  test('only a yes to the question deletes: not a yes after help, not "go on", not "no, do not forget me"; yes does', async () => {
    const chat = listener();
    await chat.user('who helps in Wales');
    await chat.user('forget me');
    // Help asks an open question: the yes after it is not a yes to forgetting.
    await chat.user('help');
    await chat.user('yes');
    expect(await storedItem(chat)).toBeDefined();
    await chat.user('forget me');
    // "Go on" is not clearly a yes to deleting, nor a wish to read on: the question again.
    expectAlexa(await chat.user('go on'), { startsWith: prompts.memory.forgetOffer, open: true });
    expect(await storedItem(chat)).toBeDefined();
    // Said again while the question is open, forget me may mean "don't forget me": the question again.
    expectAlexa(await chat.user("no don't forget me"), { startsWith: prompts.memory.forgetOffer, open: true });
    expect(await storedItem(chat)).toBeDefined();
    expectAlexa(await chat.user('yes'), { startsWith: firstSentence(prompts.memory.forgotten), open: true });
    expect(await storedItem(chat)).toBeUndefined();
  });

  test('a yes said in other words, reaching the skill as words, deletes too', async () => {
    const chat = new Chat(createSkill({ memory: adapter, clock: () => now }), 'catch-all', `amzn1.ask.account.test-words-${++listeners}`);
    await chat.user('who helps in Wales');
    await chat.user('forget me');
    const yes = await chat.user('aye sure');
    expect(chat.lastIntent).toBe('QueryIntent');
    expectAlexa(yes, { startsWith: firstSentence(prompts.memory.forgotten), open: true });
    expect(await storedItem(chat)).toBeUndefined();
  });

  test('help tells the listener how', async () => {
    const chat = listener();
    expectAlexa(await chat.user('help'), { says: 'say forget me', open: true });
  });
});

describe('what is stored, and for how long', () => {
  test('ids and a page, keyed by a hash of the user ID; never the ID, never what was said', async () => {
    const chat = listener();
    await chat.user('who helps in Wales');
    await chat.user('i want to know if my husband can ring them for me');
    const item = (await storedItem(chat))!;
    expect(Object.keys(item).sort()).toEqual(['at', 'expiresAt', 'id', 'nation', 'page', 'topic', 'v']);
    expect(item.id).toMatch(/^[0-9a-f]{64}$/);
    expect(item).toMatchObject({ nation: 'wales', at: now / 1000, expiresAt: now / 1000 + KEEP_FOR_DAYS * 24 * 60 * 60 });
    expect(JSON.stringify(item)).not.toMatch(/husband|ring|amzn1/);
  });

  test('saved only when something changes, and loaded once, at the start of a session', async () => {
    const chat = listener();
    const saves = jest.spyOn(adapter, 'saveAttributes');
    const loads = jest.spyOn(adapter, 'getAttributes');
    try {
      await chat.user('open second opinion guide');
      await chat.user('repeat');
      await chat.user('help');
      expect(saves).not.toHaveBeenCalled();
      await chat.user('what are the pros');
      await chat.user('repeat');
      expect(saves).toHaveBeenCalledTimes(1);
      await chat.user('next');
      expect(saves).toHaveBeenCalledTimes(2);
      await chat.user('stop');
      expect(saves).toHaveBeenCalledTimes(2);
      expect(loads).toHaveBeenCalledTimes(1);
    } finally {
      saves.mockRestore();
      loads.mockRestore();
    }
  });

  test('a record past its expiry is ignored, although DynamoDB may not have deleted it yet', async () => {
    const chat = listener();
    await chat.user('who helps in Wales');
    await chat.user('what should I ask the specialist');
    await chat.user('stop');
    now += (KEEP_FOR_DAYS + 1) * DAY;
    // Still in the table (TTL deletion is lazy, and dynalite has none), yet not used.
    expect(await storedItem(chat)).toBeDefined();
    expectAlexa(await chat.user('open second opinion guide'), { startsWith: prompts.welcome, open: true });
    expectAlexa(await chat.user('who can help'), { says: prompts.nation.question, open: true });
  });

  test.each([
    ['another version', { v: 2, nation: 'wales', at: 1, expiresAt: 4_000_000_000 }],
    ['no expiry', { v: 1, nation: 'wales', at: 1 }],
    ['a time in the future', { v: 1, nation: 'wales', at: 4_000_000_000, expiresAt: 4_100_000_000 }],
    ['unknown ids and a bad page', { v: 1, nation: 'atlantis', topic: '__proto__', page: -1, rate: 'warp', at: 1, expiresAt: 4_000_000_000 }],
    ['wrong types everywhere', { v: '1', nation: ['wales'], topic: { id: 'questions-to-ask' }, page: '1', rate: 3, at: 'yesterday', expiresAt: 'never' }],
    ['huge strings', { v: 1, nation: 'w'.repeat(300_000), topic: 'q'.repeat(60_000), at: 1, expiresAt: 4_000_000_000 }],
  ])('an item with %s is not used, and does not break the turn', async (_label, item) => {
    const chat = listener();
    await db.documents.send(new PutCommand({ TableName: db.tableName, Item: { ...item, id: keyOf(chat) } }));
    const logs = await captureLogs(async () => {
      expectAlexa(await chat.user('open second opinion guide'), { startsWith: prompts.welcome, open: true });
      expectAlexa(await chat.user('who can help'), { says: prompts.nation.question, open: true });
    });
    expect(logs.join('\n')).not.toContain('error');
  });

  test('a request without a well-formed user ID is answered, and not remembered', async () => {
    for (const userId of ['', 'someone', `amzn1.ask.account.${'x'.repeat(5_000)}`, 'amzn1.ask.account.<script>']) {
      const chat = new Chat(createSkill({ memory: adapter, clock: () => now }), 'device', userId);
      const saves = jest.spyOn(adapter, 'saveAttributes');
      expectAlexa(await chat.user('who helps in Wales'), { startsWith: service('wales').introduction, open: true });
      expect(saves).toHaveBeenCalledTimes(1);
      saves.mockRestore();
      await chat.user('stop');
      expectAlexa(await chat.user('Alexa, ask second opinion guide who can help'), { says: prompts.nation.question, open: true });
    }
  });
});

describe('storage down: the turn still answers', () => {
  /** A port nothing listens on: connections are refused at once. */
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  /** A server that accepts connections and never answers: the slow way for storage to fail. */
  async function blackHole(): Promise<{ port: number; close(): Promise<void> }> {
    const sockets = new Set<Socket>();
    const server: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      close: async () => {
        sockets.forEach((s) => s.destroy());
        await new Promise((resolve) => server.close(resolve));
      },
    };
  }

  async function conversationWithout(memory: DynamoDbMemory) {
    const chat = listener(memory);
    const timings: number[] = [];
    const timed = async (said: string) => {
      const started = Date.now();
      const heard = await chat.user(said);
      timings.push(Date.now() - started);
      return heard;
    };
    const logs = await captureLogs(async () => {
      expectAlexa(await timed('open second opinion guide'), { startsWith: prompts.welcome, open: true });
      expectAlexa(await timed('who helps in Wales'), { startsWith: service('wales').introduction, open: true });
      expectAlexa(await timed('forget me'), { startsWith: prompts.memory.forgetOffer, open: true });
      expectAlexa(await timed('yes'), { startsWith: prompts.memory.forgetFailed, open: true });
      await chat.user('stop');
      expectAlexa(await timed('Alexa, ask second opinion guide what should I ask the specialist'), { startsWith: opening('questions-to-ask'), open: true });
    });
    return { timings, logs: logs.map((line) => JSON.parse(line) as Record<string, unknown>) };
  }

  test('refused connections: every turn answers, and the log names the error code only', async () => {
    const memory = new DynamoDbMemory({ tableName: db.tableName, endpoint: `http://127.0.0.1:${await closedPort()}` });
    try {
      const { timings, logs } = await conversationWithout(memory);
      expect(Math.max(...timings)).toBeLessThan(1_000);
      const errors = logs.filter((l) => l.event === 'memory-error');
      // A load at each session start, the save after "Wales", the delete: each logged once, by code.
      expect(errors.map((l) => l.op)).toEqual(['load', 'save', 'delete', 'load']);
      // By name, code and position, never by message (which names the address).
      for (const line of errors) {
        expect(Object.keys(line).sort()).toEqual(['at', 'code', 'error', 'event', 'op', 'requestId', 'type', ...(line.intent ? ['intent'] : [])].sort());
        expect(line.code).toBe('ECONNREFUSED');
      }
      expect(JSON.stringify(logs)).not.toMatch(/wales|specialist|127\.0\.0\.1|connect/i);
    } finally {
      memory.close();
    }
  });

  test('a database that never answers: each turn waits at most about half a second for it', async () => {
    const hole = await blackHole();
    const memory = new DynamoDbMemory({ tableName: db.tableName, endpoint: `http://127.0.0.1:${hole.port}` });
    try {
      const { timings, logs } = await conversationWithout(memory);
      expect(Math.max(...timings)).toBeLessThan(1_000);
      expect(logs.filter((l) => l.event === 'memory-error').map((l) => l.op)).toEqual(['load', 'save', 'delete', 'load']);
    } finally {
      memory.close();
      await hole.close();
    }
  });

  test('after a failed load the turn does not try to save as well', async () => {
    const memory = new DynamoDbMemory({ tableName: db.tableName, endpoint: `http://127.0.0.1:${await closedPort()}` });
    const saves = jest.spyOn(memory, 'saveAttributes');
    try {
      const chat = listener(memory);
      await captureLogs(async () => {
        expectAlexa(await chat.user('Alexa, ask second opinion guide who helps in Wales'), { startsWith: service('wales').introduction, open: true });
      });
      expect(saves).not.toHaveBeenCalled();
    } finally {
      memory.close();
    }
  });
});

test('every response of a tour across sessions, with memory, is valid Alexa SSML and follows the session rules', async () => {
  const skill = createSkill({ memory: adapter, clock: () => now });
  const tour = [
    'what should I ask the specialist',
    'next',
    'stop',
    'open second opinion guide',
    'repeat',
    'yes',
    'stop',
    'who helps in Wales',
    'stop',
    'open second opinion guide',
    'no',
    'forget me',
    'yes',
    'stop',
  ];
  const turns = await checkTour(
    (envelope) => skill.invoke({ ...envelope, context: { ...envelope.context, System: { ...envelope.context.System, user: { userId: 'amzn1.ask.account.tour' } } } }),
    tour,
  );
  expect(turns.map((t) => t.said)).toEqual(tour);
  expect(turns.filter((t) => t.problems.length)).toEqual([]);
  expect(turns[3].ssml).toContain(prompts.memory.resumeOffer);
});

describe('on the wire: what DynamoDB receives', () => {
  interface Received {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: string;
  }

  /** An HTTP server on 127.0.0.1 that records each request and answers with the next of `answers`. */
  async function recorder(answers: { status: number; body: object }[] = []) {
    const received: Received[] = [];
    const server = createHttpServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ method: request.method!, url: request.url!, headers: request.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
        const answer = answers.shift() ?? { status: 200, body: {} };
        response.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { endpoint, received, answers, server, close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))) };
  }

  const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token-example' };
  const region = 'eu-west-2';
  const envelope = { context: { System: { user: { userId: 'amzn1.ask.account.wire-test' } } } } as unknown as RequestEnvelope;
  const key = createHash('sha256').update('amzn1.ask.account.wire-test').digest('hex');

  /** The adapter pointed at `server`, signing as the function role; both closed after `body`, whatever happens. */
  async function withMemoryOn(server: { endpoint: string; close(): Promise<unknown> }, body: (memory: DynamoDbMemory) => Promise<void>) {
    const memory = new DynamoDbMemory({ tableName: 'the-table', endpoint: server.endpoint, region, credentials });
    try {
      await body(memory);
    } finally {
      memory.close();
      await server.close();
    }
  }

  /**
   * Checks a request's signature the way DynamoDB does: recomputes it, with the secret, over exactly
   * the headers the request says it signed, as they arrived.
   */
  async function verifySignature({ method, url, headers, body }: Received, host: string) {
    const authorization = headers.authorization;
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)![1].split(';');
    expect(signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-target', 'x-amz-security-token', 'content-type']));
    const date = headers['x-amz-date'];
    const signingDate = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
    const signer = new SignatureV4({ service: 'dynamodb', region, credentials, sha256: Sha256 });
    const resigned = await signer.sign(
      { method, protocol: 'http:', hostname: host, path: url, query: {}, headers: Object.fromEntries(signedHeaders.map((name) => [name, headers[name]])), body },
      { signingDate },
    );
    expect(resigned.headers.authorization).toBe(authorization);
    expect(authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/${region}/dynamodb/aws4_request, `));
  }

  test('each call is the request the AWS SDK sends for it, correctly signed with the function role', async () => {
    const ours = await recorder([{ status: 200, body: { Item: { id: { S: key }, nation: { S: 'wales' } } } }]);
    const sdks = await recorder();
    const memory = new DynamoDbMemory({ tableName: 'the-table', endpoint: ours.endpoint, region, credentials });
    const sdk = new DynamoDBClient({ endpoint: sdks.endpoint, region, credentials });
    try {
      expect(await memory.getAttributes(envelope)).toEqual({ nation: 'wales' });
      await memory.saveAttributes(envelope, { nation: 'wales', rate: undefined, place: { topic: 'questions-to-ask', page: 2 } });
      await memory.deleteAttributes(envelope);
      await sdk.send(new GetItemCommand({ TableName: 'the-table', Key: { id: { S: key } }, ConsistentRead: true }));
      await sdk.send(new PutItemCommand({ TableName: 'the-table', Item: { nation: { S: 'wales' }, place: { M: { topic: { S: 'questions-to-ask' }, page: { N: '2' } } }, id: { S: key } } }));
      await sdk.send(new DeleteItemCommand({ TableName: 'the-table', Key: { id: { S: key } } }));
      expect(ours.received).toHaveLength(3);
      ours.received.forEach((request, i) => {
        const expected = sdks.received[i];
        expect([request.method, request.url]).toEqual([expected.method, expected.url]);
        for (const header of ['x-amz-target', 'content-type', 'x-amz-security-token']) expect(request.headers[header]).toBe(expected.headers[header]);
        expect(JSON.parse(request.body)).toEqual(JSON.parse(expected.body));
      });
      for (const request of ours.received) await verifySignature(request, new URL(ours.endpoint).host);
    } finally {
      memory.close();
      sdk.destroy();
      await Promise.all([ours.close(), sdks.close()]);
    }
  });

  test('on Lambda, the region and the role come from the environment the runtime sets', async () => {
    const server = await recorder();
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_REGION: region, AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey, AWS_SESSION_TOKEN: credentials.sessionToken });
    // An endpoint is given only so the request stays on this machine; region and role are not.
    const memory = new DynamoDbMemory({ tableName: 'the-table', endpoint: server.endpoint });
    try {
      await memory.deleteAttributes(envelope);
      expect(server.received[0].headers['x-amz-security-token']).toBe(credentials.sessionToken);
      await verifySignature(server.received[0], new URL(server.endpoint).host);
    } finally {
      process.env = saved;
      memory.close();
      await server.close();
    }
  });

  test('a refusal is named by its type and not retried; throttling and faults get one more try', async () => {
    const server = await recorder([
      { status: 400, body: { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found' } },
      { status: 400, body: { __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate exceeded' } },
      { status: 200, body: {} },
      { status: 500, body: { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError' } },
      { status: 500, body: { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError' } },
    ]);
    await withMemoryOn(server, async (memory) => {
      await expect(memory.getAttributes(envelope)).rejects.toMatchObject({ name: 'ResourceNotFoundException', statusCode: 400 });
      expect(server.received).toHaveLength(1);
      await expect(memory.getAttributes(envelope)).resolves.toEqual({});
      expect(server.received).toHaveLength(3);
      await expect(memory.deleteAttributes(envelope)).rejects.toMatchObject({ name: 'InternalServerError', statusCode: 500 });
      expect(server.received).toHaveLength(5);
      // What DynamoDB said is not kept anywhere on the error: it could name the table or the key.
      server.answers.push({ status: 400, body: { __type: 'com.amazonaws.dynamodb.v20120810#ValidationException', message: 'One or more parameter values were invalid: the-table' } });
      const refusal = (await memory.getAttributes(envelope).catch((error: unknown) => error)) as Error;
      expect(refusal.name).toBe('ValidationException');
      expect(JSON.stringify({ ...refusal, message: refusal.message, stack: refusal.stack })).not.toMatch(/parameter values|the-table/);
    });
  });

  test('away from Lambda with no credentials, a call fails at once without reaching the network', async () => {
    const saved = { ...process.env };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    // Pointed at DynamoDB's real address: no request may leave, as there is nothing to sign it with.
    const memory = new DynamoDbMemory({ tableName: 'the-table', region });
    try {
      await expect(memory.getAttributes(envelope)).rejects.toMatchObject({ name: 'MissingCredentials' });
    } finally {
      process.env = saved;
      memory.close();
    }
  });

  describe('one more try, and only one, within the deadline', () => {
    test('a connection dropped before the answer is tried again on a fresh one', async () => {
      const server = await recorder();
      let requests = 0;
      server.server.prependListener('request', (request) => {
        // The first request's connection is cut before anything is answered, as a network blip does.
        if (++requests === 1) request.socket.destroy();
      });
      await withMemoryOn(server, async (memory) => {
        await expect(memory.getAttributes(envelope)).resolves.toEqual({});
        expect(requests).toBe(2);
      });
    });

    test('a fault answered in HTML (a 502 from a proxy) is tried twice, then named by its status', async () => {
      const server = await recorder();
      let requests = 0;
      server.server.removeAllListeners('request');
      server.server.on('request', (_request, response) => {
        requests++;
        response.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
      });
      await withMemoryOn(server, async (memory) => {
        await expect(memory.getAttributes(envelope)).rejects.toMatchObject({ name: 'DynamoDbError', statusCode: 502 });
        expect(requests).toBe(2);
      });
    });

    test('a kept connection that has gone silent (as after a freeze) costs well under the deadline', async () => {
      const server = await recorder();
      const sockets = new Set<unknown>();
      let requests = 0;
      server.server.removeAllListeners('request');
      server.server.on('request', (request, response) => {
        requests++;
        // The second request arrives on the connection kept from the first: it is never answered.
        if (sockets.has(request.socket)) return;
        sockets.add(request.socket);
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
      });
      await withMemoryOn(server, async (memory) => {
        await memory.getAttributes(envelope);
        const started = Date.now();
        await expect(memory.getAttributes(envelope)).resolves.toEqual({});
        expect(Date.now() - started).toBeLessThan(STORAGE_DEADLINE_MS - 100);
        expect([requests, sockets.size]).toEqual([3, 2]);
      });
    });

    test('a connection that never opens is given up on in time for the retry, and the call ends at the deadline', async () => {
      // A socket that stays "connecting" forever, as when packets to DynamoDB are dropped.
      const opened: Socket[] = [];
      const connect = jest.spyOn(HttpAgent.prototype, 'createConnection').mockImplementation(() => {
        const socket = new Socket();
        Object.defineProperty(socket, 'connecting', { get: () => true });
        opened.push(socket);
        return socket;
      });
      const memory = new DynamoDbMemory({ tableName: 'the-table', endpoint: 'http://127.0.0.1:9', region, credentials });
      try {
        const started = Date.now();
        await expect(memory.getAttributes(envelope)).rejects.toBeDefined();
        const took = Date.now() - started;
        expect(opened).toHaveLength(2);
        expect(took).toBeGreaterThanOrEqual(STORAGE_DEADLINE_MS - 10);
        expect(took).toBeLessThan(STORAGE_DEADLINE_MS + 150);
      } finally {
        connect.mockRestore();
        memory.close();
      }
    });
  });

  test('off Lambda with no region and no endpoint, a call fails at once by name, and the skill still starts', async () => {
    const saved = { ...process.env };
    delete process.env.AWS_REGION;
    try {
      const memory = new DynamoDbMemory({ tableName: 'the-table', credentials });
      await expect(memory.getAttributes(envelope)).rejects.toMatchObject({ name: 'MissingRegion' });
      memory.close();
    } finally {
      process.env = saved;
    }
  });
});
