/** Help with concrete examples, the fallback that says what the skill can do, and unknown intents. */
import type { RequestHandler } from 'ask-sdk-core';
import { content, fill } from '../content';
import { currentState, respondWith } from '../dialogue/current';
import type { DialogueState } from '../dialogue/state';
import type { Turn } from '../dialogue/topic-turn';
import { isIntent, isRequestType } from '../requests';
import { text } from '../speech/reply';

const { prompts } = content;

export function helpTurn(state: DialogueState): Turn {
  return { reply: { blocks: [text(prompts.help)], prompt: prompts.whatNext, reprompt: prompts.helpReprompt }, state: { ...state, awaitingNation: undefined } };
}

export function fallbackTurn(state: DialogueState): Turn {
  return {
    reply: { blocks: [text(fill(prompts.fallback, { urgentLine: prompts.urgentLine }))], prompt: prompts.whatNext, reprompt: prompts.fallbackReprompt },
    state: { ...state, offer: undefined, awaitingNation: undefined },
  };
}

export const HelpHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.HelpIntent'),
  handle: (input) => respondWith(input, helpTurn(currentState(input))),
};

export const FallbackHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.FallbackIntent'),
  handle: (input) => respondWith(input, fallbackTurn(currentState(input))),
};

/** Any other intent (a model newer than this code, or a stray request): answer like the fallback. */
export const UnknownIntentHandler: RequestHandler = {
  canHandle: isRequestType('IntentRequest'),
  handle: (input) => respondWith(input, fallbackTurn(currentState(input))),
};
