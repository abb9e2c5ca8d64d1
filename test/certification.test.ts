/** Certification checks before a human reviewer sees the skill. */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createSkill } from '../lambda/skill';
import { checkModelAndManifest, checkTour } from '../tools/check';

jest.setTimeout(30_000);

test('model, manifest, example phrases and icons pass', () => {
  expect(checkModelAndManifest()).toEqual([]);
});

test('every response of the scripted tour is valid Alexa SSML, under 8,000 characters, and follows the session rules', async () => {
  const skill = createSkill();
  const turns = await checkTour((envelope) => skill.invoke(envelope));
  expect(turns.length).toBeGreaterThan(20);
  expect(turns.filter((t) => t.problems.length)).toEqual([]);
});

test('the same tour on a screen device: every response has its APL document, and each is still valid speech', async () => {
  const skill = createSkill();
  const turns = await checkTour((envelope) => skill.invoke(envelope), undefined, { screen: true });
  expect(turns.length).toBeGreaterThan(20);
  expect(turns.filter((t) => t.problems.length)).toEqual([]);
});

test('the tour check does catch a bad response', async () => {
  const bad = (_: RequestEnvelope): Promise<ResponseEnvelope> =>
    Promise.resolve({
      version: '1.0',
      response: { outputSpeech: { type: 'SSML', ssml: '<speak>Shall we <blink>go</blink>?</speak>' }, shouldEndSession: true },
    });
  const [turn] = await checkTour(bad, ['open second opinion guide']);
  expect(turn.problems).toEqual([expect.stringContaining('not valid for Alexa'), 'session ends on a question']);
  const [onScreen] = await checkTour(bad, ['open second opinion guide'], { screen: true });
  expect(onScreen.problems).toContain('a screen device without its APL document');
});
