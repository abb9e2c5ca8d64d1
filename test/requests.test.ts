/**
 * Requests that are not an ordinary turn: no session, events Alexa sends besides launches and intents,
 * forged state and attributes, the skill-ID check, and what the logs say about them. Copy is read from
 * content, so rewording a prompt doesn't break these.
 */
import type { IntentRequest, Request, RequestEnvelope, ResponseEnvelope, ui } from 'ask-sdk-model';
import { content, fill } from '../lambda/content';
import * as pages from '../lambda/dialogue/pages';
import { hasNonXmlCharacters, STATE_KEY } from '../lambda/dialogue/state';
import { createSkill, SkillIdMismatchError } from '../lambda/skill';
import { ssmlToPlainText } from '../lambda/speech/render';
import { intentRequest, launchRequest, LOCAL_SKILL_ID, requestEnvelope } from '../tools/local/envelope';
import { captureLogs, Chat, expectAlexa } from './harness';

const { prompts, framing } = content;
const firstSentence = (text: string) => text.split(/(?<=[.?!])\s/)[0];
const skill = createSkill();

const inSession = (request: Request, attributes: Record<string, unknown> = {}): RequestEnvelope => requestEnvelope(request, { id: 'amzn1.echo-api.session.t', isNew: false, attributes });
/** As Alexa sends events such as AudioPlayer.* and System.ExceptionEncountered: no session object at all. */
function outOfSession(request: Request): RequestEnvelope {
  const { session: _session, ...envelope } = inSession(request);
  return envelope;
}
const event = (type: string, fields: Record<string, unknown> = {}) =>
  ({ type, requestId: 'amzn1.echo-api.request.t', timestamp: '2026-12-01T12:00:00Z', locale: 'en-GB', ...fields }) as unknown as Request;
const said = (reply: ResponseEnvelope) => ssmlToPlainText((reply.response.outputSpeech as ui.SsmlOutputSpeech | undefined)?.ssml ?? '');

describe('without a session', () => {
  test.each([
    ['System.ExceptionEncountered', { error: { type: 'INVALID_RESPONSE', message: 'x' }, cause: { requestId: 'amzn1.echo-api.request.earlier' } }],
    ['AudioPlayer.PlaybackStarted', { token: 't', offsetInMilliseconds: 0 }],
    ['AudioPlayer.PlaybackFailed', { token: 't', error: { type: 'MEDIA_ERROR_UNKNOWN', message: 'x' } }],
    ['PlaybackController.PauseCommandIssued', {}],
    ['Messaging.MessageReceived', { message: { text: 'hello' } }],
    ['AlexaSkillEvent.SkillEnabled', { eventCreationTime: '2026-12-01T12:00:00Z' }],
    ['Alexa.Presentation.APL.UserEvent', { arguments: [] }],
  ])('%s gets an empty response, not an error', async (type, fields) => {
    const logs = await captureLogs(async () => {
      const reply = await skill.invoke(outOfSession(event(type, fields)));
      expect(reply.response).toEqual({});
      expect(reply.sessionAttributes).toBeUndefined();
    });
    expect(logs.join('\n')).not.toContain('"event":"error"');
  });

  test('a launch without a session is welcomed, and no state is handed back', async () => {
    const reply = await skill.invoke(outOfSession(launchRequest()));
    expect(said(reply)).toContain(prompts.welcome);
    expect(reply.sessionAttributes).toBeUndefined();
  });

  test('an error in a request without a session is apologised for, not thrown', async () => {
    const spy = jest.spyOn(pages, 'topicPages').mockImplementation(() => {
      throw new Error('content bug');
    });
    try {
      const reply = await skill.invoke(outOfSession(intentRequest({ name: 'AdvantagesIntent', confirmationStatus: 'NONE' })));
      expect(said(reply)).toBe(`${prompts.error} ${prompts.errorReprompt}`);
      expect(reply.response.shouldEndSession).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('other requests Alexa can send', () => {
  test('SessionResumedRequest asks what next', async () => {
    const reply = await skill.invoke(inSession(event('SessionResumedRequest', { cause: { type: 'ConnectionCompleted' } })));
    expect(said(reply)).toBe(prompts.whatNext);
    expect(reply.response.shouldEndSession).toBe(false);
  });

  test('CanFulfillIntentRequest is answered NO, without speech', async () => {
    const reply = await skill.invoke(outOfSession(event('CanFulfillIntentRequest', { intent: { name: 'QueryIntent', slots: {} } })));
    expect(reply.response).toEqual({ canFulfillIntent: { canFulfill: 'NO' } });
  });

  test('a request type no handler knows gets an empty response in a session too', async () => {
    expect((await skill.invoke(inSession(event('Some.FutureEvent')))).response).toEqual({});
  });

  test('an envelope with no request at all gets an empty response', async () => {
    expect(await skill.invoke({ version: '1.0' })).toEqual({ version: '1.0', response: {} });
    expect(await skill.invoke('not an envelope')).toEqual({ version: '1.0', response: {} });
  });
});

describe('session attributes are data, and only the skill’s own', () => {
  test('repeat never speaks markup from the attributes: stored text is escaped, stored SSML ignored', async () => {
    const forged = {
      [STATE_KEY]: {
        last: {
          blocks: [{ kind: 'text', text: "<audio src='https://example.invalid/a.mp3'/> Hello" }],
          prompt: 'What next?',
          reprompt: 'What next?',
          card: { title: 'T', text: 'x' },
          speech: "<speak><audio src='https://example.invalid/a.mp3'/></speak>",
        },
      },
    };
    const reply = await skill.invoke(inSession(intentRequest({ name: 'AMAZON.RepeatIntent', confirmationStatus: 'NONE' }), forged));
    const ssml = (reply.response.outputSpeech as ui.SsmlOutputSpeech).ssml;
    expect(ssml).not.toContain('<audio');
    expect(ssml).toContain('&lt;audio');
    expect(reply.response.shouldEndSession).toBe(false);
  });

  test.each([
    ['an unknown block kind', [{ kind: 'audio', text: 'x' }]],
    ['a list of five items', [{ kind: 'list', position: 'Items 1 to 5 of 5.', items: ['a', 'b', 'c', 'd', 'e'] }]],
    ['text longer than the skill ever says', [{ kind: 'text', text: 'word '.repeat(400) }]],
    ['a control character', [{ kind: 'text', text: 'a\u0000b' }]],
  ])('a stored turn with %s is not repeated: the welcome is given instead', async (_label, blocks) => {
    const forged = { [STATE_KEY]: { disclaimerGiven: true, last: { blocks, prompt: 'What next?', reprompt: 'What next?', card: { title: 'T', text: 'x' } } } };
    const reply = await skill.invoke(inSession(intentRequest({ name: 'AMAZON.RepeatIntent', confirmationStatus: 'NONE' }), forged));
    expect(said(reply)).toContain(prompts.welcome);
  });

  test.each([
    ['a string', 'x'.repeat(20_000)],
    ['other keys beside the state', { [STATE_KEY]: { nationId: 'wales' }, other: 'y'.repeat(20_000), ['__proto__']: { polluted: true } }],
  ])('attributes holding %s come back as the skill’s state alone', async (_label, attributes) => {
    const reply = await skill.invoke(inSession(launchRequest(), attributes as Record<string, unknown>));
    expect(Object.keys(reply.sessionAttributes ?? {})).toEqual([STATE_KEY]);
    expect(JSON.stringify(reply.sessionAttributes).length).toBeLessThan(3_000);
  });

  test('text with a character XML forbids is refused when state is read', () => {
    for (const bad of ['a\u0000b', 'a\ud800b', 'b\udc00', '\uffff']) expect([bad, hasNonXmlCharacters(bad)]).toEqual([bad, true]);
    for (const good of ['plain', 'tab\tand\nlines', 'émoji 🙂', '\u202e']) expect([good, hasNonXmlCharacters(good)]).toEqual([good, false]);
  });
});

describe('the disclaimer goes with the first guidance', () => {
  // As said after the first answer of a session (the welcome says the whole of it).
  const disclaimer = fill(prompts.disclaimerFirstTurn, { disclaimer: framing.disclaimer });

  test('a fallback first says no disclaimer; the first answer after it does', async () => {
    const chat = new Chat();
    const fallback = await chat.intent('AMAZON.FallbackIntent');
    expectAlexa(fallback, { saysNot: disclaimer, open: true });
    const answer = await chat.intent('AdvantagesIntent');
    expectAlexa(answer, { says: disclaimer, open: true });
    expectAlexa(await chat.intent('DisadvantagesIntent'), { saysNot: disclaimer, open: true });
  });

  test('an apology first says no disclaimer; the first answer after it does', async () => {
    const spy = jest.spyOn(pages, 'topicPages').mockImplementationOnce(() => {
      throw new Error('content bug');
    });
    try {
      const chat = new Chat();
      expectAlexa(await chat.intent('AdvantagesIntent'), { startsWith: prompts.error, saysNot: disclaimer, open: true });
      expectAlexa(await chat.intent('AdvantagesIntent'), { says: disclaimer, open: true });
    } finally {
      spy.mockRestore();
    }
  });

  test('help first says no disclaimer either', async () => {
    const chat = new Chat();
    expectAlexa(await chat.intent('AMAZON.HelpIntent'), { saysNot: disclaimer, open: true });
    const delay = content.topics.find((t) => t.id === 'delay')!;
    expectAlexa(await chat.intent('DelayIntent'), { startsWith: firstSentence(delay.shortAnswer), says: disclaimer, open: true });
  });

  test('an answer that says the disclaimer itself ("is this medical advice?") does not hear it twice, nor after', async () => {
    const guide = content.topics.find((t) => t.id === 'about-this-guide')!;
    expect(guide.shortAnswer).toContain(disclaimer);
    const chat = new Chat();
    const answer = await chat.intent('AboutGuideIntent');
    expect(answer.speech.split(disclaimer)).toHaveLength(2);
    expectAlexa(await chat.intent('DelayIntent'), { saysNot: disclaimer, open: true });
  });
});

describe('SKILL_ID', () => {
  test('is trimmed: a trailing space still accepts the skill’s own requests, and others are refused', async () => {
    const previous = process.env.SKILL_ID;
    process.env.SKILL_ID = ` ${LOCAL_SKILL_ID} \n`;
    try {
      await jest.isolateModulesAsync(async () => {
        const { handler } = await import('../lambda/index');
        expect(said(await handler(inSession(launchRequest())))).toContain(prompts.welcome);
        const foreign = requestEnvelope(launchRequest(), { id: 's', isNew: true, attributes: {} }, 'amzn1.ask.skill.someone-else');
        // The module registry is fresh in here, so the error class is matched by name.
        const refused = { name: 'SkillIdMismatchError' };
        await expect(handler(foreign)).rejects.toMatchObject(refused);
        // No context to read the skill from: refused, not a TypeError.
        const { context: _context, ...noContext } = outOfSession(launchRequest());
        await expect(handler(noContext)).rejects.toMatchObject(refused);
      });
    } finally {
      if (previous === undefined) delete process.env.SKILL_ID;
      else process.env.SKILL_ID = previous;
    }
  });
});

describe('logs', () => {
  test('each line carries the request id; an error is logged by name and position, never by message', async () => {
    const spy = jest.spyOn(pages, 'topicPages').mockImplementation(() => {
      throw new TypeError('details of lymphoma that must not be logged');
    });
    const logs = await captureLogs(async () => {
      const request = intentRequest({ name: 'AdvantagesIntent', confirmationStatus: 'NONE' }) as IntentRequest;
      await skill.invoke(inSession(request));
    }).finally(() => spy.mockRestore());
    const lines = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.event)).toEqual(['request', 'error']);
    for (const line of lines) expect(line.requestId).toMatch(/^amzn1\.echo-api\.request\./);
    expect(lines[1]).toMatchObject({ error: 'TypeError', intent: 'AdvantagesIntent', at: expect.stringMatching(/:\d+:\d+$/) as unknown });
    expect(logs.join('\n')).not.toContain('lymphoma');
  });

  test('forged request types, intents, locales and reasons are logged as "other"', async () => {
    const logs = await captureLogs(async () => {
      await skill.invoke(outOfSession(event('<b>free text</b>', { locale: 'secret words' })));
      await skill.invoke(inSession(event('SessionEndedRequest', { reason: 'my diagnosis', error: { type: 'the cancer', message: 'm' } })));
      await skill.invoke(inSession(intentRequest({ name: 'my private words', confirmationStatus: 'NONE' })));
    });
    const text = logs.join('\n');
    expect(text).not.toMatch(/free text|secret|diagnosis|cancer|private/);
    expect(text).toContain('"type":"other"');
    expect(text).toContain('"intent":"other"');
    expect(text).toContain('"reason":"other"');
  });
});

test('a refused request names the mismatch, not the request', async () => {
  const guarded = createSkill({ skillId: 'amzn1.ask.skill.ours' });
  const logs = await captureLogs(async () => {
    await expect(guarded.invoke(inSession(launchRequest()))).rejects.toThrow(SkillIdMismatchError);
  });
  expect(logs).toEqual([JSON.stringify({ event: 'refused', reason: 'skill-id' })]);
});
