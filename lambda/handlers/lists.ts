/** Stepping through a topic: next / more go forward a page, previous / go back step back. */
import type { RequestHandler } from 'ask-sdk-core';
import { nextTurn, previousTurn } from '../dialogue/acts';
import { currentState, respondWith } from '../dialogue/current';
import { isIntent } from '../requests';

export const NextHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.NextIntent', 'AMAZON.MoreIntent'),
  handle: (input) => respondWith(input, nextTurn(currentState(input))),
};

export const PreviousHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.PreviousIntent'),
  handle: (input) => respondWith(input, previousTurn(currentState(input))),
};
