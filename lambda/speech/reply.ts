/**
 * Output side of a turn. Conversation code decides *what* to say as a Reply; `respond` renders it to SSML,
 * adds the card, keeps it for "repeat", saves the dialogue state and enforces the session rules:
 * a turn that keeps the session open has a reprompt; a turn that ends it asks nothing.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { content, fill } from '../content';
import { STATE_KEY, type Card, type DialogueState, type LastTurn } from '../dialogue/state';
import { hasSession } from '../requests';
import { MAX_SSML_CHARS, toPlainText, toSsml, type Block } from './render';

interface ReplyParts {
  blocks: Block[];
  card?: Card;
  /**
   * The turn gives guidance (a topic, the services): the first such turn of a session carries the
   * disclaimer. Help, the fallback and apologies don't, so the disclaimer waits for the answer it qualifies.
   */
  guidance?: boolean;
}

export type Reply = ReplyParts & ({ prompt: string; reprompt: string; endSession?: false } | { prompt?: undefined; reprompt?: undefined; endSession: true });

export const SKILL_TITLE = 'Second Opinion Guide';

export const text = (value: string): Block => ({ kind: 'text', text: value });

/** A response Alexa would refuse (over 8,000 characters of SSML): the error handler apologises instead. */
export class SpeechTooLongError extends Error {
  override readonly name = 'SpeechTooLongError';
}

export function respond(input: HandlerInput, state: DialogueState, reply: Reply): Response {
  const blocks = [...reply.blocks];
  // The first guidance of a session carries the disclaimer, after the answer so the answer comes first.
  const withDisclaimer = !reply.endSession && reply.guidance === true && !state.disclaimerGiven && blocks.length > 0;
  if (withDisclaimer) blocks.push(text(fill(content.prompts.disclaimerFirstTurn, { disclaimer: content.framing.disclaimer })));
  const speech = toSsml(blocks, reply.prompt);
  const reprompt = reply.endSession ? undefined : toSsml([], reply.reprompt);
  if (speech.length > MAX_SSML_CHARS || (reprompt?.length ?? 0) > MAX_SSML_CHARS) throw new SpeechTooLongError();
  const card = reply.card ?? { title: SKILL_TITLE, text: toPlainText(blocks, reply.prompt) };

  const builder = input.responseBuilder.speak(speech).withSimpleCard(card.title, card.text);
  if (reprompt) builder.reprompt(reprompt).withShouldEndSession(false);
  else builder.withShouldEndSession(true);
  if (reply.endSession) saveState(input, state);
  else {
    const last: LastTurn = { blocks, prompt: reply.prompt, reprompt: reply.reprompt, card };
    saveState(input, { ...state, disclaimerGiven: state.disclaimerGiven || withDisclaimer || undefined, last });
  }
  return builder.getResponse();
}

/**
 * Writes the dialogue state as the only session attribute. Whatever else arrived in the attributes is
 * not ours and is not handed back. Out of a session there is nowhere to keep it.
 */
function saveState(input: HandlerInput, state: DialogueState): void {
  if (hasSession(input)) input.attributesManager.setSessionAttributes({ [STATE_KEY]: state });
}
