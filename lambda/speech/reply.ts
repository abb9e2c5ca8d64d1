/**
 * Output side of a turn. Conversation code decides *what* to say as a Reply; `respond` renders it to SSML,
 * adds the card, keeps it for "repeat", saves the dialogue state and enforces the session rules:
 * a turn that keeps the session open has a reprompt; a turn that ends it asks nothing.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { content, fill } from '../content';
import { STATE_KEY, type Card, type DialogueState } from '../dialogue/state';
import { toPlainText, toSsml, type Block } from './render';

export type Reply =
  { blocks: Block[]; prompt: string; reprompt: string; card?: Card; endSession?: false } | { blocks: Block[]; prompt?: undefined; reprompt?: undefined; card?: Card; endSession: true };

export const SKILL_TITLE = 'Second Opinion Guide';

export const text = (value: string): Block => ({ kind: 'text', text: value });

export function respond(input: HandlerInput, state: DialogueState, reply: Reply): Response {
  const blocks = [...reply.blocks];
  // The first answer of a session carries the disclaimer, after the answer so the answer comes first.
  // A turn that is only a question waits: the disclaimer must not stand before the question.
  const withDisclaimer = !reply.endSession && !state.disclaimerGiven && blocks.length > 0;
  if (withDisclaimer) blocks.push(text(fill(content.prompts.disclaimerFirstTurn, { disclaimer: content.framing.disclaimer })));
  const speech = toSsml(blocks, reply.prompt);
  const reprompt = reply.endSession ? undefined : toSsml([], reply.reprompt);
  const card = reply.card ?? { title: SKILL_TITLE, text: toPlainText(blocks, reply.prompt) };
  const next: DialogueState = reply.endSession ? state : { ...state, disclaimerGiven: state.disclaimerGiven || withDisclaimer || undefined, last: { speech, reprompt, card } };
  return say(input, next, { speech, reprompt, card });
}

/** Says exactly what was said before (for "repeat"). */
export function respondAgain(input: HandlerInput, state: DialogueState, last: NonNullable<DialogueState['last']>): Response {
  return say(input, state, last);
}

function say(input: HandlerInput, state: DialogueState, turn: NonNullable<DialogueState['last']>): Response {
  const builder = input.responseBuilder.speak(turn.speech);
  if (turn.card) builder.withSimpleCard(turn.card.title, turn.card.text);
  if (turn.reprompt) builder.reprompt(turn.reprompt).withShouldEndSession(false);
  else builder.withShouldEndSession(true);
  const attributes = input.attributesManager.getSessionAttributes() ?? {};
  input.attributesManager.setSessionAttributes({ ...attributes, [STATE_KEY]: state });
  return builder.getResponse();
}
