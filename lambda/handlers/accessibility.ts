/** Speed and cards: "speak slower", "faster", "normal speed", "say that again slower", "send that to my phone". */
import type { RequestHandler } from 'ask-sdk-core';
import { rateTurn, repeatSlowerTurn, sendCardTurn, type RateChange } from '../dialogue/asides';
import { currentState, respondWith } from '../dialogue/current';
import { intentName, isIntent } from '../requests';

const RATE_INTENTS: Record<string, RateChange> = { SpeakSlowerIntent: 'slower', SpeakFasterIntent: 'faster', NormalSpeedIntent: 'normal' };

export const SpeechRateHandler: RequestHandler = {
  canHandle: isIntent(...Object.keys(RATE_INTENTS)),
  handle: (input) => respondWith(input, rateTurn(currentState(input), RATE_INTENTS[intentName(input)!])),
};

/** The last turn again, a step slower, and slower from then on: needing it slower once, people need it after. */
export const RepeatSlowerHandler: RequestHandler = {
  canHandle: isIntent('RepeatSlowerIntent'),
  handle: (input) => respondWith(input, repeatSlowerTurn(currentState(input))),
};

export const SendCardHandler: RequestHandler = {
  canHandle: isIntent('SendToPhoneIntent'),
  handle: (input) => respondWith(input, sendCardTurn(currentState(input))),
};
