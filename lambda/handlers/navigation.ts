/** Repeat, start over, and yes / no, which act on whatever the last response offered. */
import type { RequestHandler } from 'ask-sdk-core';
import { content, findTopic } from '../content';
import { currentState, respondWith } from '../dialogue/current';
import type { DialogueState } from '../dialogue/state';
import { openQuestion, topicTurn, type Turn } from '../dialogue/topic-turn';
import { isIntent } from '../requests';
import { respond, text } from '../speech/reply';
import { nextTurn } from './lists';
import { welcomeTurn } from './session';

const { prompts } = content;

/**
 * The same turn again, speech and screen, rendered afresh from what it said (never from stored markup);
 * with nothing said yet, the welcome. Its card is not sent twice.
 */
export function repeatTurn(state: DialogueState): Turn {
  if (!state.last) return welcomeTurn(state);
  const { blocks, prompt, reprompt, title } = state.last;
  return { reply: { blocks, prompt, reprompt, ...(title ? { title } : {}) }, state };
}

export const RepeatHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.RepeatIntent'),
  handle: (input) => respondWith(input, repeatTurn(currentState(input))),
};

export const StartOverHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.StartOverIntent'),
  handle: (input) => respondWith(input, welcomeTurn(currentState(input), [prompts.startOver])),
};

export const YesHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.YesIntent'),
  handle: (input) => {
    const state = currentState(input);
    if (state.awaitingNation) {
      return respond(input, state, { blocks: [], prompt: prompts.nation.question, reprompt: prompts.nation.reprompt });
    }
    if (state.offer?.kind === 'continue') return respondWith(input, nextTurn(state));
    if (state.offer?.kind === 'topic') return respondWith(input, topicTurn(findTopic(state.offer.topicId)!, 0, state));
    return respondWith(input, openQuestion(state, [text(prompts.yesWithoutOffer)], prompts.whatNext));
  },
};

export const NoHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.NoIntent'),
  handle: (input) => {
    const state = currentState(input);
    if (state.offer || state.awaitingNation) return respondWith(input, openQuestion(state, [text(prompts.noThanks)]));
    // "No" to "What else would you like to know?" means the listener is finished.
    return respond(input, state, { blocks: [text(prompts.goodbye)], endSession: true });
  },
};
