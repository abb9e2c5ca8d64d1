/** The local console: the resolver against the committed model, and the scripted mode end to end. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { content, fill } from '../lambda/content';
import { createSkill } from '../lambda/skill';
import { playTurn, type TurnRecord } from '../tools/cli/main';
import { REPO_ROOT } from '../tools/content/load';
import { MODEL_PATH } from '../tools/build-content';
import { Resolver } from '../tools/local/resolver';
import { LocalSession } from '../tools/local/session';
import type { InteractionModel } from '../tools/model/build-model';
import { resolver } from './harness';

jest.setTimeout(60_000);

describe('resolver', () => {
  test('an exact sample with a slot fills entity resolution as Alexa does, ids included', () => {
    const r = resolver().resolve('who helps in Cardiff');
    expect(r).toMatchObject({ kind: 'intent', how: 'exact', intent: { name: 'WhoCanHelpIntent' } });
    const slot = r.kind === 'intent' ? r.intent.slots!.nation : undefined;
    expect(slot?.value).toBe('cardiff');
    expect(slot?.resolutions?.resolutionsPerAuthority?.[0]).toMatchObject({ status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id: 'wales' } }] });
  });

  test('an unknown place is ER_SUCCESS_NO_MATCH', () => {
    const r = resolver().resolve('who helps in France');
    const slot = r.kind === 'intent' ? r.intent.slots!.nation : undefined;
    expect(slot?.resolutions?.resolutionsPerAuthority?.[0].status.code).toBe('ER_SUCCESS_NO_MATCH');
  });

  test('close words reach the nearest sample', () => {
    const r = resolver().resolve('what are the advantage of a second opinion please');
    expect(r).toMatchObject({ kind: 'intent', how: 'near', intent: { name: 'AdvantagesIntent' } });
  });

  test('device routing: words that match no sample reach the fallback with no words, as on a device', () => {
    for (const said of ['purple monkey dishwasher', 'what time does the chemist shut on sundays']) {
      const r = resolver('device').resolve(said);
      expect(r).toMatchObject({ how: 'fallback', intent: { name: 'AMAZON.FallbackIntent' } });
      expect(JSON.stringify(r)).not.toContain(said.split(' ')[1]);
    }
  });

  test('like Alexa, it generalises from samples: words close to an intent’s samples reach that intent, without words', () => {
    expect(resolver('device').resolve('my chest hurts so much')).toMatchObject({ how: 'similar', intent: { name: 'EmergencyIntent' } });
    expect(resolver('device').resolve('purple monkey dishwasher')).toMatchObject({ how: 'fallback' });
  });

  test('a slot value said among unseen words fills the slot, as Alexa does; a value alone is no match', () => {
    const r = resolver('device').resolve('my mum is in a hospital in leeds and who could help us with it');
    expect(r).toMatchObject({ how: 'similar', intent: { slots: { nation: { value: 'leeds' } } } });
    // "one" is an ORDINAL value, but nothing else said is like a ListItemIntent sample.
    expect(resolver('device').resolve('how do i get one then')).not.toMatchObject({ intent: { name: 'ListItemIntent' } });
    // A number word fills a list position only beside the words that place it: here "one" is a pronoun.
    expect(resolver('device').resolve('what reasons do people have for asking for one')).not.toMatchObject({ intent: { name: 'ListItemIntent' } });
    expect(resolver('device').resolve("i'd like to hear reason two")).toMatchObject({ how: 'similar', intent: { name: 'ListItemIntent', slots: { position: { value: 'two' } } } });
  });

  test('samples equal on telling words: the one nearer in all its words wins, whatever order the model lists intents in', () => {
    // "second opinion what is that" shares only "second opinion" with dozens of samples of many intents.
    const said = 'second opinion what is that';
    expect(resolver('device').resolve(said)).toMatchObject({ how: 'similar', intent: { name: 'AboutIntent' } });
    const model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as InteractionModel;
    model.interactionModel.languageModel.intents.reverse();
    expect(new Resolver(model, 'device').resolve(said)).toMatchObject({ how: 'similar', intent: { name: 'AboutIntent' } });
  });

  test('"what kind of", "what sort of": a quantifier phrase, not the "kind" of "he\'s been so kind"', () => {
    expect(resolver('device').resolve('what kind of questions should i be asking them')).toMatchObject({ how: 'similar', intent: { name: 'QuestionsToAskIntent' } });
  });

  test('catch-all routing: the same words reach QueryIntent, the words in its query slot', () => {
    expect(resolver('catch-all').resolve('what time does the chemist shut on sundays')).toMatchObject({
      how: 'catch-all',
      intent: { name: 'QueryIntent', slots: { query: { value: 'what time does the chemist shut on sundays' } } },
    });
    // Words that match a sample still go to that sample's intent in either mode.
    expect(resolver('catch-all').resolve('open second opinion guide')).toEqual({ kind: 'launch' });
  });

  test('launch phrases and one-shots', () => {
    expect(resolver().resolve('open second opinion guide')).toEqual({ kind: 'launch' });
    expect(resolver().resolve('open')).toEqual({ kind: 'launch' });
    expect(resolver().resolve('Alexa, ask second opinion guide who helps in Wales')).toMatchObject({ oneShot: true, intent: { name: 'WhoCanHelpIntent' } });
  });
});

test('scripted mode: one JSON line per turn, session carried between turns', () => {
  const out = execFileSync('npx', ['tsx', 'tools/cli/main.ts', '--say', 'why get a second opinion', '--say', 'next', '--say', 'stop', '--json'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const turns = out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as TurnRecord);
  expect(turns).toHaveLength(3);
  expect(Object.keys(turns[0])).toEqual(['say', 'intent', 'slots', 'speech', 'reprompt', 'card', 'screen', 'endSession']);
  // A speaker: no screen to preview.
  expect(turns.map((t) => t.screen)).toEqual([null, null, null]);
  expect(turns[0]).toMatchObject({ intent: 'ReasonsIntent', endSession: false });
  expect(turns[0].speech).toMatch(/^People usually ask for a second opinion for one of four reasons\. Reasons 1 to 3 of 4\./);
  expect(turns[1].speech).toMatch(/^Reason 4 of 4\./);
  expect(turns[2]).toMatchObject({ intent: 'AMAZON.StopIntent', endSession: true, reprompt: null });
});

describe('memory in the console', () => {
  const play = (...args: string[]) =>
    execFileSync('npx', ['tsx', 'tools/cli/main.ts', ...args, '--json'], { cwd: REPO_ROOT, encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as TurnRecord);
  const session = ['--say', 'what should I ask the specialist', '--say', 'next', '--say', 'stop', '--say', 'open second opinion guide'];
  const questions = content.topics.find((t) => t.id === 'questions-to-ask')!.list!;
  const from7 = fill(content.prompts.memory.resumeList, { list: questions.many, item: questions.one, from: 2 * content.speech.pacing.itemsPerTurn + 1, total: questions.items.length });

  test('consecutive sessions in one run remember: the launch offers to carry on from the next question', () => {
    const turns = play(...session);
    expect(turns[2]).toMatchObject({ intent: 'AMAZON.StopIntent', endSession: true });
    expect(turns[3]).toMatchObject({ intent: 'LaunchRequest', endSession: false, reprompt: content.prompts.memory.resumeReprompt });
    expect(turns[3].speech).toBe(`${content.prompts.memory.welcomeBack} ${from7} ${content.prompts.memory.resumeOffer}`);
  });

  test('--no-memory remembers nothing; --memory DIR remembers across runs', () => {
    expect(play(...session, '--no-memory')[3].speech).toContain(content.prompts.welcome);
    const dir = mkdtempSync(join(tmpdir(), 'console-memory-'));
    play('--say', 'what should I ask the specialist', '--say', 'next', '--memory', dir);
    expect(play('--say', 'open second opinion guide', '--memory', dir)[0].speech).toContain(from7);
  });
});

test('--screen: each turn previews its screen as text, and "touch next" presses the Next button', async () => {
  const session = new LocalSession((envelope) => createSkill().invoke(envelope), undefined, { screen: true });
  const first = await playTurn('what should I ask the specialist', resolver(), session);
  const questions = content.topics.find((t) => t.id === 'questions-to-ask')!;
  expect(first.record.screen).toContain(questions.title);
  expect(first.record.screen).toContain(`1. ${questions.list!.items[0].spoken}`);
  expect(first.record.screen).toMatch(/\[ Repeat \] {2}\[ Next \]/);
  const touched = await playTurn('touch next', resolver(), session);
  expect(touched.record.intent).toBe('Alexa.Presentation.APL.UserEvent');
  expect(touched.record.screen).toContain(`4. ${questions.list!.items[3].spoken}`);
  expect(touched.record.screen).toContain('Questions 4 to 6 of 8');
  expect(touched.record.screen).toMatch(/\[ Back \] {2}\[ Repeat \] {2}\[ Next \]/);
});
