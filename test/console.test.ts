/** The local console: the resolver against the committed model, and the scripted mode end to end. */
import { execFileSync } from 'node:child_process';
import type { TurnRecord } from '../tools/cli/main';
import { REPO_ROOT } from '../tools/content/load';
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

  test('open questions go to the catch-all, nonsense to the fallback', () => {
    expect(resolver().resolve('can my husband ring them for me')).toMatchObject({ how: 'search', intent: { name: 'QueryIntent' } });
    expect(resolver().resolve('purple monkey dishwasher')).toMatchObject({ how: 'fallback', intent: { name: 'AMAZON.FallbackIntent' } });
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
  expect(Object.keys(turns[0])).toEqual(['say', 'intent', 'slots', 'speech', 'reprompt', 'card', 'endSession']);
  expect(turns[0]).toMatchObject({ intent: 'ReasonsIntent', endSession: false });
  expect(turns[0].speech).toMatch(/^People usually ask for a second opinion for one of four reasons\. Reasons 1 to 3 of 4\./);
  expect(turns[1].speech).toMatch(/^Reason 4 of 4\./);
  expect(turns[2]).toMatchObject({ intent: 'AMAZON.StopIntent', endSession: true, reprompt: null });
});
