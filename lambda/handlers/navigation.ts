/** Repeat, start over, and yes / no, which act on whatever the last response offered. */
import type { RequestHandler } from 'ask-sdk-core';
import { noTurn, repeatTurn, startOverTurn, yesTurn } from '../dialogue/acts';
import { currentState, respondWith } from '../dialogue/current';
import { isIntent } from '../requests';

export const RepeatHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.RepeatIntent'),
  handle: (input) => respondWith(input, repeatTurn(currentState(input))),
};

export const StartOverHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.StartOverIntent'),
  handle: (input) => respondWith(input, startOverTurn(currentState(input))),
};

export const YesHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.YesIntent'),
  handle: (input) => respondWith(input, yesTurn(currentState(input))),
};

export const NoHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.NoIntent'),
  handle: (input) => respondWith(input, noTurn(currentState(input))),
};
