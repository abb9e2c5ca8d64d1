/**
 * Screens, as transcripts: the same conversation on an Echo Show (which declares Alexa.Presentation.APL)
 * and on a speaker (which doesn't). The document is checked against APL's own schema (apl-suggester, the
 * Alexa team's linter), its data source against what is said, its colours and sizes against the
 * accessibility targets, and a touch against the spoken word it stands for.
 */
import { StaticAplTemplateValidator } from 'apl-suggester';
import { hex as contrast } from 'wcag-contrast';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { content, fill } from '../lambda/content';
import { createSkill } from '../lambda/skill';
import { SKILL_TITLE } from '../lambda/speech/reply';
import { SCREEN_ACTIONS, SCREEN_APL_VERSION, SCREEN_TOKEN, type ScreenData } from '../lambda/speech/screen';
import { REPO_ROOT } from '../tools/content/load';
import { requestEnvelope, userEventRequest } from '../tools/local/envelope';
import type { Heard } from '../tools/local/session';
import { Chat, expectAlexa } from './harness';

const { prompts } = content;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const questions = content.topics.find((t) => t.id === 'questions-to-ask')!;
type Json = Record<string, unknown>;
const documentFile = join(REPO_ROOT, 'lambda', 'speech', 'screen-document.json');
const document = JSON.parse(readFileSync(documentFile, 'utf8')) as Json & { resources: { when?: string; colors?: Record<string, string>; dimensions?: Record<string, string> }[] };

/** Every ${…} expression in the document, with the component type it sits in. */
function bindings(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]);
  if (Array.isArray(value)) return value.flatMap(bindings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(bindings);
  return [];
}

/** What the screen shows as text, in order, as a listener would read it. */
const shownText = (screen: ScreenData) => [screen.title, ...screen.sections.flatMap((s) => (s.kind === 'text' ? [s.text] : [s.position, ...s.items.map((i) => i.text)])), screen.prompt];

describe('a screen device gets a document showing what is said; a speaker gets none', () => {
  test('U: what should I ask the specialist / next, on an Echo Show → the RenderDocument directive, bound to the words spoken', async () => {
    const chat = Chat.withScreen();
    await chat.user('open second opinion guide');
    await chat.user('what should I ask the specialist');
    const a = await chat.user('next');
    expectAlexa(a, { startsWith: fill(prompts.list.position, { List: 'Questions', from: 4, to: 6, total: 8 }), open: true });

    const directives = a.envelope.response.directives ?? [];
    expect(directives).toHaveLength(1);
    expect(a.render).toMatchObject({ type: 'Alexa.Presentation.APL.RenderDocument', token: SCREEN_TOKEN, document: { type: 'APL', version: SCREEN_APL_VERSION } });
    const doc = a.render!.document as Json & { mainTemplate: { parameters: string[]; items: unknown[] } };
    expect(doc.mainTemplate.parameters).toEqual(['screen']);
    expect(doc.mainTemplate.items.length).toBeGreaterThan(0);

    // The data source is the turn: title, the list page with its numbers and position, the prompt.
    const screen = a.screen!;
    expect(screen.title).toBe(questions.title);
    const page = screen.sections.find((s) => s.kind === 'list');
    expect(page).toEqual({
      kind: 'list',
      position: 'Questions 4 to 6 of 8',
      items: questions.list!.items.slice(3, 6).map((item, i) => ({ number: 4 + i, text: item.spoken, label: `${capitalise(questions.list!.one)} ${4 + i}. ${item.spoken}` })),
    });
    expect(screen.prompt).toBe(prompts.list.more);
    // Every word shown is a word said (the title apart), so the screen can't tell a different story.
    for (const shown of shownText(screen).slice(1)) expect(a.speech).toContain(shown);
    // Back and Next move; Repeat is always there while the session is open.
    expect(screen.buttons.map((b) => b.action)).toEqual(['previous', 'repeat', 'next']);
    expect(screen.buttons.map((b) => b.label)).toEqual([prompts.screen.previous.label, prompts.screen.repeat.label, prompts.screen.next.label]);
  });

  test('the same conversation on a speaker: no directive on any turn, urgent help included', async () => {
    const chat = new Chat();
    for (const said of ['open second opinion guide', 'what should I ask the specialist', 'next', 'repeat', 'help', 'speak slower', 'who helps in Wales', 'stop']) {
      const heard = await chat.user(said);
      expect([said, heard.envelope.response.directives]).toEqual([said, undefined]);
    }
    expect((await chat.intent('EmergencyIntent')).envelope.response.directives).toBeUndefined();
  });

  test('a screen whose APL runtime is older than the document gets speech only', async () => {
    const chat = new Chat(createSkill(), 'device', { screen: true, aplVersion: '1.4' });
    const a = await chat.user('what are the pros');
    expectAlexa(a, { open: true });
    expect(a.envelope.response.directives).toBeUndefined();
  });

  test('every turn shows what it says: welcome, urgent help with its title, goodbye without buttons', async () => {
    const chat = Chat.withScreen();
    const welcome = await chat.user('open second opinion guide');
    expect(welcome.screen?.sections[0]).toEqual({ kind: 'text', text: prompts.welcome });
    expect(welcome.screen?.buttons.map((b) => b.action)).toEqual(['repeat']);
    const urgent = await chat.intent('EmergencyIntent');
    expect(urgent.screen?.title).toBe(content.safety.emergency.title);
    for (const shown of shownText(urgent.screen!).slice(1)) expect(urgent.speech).toContain(shown);
    const bye = await chat.user('stop');
    expectAlexa(bye, { open: false });
    expect(bye.screen).toEqual({ title: SKILL_TITLE, sections: [{ kind: 'text', text: prompts.goodbye }], prompt: '', buttons: [] });
  });
});

describe('touch: each button is the spoken word', () => {
  /** Two sessions in step, one spoken to and one touched, from the same start. */
  async function twoWays(setUp: string[], spoken: string, action: string): Promise<[Heard, Heard]> {
    const byVoice = Chat.withScreen();
    const byTouch = Chat.withScreen();
    for (const said of setUp) {
      await byVoice.user(said);
      await byTouch.user(said);
    }
    return [await byVoice.user(spoken), await byTouch.touch(action)];
  }

  const sameTurn = ([voice, touch]: [Heard, Heard]) => {
    expect(touch.ssml).toBe(voice.ssml);
    expect(touch.repromptSsml).toBe(voice.repromptSsml);
    expect(touch.endSession).toBe(voice.endSession);
    expect(touch.screen).toEqual(voice.screen);
    expect(touch.envelope.sessionAttributes).toEqual(voice.envelope.sessionAttributes);
  };

  test('a touch on Next gives the same turn as saying "next"', async () => {
    const turns = await twoWays(['open second opinion guide', 'what should I ask the specialist'], 'next', 'next');
    sameTurn(turns);
    expectAlexa(turns[1], { startsWith: fill(prompts.list.position, { List: 'Questions', from: 4, to: 6, total: 8 }), open: true });
  });

  test('Back and Repeat are "previous" and "repeat"; Repeat shows the same screen again', async () => {
    const setUp = ['open second opinion guide', 'what should I ask the specialist', 'next'];
    sameTurn(await twoWays(setUp, 'previous', 'previous'));
    const [voice, touch] = await twoWays(setUp, 'repeat', 'repeat');
    sameTurn([voice, touch]);
    const shown = Chat.withScreen();
    for (const said of setUp.slice(0, -1)) await shown.user(said);
    const page2 = await shown.user('next');
    expect(touch.screen).toEqual(page2.screen);
  });

  test('Next at the end of a list, and Next with nothing being read, answer as the spoken word does', async () => {
    sameTurn(await twoWays(['why get a second opinion', 'next'], 'next', 'next'));
    sameTurn(await twoWays(['open second opinion guide'], 'next', 'next'));
  });

  test('resuming shows where the listener was, under the question', async () => {
    const skill = createSkill();
    const chat = Chat.withScreen(skill);
    const page = await chat.user('what should I ask the specialist');
    const resumed = await chat.session.send({ type: 'SessionResumedRequest', requestId: 'amzn1.echo-api.request.resume', timestamp: new Date().toISOString(), locale: 'en-GB' });
    expectAlexa(resumed, { startsWith: prompts.whatNext, open: true });
    expect(resumed.screen?.sections).toEqual(page.screen?.sections);
    expect(resumed.screen?.prompt).toBe(prompts.whatNext);
  });

  test.each([
    ['a word', 'sing'],
    ['a number', 42],
    ['an object', { action: 'next' }],
    ['10,000 characters', 'x'.repeat(10_000)],
  ])('a UserEvent whose argument no button sends (%s) gets an empty response', async (_label, argument) => {
    const skill = createSkill();
    const session = { id: 'amzn1.echo-api.session.touch', isNew: false, attributes: {} };
    const reply = await skill.invoke(requestEnvelope(userEventRequest(argument), session, undefined, { screen: true }));
    expect(reply.response).toEqual({});
  });

  test('the buttons send exactly the arguments the handler knows', () => {
    const layout = (document.layouts as Record<string, { item: { onPress: { type: string; arguments: string[] }[] } }>).ScreenButton;
    expect(layout.item.onPress).toEqual([{ type: 'SendEvent', arguments: ['${action}'] }]);
    expect([...SCREEN_ACTIONS].sort()).toEqual(['next', 'previous', 'repeat']);
  });
});

describe('the document: APL’s schema, bindings, contrast and size', () => {
  test('apl-suggester finds nothing to warn about, and does find a broken copy', async () => {
    // It notes on the console the components it has no extra rules for; that is not a finding.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const validator = new StaticAplTemplateValidator();
    expect(await validator.validate(document)).toEqual([]);
    const broken = JSON.parse(JSON.stringify(document)) as { mainTemplate: { items: Json[] } };
    broken.mainTemplate.items[0].fontSize = '40dp';
    broken.mainTemplate.items[0].onPress = { type: 'SendEvent' };
    expect((await validator.validate(broken)).length).toBeGreaterThan(0);
    jest.restoreAllMocks();
  });

  test('it declares the version the skill checks devices against, and holds no words of its own', () => {
    expect(document.version).toBe(SCREEN_APL_VERSION);
    const texts: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.entries(value).forEach(([key, v]) => (key === 'text' || key === 'accessibilityLabel' ? texts.push(String(v)) : collect(v)));
    };
    collect(document);
    for (const t of texts) expect(t).toMatch(/^(\$\{[^}]+\}[. ]*)+$/);
  });

  test('every binding reads the data source or the viewport, and every field of the data source is shown', async () => {
    const chat = Chat.withScreen();
    const screen = (await chat.user('what should I ask the specialist')).screen!;
    const used = new Set(bindings(document).flatMap((b) => [...b.matchAll(/\b(screen|data|viewport)\.(\w+)/g)].map((m) => `${m[1]}.${m[2]}`)));
    const allowed = new Set([
      ...Object.keys(screen).map((k) => `screen.${k}`),
      ...['kind', 'text', 'position', 'items', 'number', 'label', 'action', 'hint'].map((k) => `data.${k}`),
      'viewport.shape',
      'viewport.width',
    ]);
    for (const b of used) expect([b, allowed.has(b)]).toEqual([b, true]);
    for (const field of Object.keys(screen)) expect([field, used.has(`screen.${field}`)]).toEqual([field, true]);
  });

  test('text colours are at least 7:1 against what they sit on (WCAG AAA)', () => {
    const colours = document.resources[0].colors!;
    const styles = document.styles as Record<string, { values: { color?: string }[] }>;
    const ratios: Record<string, number> = {};
    for (const [name, style] of Object.entries(styles)) {
      const colour = style.values[0].color!.replace(/^@/, '');
      // Button labels sit on the button; everything else on the background.
      const under = name === 'buttonLabel' ? 'colorButton' : 'colorBackground';
      ratios[`${name} (${colour} on ${under})`] = Math.round(contrast(colours[colour], colours[under]) * 10) / 10;
    }
    console.info(
      `Screen contrast ratios:\n${Object.entries(ratios)
        .map(([pair, r]) => `  ${pair.padEnd(50)} ${r}:1`)
        .join('\n')}`,
    );
    for (const [pair, ratio] of Object.entries(ratios)) expect([pair, ratio >= 7]).toEqual([pair, true]);
  });

  test('large type and touch targets: body 40 dp on hubs (36 dp on the round Echo Spot), buttons at least 64 dp tall', () => {
    const dp = (value: string | undefined) => Number(/^(\d+)dp$/.exec(value ?? '')?.[1] ?? NaN);
    const [hub, round, large] = document.resources;
    expect(round.when).toMatch(/viewport\.shape == 'round'/);
    expect(large.when).toMatch(/viewport\.width >= 1280/);
    const at = (block: typeof hub, name: string) => dp(block.dimensions?.[name] ?? hub.dimensions?.[name]);
    expect(at(hub, 'sizeBody')).toBeGreaterThanOrEqual(40);
    expect(at(large, 'sizeBody')).toBeGreaterThanOrEqual(at(hub, 'sizeBody'));
    expect(at(round, 'sizeBody')).toBeGreaterThanOrEqual(32);
    for (const block of [hub, round, large]) {
      expect(at(block, 'sizeTitle')).toBeGreaterThan(at(block, 'sizeBody'));
      expect(at(block, 'sizePrompt')).toBeGreaterThanOrEqual(28);
      expect(at(block, 'buttonHeight')).toBeGreaterThanOrEqual(64);
    }
  });
});

describe('skill.json declares the screen interface', () => {
  test('ALEXA_PRESENTATION_APL with the viewports Alexa requires: round, landscape hubs, TV, and the Echo Show 5', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'skill-package', 'skill.json'), 'utf8')) as {
      manifest: {
        apis: { custom: { interfaces?: { type: string; supportedViewports?: { mode: string; shape: string; minWidth: number; maxWidth: number; minHeight: number; maxHeight: number }[] }[] } };
      };
    };
    const apl = manifest.manifest.apis.custom.interfaces?.find((i) => i.type === 'ALEXA_PRESENTATION_APL');
    const covers = (mode: string, shape: string, width: number, height: number) =>
      apl?.supportedViewports?.some((v) => v.mode === mode && v.shape === shape && v.minWidth <= width && width <= v.maxWidth && v.minHeight <= height && height <= v.maxHeight) ?? false;
    expect({
      'Echo Spot 480x480': covers('HUB', 'ROUND', 480, 480),
      'Echo Show 5 960x480': covers('HUB', 'RECTANGLE', 960, 480),
      'Echo Show 1024x600': covers('HUB', 'RECTANGLE', 1024, 600),
      'Echo Show 8 1280x800': covers('HUB', 'RECTANGLE', 1280, 800),
      'Fire TV 960x540': covers('TV', 'RECTANGLE', 960, 540),
    }).toEqual({ 'Echo Spot 480x480': true, 'Echo Show 5 960x480': true, 'Echo Show 1024x600': true, 'Echo Show 8 1280x800': true, 'Fire TV 960x540': true });
  });
});
