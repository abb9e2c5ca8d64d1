/**
 * Output side of a turn. Conversation code decides *what* to say as a Reply; `respond` renders it to SSML
 * at the listener's speed, adds the card the reply names (if any) and, on a screen, the APL document, keeps
 * the turn for "repeat", saves the dialogue state and enforces the session rules: a turn that keeps the
 * session open has a reprompt; a turn that ends it asks nothing.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { content, fill } from '../content';
import { STATE_KEY, type CardRef, type DialogueState, type LastTurn } from '../dialogue/state';
import { hasSession, supportsApl } from '../requests';
import { renderCard } from './card';
import { MAX_SSML_CHARS, toSsml, type Block } from './render';
import { SCREEN_APL_VERSION, screenDirective } from './screen';

interface ReplyParts {
  blocks: Block[];
  /** What the turn is about, as a screen's title: a topic's or an urgent answer's. Else the skill's name. */
  title?: string;
  /**
   * The card to send to the Alexa app: guidance, a list (all of it, numbered) or urgent help (with the
   * numbers). None for a welcome, help, the fallback, a goodbye, or a step through the same topic.
   */
  card?: CardRef;
  /**
   * The turn gives guidance (a topic, the services): the first such turn of a session carries the
   * disclaimer. Help, the fallback and apologies don't, so the disclaimer waits for the answer it qualifies.
   */
  guidance?: boolean;
  /**
   * A turn about the conversation rather than in it ("speak slower", "send that to my phone"): "repeat"
   * afterwards still says the turn before it, which is what the listener wanted to hear again.
   */
  aside?: boolean;
  /**
   * What a screen shows when it isn't what is said: on resuming, the last turn stays on screen under the
   * question, so the listener sees where they were.
   */
  shows?: { blocks: Block[]; title?: string };
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
  // The first guidance of a session carries the disclaimer, after the answer so the answer comes first;
  // not twice, though, when the answer says it already ("is this medical advice?").
  const disclaimer = fill(content.prompts.disclaimerFirstTurn, { disclaimer: content.framing.disclaimer });
  const saysDisclaimer = blocks.some((block) => block.kind === 'text' && block.text.includes(disclaimer));
  const withDisclaimer = !reply.endSession && reply.guidance === true && !state.disclaimerGiven && blocks.length > 0 && !saysDisclaimer;
  if (withDisclaimer) blocks.push(text(disclaimer));
  const rate = state.speechRate ?? 'medium';
  const speech = toSsml(blocks, reply.prompt, rate);
  const reprompt = reply.endSession ? undefined : toSsml([], reply.reprompt, rate);
  if (speech.length > MAX_SSML_CHARS || (reprompt?.length ?? 0) > MAX_SSML_CHARS) throw new SpeechTooLongError();

  const builder = input.responseBuilder.speak(speech);
  const card = reply.card ? renderCard(reply.card, state.nationId) : undefined;
  if (card) builder.withSimpleCard(card.title, card.text);
  if (supportsApl(input, SCREEN_APL_VERSION)) {
    const shown = reply.shows ?? { blocks, title: reply.title };
    builder.addDirective(screenDirective({ title: shown.title ?? SKILL_TITLE, blocks: shown.blocks, prompt: reply.prompt, open: !reply.endSession, state }));
  }
  if (reprompt) builder.reprompt(reprompt).withShouldEndSession(false);
  else builder.withShouldEndSession(true);
  if (reply.endSession) saveState(input, state);
  else {
    const said: LastTurn = { blocks, prompt: reply.prompt, reprompt: reply.reprompt, ...(reply.title ? { title: reply.title } : {}) };
    saveState(input, {
      ...state,
      disclaimerGiven: state.disclaimerGiven || withDisclaimer || (saysDisclaimer && reply.guidance === true) || undefined,
      last: reply.aside ? state.last : said,
      lastCard: card ? reply.card : state.lastCard,
    });
  }
  return builder.getResponse();
}

/**
 * Writes the dialogue state as the only session attributes. Whatever else arrived in the attributes is
 * not ours and is not handed back. Out of a session there is nowhere to keep it.
 */
function saveState(input: HandlerInput, state: DialogueState): void {
  if (hasSession(input)) input.attributesManager.setSessionAttributes({ [STATE_KEY]: state });
}
