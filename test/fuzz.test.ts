/**
 * Fuzz test: thousands of generated request envelopes, reproducible from a seed, through the real skill.
 * Every request type Alexa can send a custom skill (and some it cannot), fields missing or of the wrong
 * type, huge and hostile strings in slots, attributes, locale and ids, forged dialogue state, prototype
 * keys. For each response: no throw, valid Alexa SSML of at most 8,000 characters, a reprompt exactly
 * when the session stays open, no question when it ends, no <audio>, speech only where Alexa allows it
 * and always for a launch or an intent, no error but a refused forged turn, only the skill's own state
 * handed back, and nothing from the request in the logs. A quarter of the cases go to a skill with memory
 * in a real (local) database, some with hostile user IDs, so what is remembered is fuzzed too.
 *
 *   FUZZ_SEED=1234 FUZZ_COUNT=20000 npx jest test/fuzz.test.ts   another seed, more cases
 *   FUZZ_SEED=1234 FUZZ_CASE=417 npx jest test/fuzz.test.ts      one failing case again
 */
import type { ResponseEnvelope, ui } from 'ask-sdk-model';
import { check as checkSsml } from 'ssml-check-core';
import { content } from '../lambda/content';
import { createSkill, SkillIdMismatchError } from '../lambda/skill';
import { ssmlToPlainText } from '../lambda/speech/render';
import { LOCAL_SKILL_ID } from '../tools/local/envelope';
import { startLocalMemory, type LocalMemory } from '../tools/local/memory';
import { model } from './harness';

jest.setTimeout(120_000);

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const COUNT = Number(process.env.FUZZ_COUNT ?? 6_000);
const ONLY = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);

/** Put in every hostile string: if it turns up in a log line, something from the request was logged. */
const MARK = 'qzxv';

/** mulberry32: small, fast and good enough to spread cases; the same seed gives the same cases. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every request type in ask-sdk-model's Request union (1.86), and a few Alexa never sends. */
const REQUEST_TYPES = [
  'LaunchRequest',
  'IntentRequest',
  'SessionEndedRequest',
  'SessionResumedRequest',
  'CanFulfillIntentRequest',
  'System.ExceptionEncountered',
  'AudioPlayer.PlaybackStarted',
  'AudioPlayer.PlaybackFinished',
  'AudioPlayer.PlaybackStopped',
  'AudioPlayer.PlaybackNearlyFinished',
  'AudioPlayer.PlaybackFailed',
  'PlaybackController.NextCommandIssued',
  'PlaybackController.PauseCommandIssued',
  'PlaybackController.PlayCommandIssued',
  'PlaybackController.PreviousCommandIssued',
  'Messaging.MessageReceived',
  'AlexaSkillEvent.SkillEnabled',
  'AlexaSkillEvent.SkillDisabled',
  'AlexaSkillEvent.SkillAccountLinked',
  'AlexaSkillEvent.SkillPermissionAccepted',
  'AlexaSkillEvent.SkillPermissionChanged',
  'AlexaSkillEvent.ProactiveSubscriptionChanged',
  'AlexaSkillEvent.NotificationSubscriptionChanged',
  'AlexaHouseholdListEvent.ListCreated',
  'AlexaHouseholdListEvent.ItemsCreated',
  'Reminders.ReminderCreated',
  'Reminders.ReminderStarted',
  'Alexa.Authorization.Grant',
  'Alexa.Presentation.APL.UserEvent',
  'Alexa.Presentation.APL.RuntimeError',
  'Alexa.Presentation.APLT.UserEvent',
  'Alexa.Presentation.HTML.Message',
  'Alexa.DataStore.Error',
  'Display.ElementSelected',
  'GameEngine.InputHandlerEvent',
  'Connections.Response',
  'Connections.Request',
  'Dialog.InputRequest',
  'Dialog.API.Invoked',
  'CustomInterfaceController.EventsReceived',
  'CustomInterfaceController.Expired',
  'Alexa.Advertisement.AdCompleted',
  'Made.Up',
  '',
];
/** Where Alexa allows speech in the response; for every other type the response must not speak. */
const SPOKEN = new Set(['LaunchRequest', 'IntentRequest', 'SessionResumedRequest', 'Alexa.Presentation.APL.UserEvent']);

const languageModel = model().interactionModel.languageModel;
const INTENTS = [...languageModel.intents.map((i) => i.name), 'AMAZON.PauseIntent', 'SomeNewIntent', 'constructor', '__proto__', 'toString'];
const SLOT_NAMES = [...new Set(languageModel.intents.flatMap((i) => (i.slots ?? []).map((s) => s.name))), 'constructor', '__proto__', 'other'];
const TOPIC_IDS = content.topics.map((t) => t.id);
const NATION_IDS = content.nations.map((n) => n.id);
const PHRASES = ['who helps in wales', 'will it delay my treatment', 'my husband has chest pain', 'i want to end my life', 'can my daughter ask for me', 'france', 'cardiff', 'emergency'];

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const chance = (rng: Rng, p: number) => rng() < p;

/** Hostile free text: markup, entities, control and unpaired surrogate characters, sizes up to 100 KB. */
function hostile(rng: Rng): string {
  const pieces = [
    `<audio src='https://example.invalid/${MARK}.mp3'/>`,
    `</speak><speak>${MARK}`,
    `&amp; & &lt; ${MARK} "quoted" 'single'`,
    `${MARK} \u0000\u0007\u001b\ufffe \ud800 lone \udc00 surrogates`,
    `${MARK} 999 999 111 116 123 Llais PALS 0800 917 2127`,
    `${MARK} ${'x'.repeat(300)}`,
    `émoji 🙂 ${MARK} \u202e right-to-left`,
    `${MARK}?`,
    `{name} ${MARK} {{}}`,
  ];
  const base = pick(rng, pieces);
  const size = pick(rng, [1, 1, 1, 3, 20, 200, 1_000]);
  return Array.from({ length: size }, () => base).join(' ');
}

function anyValue(rng: Rng, depth = 0): unknown {
  const roll = rng();
  if (roll < 0.15) return hostile(rng);
  if (roll < 0.25) return Math.floor(rng() * 1e6) - 5e5;
  if (roll < 0.3) return chance(rng, 0.5);
  if (roll < 0.35) return null;
  if (roll < 0.45 && depth < 3) return Array.from({ length: Math.floor(rng() * 4) }, () => anyValue(rng, depth + 1));
  if (roll < 0.55 && depth < 3) return { [pick(rng, ['__proto__', 'constructor', 'kind', 'text', MARK])]: anyValue(rng, depth + 1) };
  if (roll < 0.6) return pick(rng, [...TOPIC_IDS, ...NATION_IDS]);
  return undefined;
}

const text = (rng: Rng): unknown => (chance(rng, 0.5) ? pick(rng, PHRASES) : chance(rng, 0.8) ? hostile(rng) : anyValue(rng));

function slot(rng: Rng, name: string): unknown {
  if (chance(rng, 0.1)) return anyValue(rng);
  const authority = chance(rng, 0.5)
    ? {
        authority: 'amzn1.er-authority.echo-sdk.fuzz',
        status: { code: 'ER_SUCCESS_MATCH' },
        values: [{ value: { id: chance(rng, 0.7) ? pick(rng, [...TOPIC_IDS, ...NATION_IDS]) : anyValue(rng), name: 'x' } }],
      }
    : { authority: 'amzn1.er-authority.echo-sdk.fuzz', status: { code: chance(rng, 0.5) ? 'ER_SUCCESS_NO_MATCH' : anyValue(rng) }, values: anyValue(rng) };
  return {
    name,
    confirmationStatus: 'NONE',
    value: chance(rng, 0.85) ? text(rng) : undefined,
    resolutions: chance(rng, 0.6) ? { resolutionsPerAuthority: chance(rng, 0.9) ? [authority] : anyValue(rng) } : anyValue(rng),
  };
}

function block(rng: Rng): unknown {
  if (chance(rng, 0.6)) return { kind: 'text', text: chance(rng, 0.5) ? pick(rng, PHRASES) : text(rng) };
  if (chance(rng, 0.8)) return { kind: 'list', position: text(rng), items: Array.from({ length: Math.floor(rng() * 5) }, () => text(rng)) };
  return { kind: pick(rng, ['audio', 'ssml', '__proto__', 7]), text: hostile(rng), src: 'https://example.invalid/a.mp3' };
}

/** A dialogue state: plausible, garbled or hostile, field by field. */
function dialogue(rng: Rng): unknown {
  const field = <T>(value: () => T) => (chance(rng, 0.6) ? value() : chance(rng, 0.5) ? anyValue(rng) : undefined);
  return {
    topicId: field(() => pick(rng, TOPIC_IDS)),
    page: field(() => pick(rng, [0, 1, 2, 3, 99, -1, 1.5, 1e300])),
    offer: field(() => pick(rng, [{ kind: 'continue' }, { kind: 'topic', topicId: pick(rng, TOPIC_IDS) }, { kind: 'topic', topicId: 'constructor' }])),
    awaitingNation: field(() => chance(rng, 0.5)),
    nationId: field(() => pick(rng, NATION_IDS)),
    disclaimerGiven: field(() => chance(rng, 0.5)),
    last: field(() => ({
      blocks: Array.from({ length: pick(rng, [0, 1, 2, 3, 11]) }, () => block(rng)),
      prompt: chance(rng, 0.7) ? 'What would you like to know?' : text(rng),
      reprompt: chance(rng, 0.7) ? 'What would you like to know?' : text(rng),
      card: chance(rng, 0.8) ? { title: chance(rng, 0.8) ? 'A title' : text(rng), text: text(rng) } : anyValue(rng),
      speech: `<speak><audio src='https://example.invalid/${MARK}.mp3'/></speak>`,
    })),
    [pick(rng, ['__proto__', 'constructor', MARK])]: anyValue(rng),
  };
}

/**
 * Stands for JSON nested 6,000 deep, spliced in as text: JSON.stringify cannot write it (nor could the
 * SDK's copy of the attributes), but JSON.parse, like Lambda's, reads it.
 */
const DEEP = '\u0000deep\u0000';
const DEEP_JSON = `${'{"a":'.repeat(6_000)}"${MARK}"${'}'.repeat(6_000)}`;

function attributes(rng: Rng): unknown {
  const roll = rng();
  if (roll < 0.55) return { dialogue: dialogue(rng), ...(chance(rng, 0.2) ? { [MARK]: hostile(rng) } : {}) };
  if (roll < 0.65) return `${MARK}`.repeat(pick(rng, [1, 5_000]));
  if (roll < 0.7) return DEEP;
  return anyValue(rng);
}

const requestId = (rng: Rng, n: number) => (chance(rng, 0.85) ? `amzn1.echo-api.request.fuzz-${n}` : chance(rng, 0.5) ? hostile(rng) : anyValue(rng));

function request(rng: Rng, n: number): unknown {
  const type = chance(rng, 0.97) ? (chance(rng, 0.6) ? pick(rng, ['LaunchRequest', 'IntentRequest', 'IntentRequest', 'IntentRequest']) : pick(rng, REQUEST_TYPES)) : anyValue(rng);
  const intent = () => {
    const name = chance(rng, 0.9) ? pick(rng, INTENTS) : chance(rng, 0.5) ? hostile(rng) : anyValue(rng);
    const slots = chance(rng, 0.85) ? Object.fromEntries(SLOT_NAMES.filter(() => chance(rng, 0.4)).map((slotName) => [slotName, slot(rng, slotName)])) : anyValue(rng);
    return { name, confirmationStatus: 'NONE', slots };
  };
  return {
    type,
    requestId: requestId(rng, n),
    timestamp: chance(rng, 0.9) ? '2026-12-01T12:00:00Z' : anyValue(rng),
    locale: chance(rng, 0.85) ? 'en-GB' : chance(rng, 0.5) ? hostile(rng) : anyValue(rng),
    ...(type === 'IntentRequest' || chance(rng, 0.1) ? { intent: chance(rng, 0.95) ? intent() : anyValue(rng), dialogState: 'COMPLETED' } : {}),
    ...(chance(rng, 0.2) ? { reason: chance(rng, 0.5) ? 'USER_INITIATED' : text(rng), error: { type: chance(rng, 0.5) ? 'INVALID_RESPONSE' : text(rng), message: hostile(rng) } } : {}),
    ...(chance(rng, 0.1) ? { cause: { requestId: requestId(rng, n) }, token: hostile(rng), message: { text: hostile(rng) } } : {}),
    // A touch on the screen: what the buttons send, or anything at all.
    ...(type === 'Alexa.Presentation.APL.UserEvent' || chance(rng, 0.05)
      ? { arguments: chance(rng, 0.8) ? [chance(rng, 0.7) ? pick(rng, ['next', 'previous', 'repeat']) : hostile(rng)] : anyValue(rng), source: anyValue(rng) }
      : {}),
  };
}

function envelope(rng: Rng, n: number): unknown {
  const application = { applicationId: chance(rng, 0.95) ? LOCAL_SKILL_ID : anyValue(rng) };
  const sessionRoll = rng();
  const session =
    sessionRoll < 0.7
      ? { new: chance(rng, 0.3), sessionId: 'amzn1.echo-api.session.fuzz', application, user: { userId: 'amzn1.ask.account.fuzz' }, attributes: chance(rng, 0.9) ? attributes(rng) : undefined }
      : sessionRoll < 0.85
        ? undefined
        : anyValue(rng);
  // A speaker, a screen (APL, maybe an old runtime), or a device declaring something garbled.
  const supportedInterfaces = chance(rng, 0.6)
    ? {}
    : chance(rng, 0.8)
      ? { 'Alexa.Presentation.APL': { runtime: { maxVersion: pick(rng, ['2024.3', '2023.3', '1.4', hostile(rng)]) } } }
      : { 'Alexa.Presentation.APL': anyValue(rng) };
  const context = chance(rng, 0.9) ? { System: { application, user: { userId: 'amzn1.ask.account.fuzz' }, device: { supportedInterfaces } } } : anyValue(rng);
  const whole = { version: '1.0', session, context, request: chance(rng, 0.98) ? request(rng, n) : anyValue(rng) };
  // Lambda hands the handler parsed JSON: undefined fields vanish, and "__proto__" is an ordinary key.
  if (chance(rng, 0.005)) return anyValue(rng);
  return JSON.parse(JSON.stringify(whole).replace(JSON.stringify(DEEP), DEEP_JSON)) as unknown;
}

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are what this looks for
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const checkedSsml = new Map<string, string[]>();

/** Problems with one SSML string: Alexa's rules (ssml-check-core), XML characters, length, no audio. */
async function ssmlProblems(label: string, ssml: string): Promise<string[]> {
  let problems = checkedSsml.get(ssml);
  if (!problems) {
    const errors = await checkSsml(ssml, { platform: 'amazon' });
    problems = errors?.length ? [`invalid SSML ${JSON.stringify(errors).slice(0, 200)}`] : [];
    if (NOT_XML.test(ssml)) problems.push('a character XML forbids');
    if (ssml.length > 8_000) problems.push(`${ssml.length} characters`);
    if (/<audio/i.test(ssml)) problems.push('<audio>');
    checkedSsml.set(ssml, problems);
  }
  return problems.map((p) => `${label}: ${p}`);
}

async function responseProblems(sent: unknown, reply: ResponseEnvelope, logs: string[]): Promise<string[]> {
  const problems: string[] = [];
  const type = (sent as { request?: { type?: unknown } } | null)?.request?.type;
  const response = reply.response;
  if (reply.version !== '1.0' || typeof response !== 'object') return ['no response object'];
  const speech = (response.outputSpeech as ui.SsmlOutputSpeech | undefined)?.ssml;
  const reprompt = (response.reprompt?.outputSpeech as ui.SsmlOutputSpeech | undefined)?.ssml;
  if (response.outputSpeech && response.outputSpeech.type !== 'SSML') problems.push('speech is not SSML');
  if (speech !== undefined) problems.push(...(await ssmlProblems('speech', speech)));
  if (reprompt !== undefined) problems.push(...(await ssmlProblems('reprompt', reprompt)));
  if (speech !== undefined && !SPOKEN.has(type as string)) problems.push(`speech in reply to ${String(type)}`);
  // A launch or an intent is always answered, however garbled: an empty response means a handler failed.
  if (speech === undefined && (type === 'LaunchRequest' || type === 'IntentRequest')) problems.push(`no speech for ${type}`);
  const open = response.shouldEndSession === false;
  if (open !== (reprompt !== undefined)) problems.push(open ? 'open without a reprompt' : 'a reprompt on a closing turn');
  if (!open && speech !== undefined && ssmlToPlainText(speech).includes('?')) problems.push('ends on a question');
  const card = response.card?.type === 'Simple' ? `${response.card.title ?? ''}${response.card.content ?? ''}` : '';
  if (card.length > 8_000) problems.push(`card of ${card.length} characters`);
  // A screen document only where the device declares APL (Alexa rejects it anywhere else), and only with speech.
  const apl = (sent as { context?: { System?: { device?: { supportedInterfaces?: Record<string, unknown> } } } } | null)?.context?.System?.device?.supportedInterfaces?.['Alexa.Presentation.APL'];
  const declaresApl = typeof apl === 'object' && apl !== null && !Array.isArray(apl);
  for (const directive of response.directives ?? []) {
    if (directive.type !== 'Alexa.Presentation.APL.RenderDocument') problems.push(`a ${directive.type} directive`);
    else if (!declaresApl) problems.push('a screen document for a device without APL');
    else if (speech === undefined) problems.push('a screen document without speech');
    else if (JSON.stringify(directive.datasources).length > 6_000) problems.push('a screen data source of more than 6,000 characters');
  }
  const attributes = reply.sessionAttributes;
  if (attributes !== undefined) {
    const keys = Object.keys(attributes);
    if (keys.some((k) => k !== 'dialogue')) problems.push(`session attributes ${JSON.stringify(keys.slice(0, 5))}`);
    const size = JSON.stringify(attributes).length;
    if (size > 12_000) problems.push(`session attributes of ${size} characters`);
  }
  for (const line of logs) {
    // Errors are bugs, with one exception: a forged last turn too long to say again is refused on purpose.
    if (line.includes('"event":"error"') && !line.includes('"error":"SpeechTooLongError"')) problems.push(`an error: ${line.slice(0, 200)}`);
    if (line.includes(MARK)) problems.push(`request data in the log: ${line.slice(0, 200)}`);
    if (line.length > 400) problems.push(`a log line of ${line.length} characters`);
    try {
      JSON.parse(line);
    } catch {
      problems.push('a log line that is not JSON');
    }
  }
  return problems;
}

let db: LocalMemory;
beforeAll(async () => {
  db = await startLocalMemory();
});
afterAll(() => db.stop());

/**
 * Sends some cases to the skill with memory, and gives some of those a hostile user ID. Decided by a
 * second generator, so the envelopes each seed makes are the same as without memory.
 */
function withMemory(sent: unknown, n: number): { sent: unknown; remembering: boolean } {
  const rng = random(SEED + n * 7919 + 1);
  if (!chance(rng, 0.25) || typeof sent !== 'object' || sent === null) return { sent, remembering: false };
  const envelope = sent as { context?: { System?: { user?: unknown } } };
  if (chance(rng, 0.3) && envelope.context?.System) envelope.context.System.user = { userId: chance(rng, 0.5) ? hostile(rng) : anyValue(rng) };
  return { sent, remembering: true };
}

test(`${COUNT} generated requests (seed ${SEED}): no throw, valid speech, session rules kept, nothing from the request logged`, async () => {
  const open = createSkill();
  const guarded = createSkill({ skillId: ` ${LOCAL_SKILL_ID} ` });
  const memory = db.adapter();
  const remembering = createSkill({ memory });
  const loads = jest.spyOn(memory, 'getAttributes');
  const saves = jest.spyOn(memory, 'saveAttributes');
  const logs: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logs.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  process.env.SKILL_LOG = 'on';
  const failures: string[] = [];
  const counts = { spoken: 0, empty: 0, refused: 0, types: new Set<string>() };
  const started = Date.now();
  try {
    for (let n = 0; n < COUNT; n++) {
      if (ONLY !== undefined && n !== ONLY) continue;
      const rng = random(SEED + n * 7919);
      const generated = envelope(rng, n);
      const guard = chance(rng, 0.2);
      const { sent, remembering: remembers } = withMemory(generated, n);
      const skill = guard ? guarded : remembers ? remembering : open;
      logs.length = 0;
      let reply: ResponseEnvelope;
      try {
        reply = await skill.invoke(sent);
      } catch (error) {
        // The one refusal allowed: a request for another skill, when SKILL_ID is set.
        const application = (sent as { context?: { System?: { application?: { applicationId?: unknown } } } } | null)?.context?.System?.application?.applicationId;
        if (skill === guarded && error instanceof SkillIdMismatchError && application !== LOCAL_SKILL_ID) counts.refused++;
        else failures.push(`case ${n}: threw ${String(error)}`);
        continue;
      }
      const problems = await responseProblems(sent, reply, logs);
      if (problems.length) failures.push(`case ${n}: ${problems.join('; ')}`);
      if (reply.response?.outputSpeech) counts.spoken++;
      else counts.empty++;
      const type = (sent as { request?: { type?: unknown } } | null)?.request?.type;
      if (typeof type === 'string') counts.types.add(type);
    }
  } finally {
    process.env.SKILL_LOG = 'off';
    spy.mockRestore();
  }
  if (ONLY === undefined) {
    console.info(
      `fuzz: ${COUNT} requests (seed ${SEED}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.spoken} spoken, ${counts.empty} empty, ${counts.refused} refused for another skill ID; ${counts.types.size} request types; memory read ${loads.mock.calls.length} and written ${saves.mock.calls.length} times`,
    );
    // Cases spread over every request type listed, so no type goes untested by chance.
    expect(REQUEST_TYPES.filter((t) => !counts.types.has(t))).toEqual([]);
    // And memory was exercised: items read at session starts, and written when turns changed them.
    expect(Math.min(loads.mock.calls.length, saves.mock.calls.length)).toBeGreaterThan(20);
  }
  expect(failures.slice(0, 20)).toEqual([]);
});
