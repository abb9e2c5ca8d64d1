/**
 * What a screen shows (Echo Show, Echo Spot, Fire TV): the turn being said, as an APL document. The
 * document (screen-document.json) holds the layout and no words; the data source holds what this turn
 * says, taken from the same blocks and prompt the speech is rendered from, so the screen can't say
 * something the speech doesn't. Only sent to a device that declares Alexa.Presentation.APL: Alexa refuses
 * a RenderDocument directive anywhere else.
 */
import type { interfaces } from 'ask-sdk-model';
import { content, findTopic } from '../content';
import type { DialogueState } from '../dialogue/state';
import type { Block } from './render';

/** The APL version screen-document.json declares (a test keeps them equal): older runtimes get no screen. */
export const SCREEN_APL_VERSION = '2023.3';

/** Names this skill's document in the UserEvents its buttons send. */
export const SCREEN_TOKEN = 'second-opinion-guide';

/** What the buttons send (SendEvent arguments), handled exactly like saying previous, repeat and next. */
export const SCREEN_ACTIONS = ['previous', 'repeat', 'next'] as const;
export type ScreenAction = (typeof SCREEN_ACTIONS)[number];

export type ScreenSection = { kind: 'text'; text: string } | { kind: 'list'; position: string; items: { number: number; text: string; label: string }[] };

/** The data source: everything the document shows, bound as `screen`. */
export interface ScreenData {
  title: string;
  sections: ScreenSection[];
  /** The question or hint the turn ends with; empty when it ends the session. */
  prompt: string;
  buttons: { action: ScreenAction; label: string; hint: string }[];
}

export interface ScreenTurn {
  title: string;
  blocks: Block[];
  prompt?: string;
  /** The session stays open: the buttons have something to talk to. */
  open: boolean;
  /** The state after the turn, which says where the listener can move. */
  state: DialogueState;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
// "Questions 4 to 6 of 8." is a sentence when heard and a heading when seen.
const heading = (s: string) => s.replace(/[.]\s*$/, '');

/**
 * The buttons that do something from here: back only after the first page of a topic, next only while
 * the topic has more to read, repeat whenever the session is open. A button that would answer "there's
 * nothing more" is not shown. (A forged event for a hidden one still gets the spoken turn's answer.)
 */
function buttons(turn: ScreenTurn): ScreenData['buttons'] {
  if (!turn.open) return [];
  const { screen } = content.prompts;
  const shown: ScreenAction[] = [];
  if (turn.state.topicId !== undefined && (turn.state.page ?? 0) > 0) shown.push('previous');
  shown.push('repeat');
  if (turn.state.offer?.kind === 'continue') shown.push('next');
  return shown.map((action) => ({ action, label: screen[action].label, hint: screen[action].hint }));
}

/** The label a screen reader gives a list item: "Question 4. What are the side effects…". */
function itemLabel(one: string | undefined, number: number, text: string): string {
  return one ? `${capitalise(one)} ${number}. ${text}` : `${number}. ${text}`;
}

export function screenData(turn: ScreenTurn): ScreenData {
  const topic = findTopic(turn.state.topicId);
  const sections = turn.blocks.map((block): ScreenSection => {
    if (block.kind === 'text') return { kind: 'text', text: block.text };
    const from = block.from ?? 1;
    return {
      kind: 'list',
      position: heading(block.position),
      items: block.items.map((text, i) => ({ number: from + i, text, label: itemLabel(topic?.list?.one, from + i, text) })),
    };
  });
  return { title: turn.title, sections, prompt: turn.prompt ?? '', buttons: buttons(turn) };
}

let document: Record<string, unknown> | undefined;

// require() on first use, not import: a device without a screen, most of them, never parses the document.
function screenDocument(): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  document ??= require('./screen-document.json') as Record<string, unknown>;
  return document;
}

export function screenDirective(turn: ScreenTurn): interfaces.alexa.presentation.apl.RenderDocumentDirective {
  return { type: 'Alexa.Presentation.APL.RenderDocument', token: SCREEN_TOKEN, document: screenDocument(), datasources: { screen: screenData(turn) } };
}
