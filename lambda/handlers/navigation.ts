/** Repeat, start over, and yes / no, which act on whatever the last response offered. */
import type { RequestHandler } from 'ask-sdk-core';
import { content, findTopic } from '../content';
import { currentState, respondWith } from '../dialogue/current';
import { openQuestion, topicTurn } from '../dialogue/topic-turn';
import { isIntent } from '../requests';
import { respond, text } from '../speech/reply';
import { nextTurn } from './lists';
import { welcomeTurn } from './session';

const { prompts } = content;

export const RepeatHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.RepeatIntent'),
  handle: (input) => {
    const state = currentState(input);
    // The same turn again, rendered afresh from what it said (never from stored markup); with nothing
    // said yet, the welcome.
    if (!state.last) return respondWith(input, welcomeTurn(state));
    const { blocks, prompt, reprompt, card } = state.last;
    return respond(input, state, { blocks, prompt, reprompt, card });
  },
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
    // "Carry on?" at a welcome back: the state holds the page read last, so this reads the next.
    if (state.offer?.kind === 'continue' || state.offer?.kind === 'resume') return respondWith(input, nextTurn(state));
    if (state.offer?.kind === 'topic') return respondWith(input, topicTurn(findTopic(state.offer.topicId)!, 0, state));
    return respondWith(input, openQuestion(state, [text(prompts.yesWithoutOffer)], prompts.whatNext));
  },
};

export const NoHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.NoIntent'),
  handle: (input) => {
    const state = currentState(input);
    // No to carrying on from last time: a fresh start, and the old place is forgotten.
    if (state.offer?.kind === 'resume') return respondWith(input, welcomeTurn(state, [prompts.memory.startFresh]));
    if (state.offer || state.awaitingNation) return respondWith(input, openQuestion(state, [text(prompts.noThanks)]));
    // "No" to "What else would you like to know?" means the listener is finished.
    return respond(input, state, { blocks: [text(prompts.goodbye)], endSession: true });
  },
};
