/**
 * Transcript-style tests through the real skill: full en-GB request envelopes, session attributes carried
 * between turns. `user()` resolves words through the committed interaction model (as Alexa would);
 * `intent()` sends an exact intent when a test needs one the words can't express.
 */
import { readFileSync } from 'node:fs';
import type { Intent, Slot } from 'ask-sdk-model';
import { createSkill } from '../lambda/skill';
import { MODEL_PATH } from '../tools/build-content';
import type { InteractionModel } from '../tools/model/build-model';
import { Resolver, type Routing } from '../tools/local/resolver';
import type { LocalDevice } from '../tools/local/envelope';
import { LocalSession, type Heard } from '../tools/local/session';

export const model = () => JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as InteractionModel;
const sharedResolvers = new Map<Routing, Resolver>();
/** The committed model as Alexa would resolve it; 'device' sends unmatched words to the fallback with none. */
export const resolver = (routing: Routing = 'device') => {
  if (!sharedResolvers.has(routing)) sharedResolvers.set(routing, new Resolver(model(), routing));
  return sharedResolvers.get(routing)!;
};

export class Chat {
  readonly session: LocalSession;
  last!: Heard;
  /** What was resolved for the last user() turn: intent name. */
  lastIntent?: string;

  constructor(
    skill = createSkill(),
    readonly routing: Routing = 'device',
    /** The device (a speaker unless it has a screen), or, for tests of memory, who is speaking: the same
     * across sessions, each test listener their own. */
    who: LocalDevice | string = {},
  ) {
    const device = typeof who === 'string' ? {} : who;
    const userId = typeof who === 'string' ? who : undefined;
    this.session = new LocalSession((envelope) => skill.invoke(envelope), undefined, device, userId);
  }

  /** The listener says nothing more: Alexa reprompts, then ends the session (about eight seconds). */
  async silence(): Promise<void> {
    await this.session.end('EXCEEDED_MAX_REPROMPTS');
  }

  /** An Echo Show 5: the same skill, on a device that declares Alexa.Presentation.APL. */
  static withScreen(skill = createSkill()): Chat {
    return new Chat(skill, 'device', { screen: true });
  }

  /** U (touching the screen): a button's SendEvent. */
  async touch(argument: unknown): Promise<Heard> {
    this.lastIntent = 'Alexa.Presentation.APL.UserEvent';
    this.last = await this.session.touch(argument);
    return this.last;
  }

  /** U: what the listener said. */
  async user(said: string): Promise<Heard> {
    const resolution = resolver(this.routing).resolve(said);
    if (resolution.kind === 'empty') throw new Error('nothing said');
    this.lastIntent = resolution.kind === 'launch' ? 'LaunchRequest' : resolution.intent.name;
    this.last = await this.session.play(resolution);
    return this.last;
  }

  async intent(name: string, slots: Record<string, Partial<Slot>> = {}): Promise<Heard> {
    const intent: Intent = { name, confirmationStatus: 'NONE', slots: Object.fromEntries(Object.entries(slots).map(([n, s]) => [n, { name: n, confirmationStatus: 'NONE', ...s }])) };
    this.lastIntent = name;
    this.last = await this.session.intent(intent);
    return this.last;
  }
}

export interface Expectation {
  /** Alexa says this (plain text); strings must appear, regexes must match. */
  says?: (string | RegExp)[] | string | RegExp;
  saysNot?: (string | RegExp)[] | string | RegExp;
  /** First sentence of the answer. */
  startsWith?: string;
  reprompt?: string | RegExp;
  /** The session stays open (with a reprompt) or ends (with no question asked). */
  open: boolean;
}

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A: what Alexa answered. Checks the speech, the reprompt and the session rule together. */
export function expectAlexa(heard: Heard, expected: Expectation): void {
  for (const part of asList(expected.says)) {
    if (typeof part === 'string') expect(heard.speech).toContain(part);
    else expect(heard.speech).toMatch(part);
  }
  for (const part of asList(expected.saysNot)) {
    if (typeof part === 'string') expect(heard.speech).not.toContain(part);
    else expect(heard.speech).not.toMatch(part);
  }
  if (expected.startsWith) expect(heard.speech.startsWith(expected.startsWith)).toBe(true);
  expect(heard.endSession).toBe(!expected.open);
  if (expected.open) {
    expect(heard.reprompt).toBeTruthy();
    if (expected.reprompt !== undefined) {
      if (typeof expected.reprompt === 'string') expect(heard.reprompt).toContain(expected.reprompt);
      else expect(heard.reprompt).toMatch(expected.reprompt);
    }
  } else {
    expect(heard.reprompt).toBeUndefined();
    expect(heard.speech).not.toContain('?');
  }
}

/** Slot helpers shaped as Alexa sends them. */
export const matched = (value: string, id: string, type: string): Partial<Slot> => ({
  value,
  resolutions: { resolutionsPerAuthority: [{ authority: `amzn1.er-authority.echo-sdk.test.${type}`, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id, name: value } }] }] },
});
export const unmatched = (value: string, type: string): Partial<Slot> => ({
  value,
  resolutions: { resolutionsPerAuthority: [{ authority: `amzn1.er-authority.echo-sdk.test.${type}`, status: { code: 'ER_SUCCESS_NO_MATCH' }, values: [] }] },
});

/** Runs `body` with the skill's logging on, and returns every line it logged. */
export async function captureLogs(body: () => Promise<void>): Promise<string[]> {
  const logs: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logs.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  process.env.SKILL_LOG = 'on';
  try {
    await body();
  } finally {
    process.env.SKILL_LOG = 'off';
    spy.mockRestore();
  }
  return logs;
}
