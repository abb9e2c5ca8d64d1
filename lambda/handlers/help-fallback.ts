/** Help with concrete examples, the fallback that says what the skill can do, and unknown intents. */
import type { RequestHandler } from 'ask-sdk-core';
import { fallbackTurn, helpTurn } from '../dialogue/acts';
import { currentState, respondWith } from '../dialogue/current';
import { isIntent, isRequestType } from '../requests';

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
