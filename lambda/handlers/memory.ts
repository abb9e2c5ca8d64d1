/**
 * "Forget me" asks first (dialogue/memory.ts); a yes to that, said any way, deletes (dialogue/current.ts).
 * Said again while the question is open ("no, don't forget me" reaches this intent too), it asks again.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { currentState, respondWith } from '../dialogue/current';
import { forgetOfferTurn } from '../dialogue/memory';
import { isIntent } from '../requests';

export const ForgetMeHandler: RequestHandler = {
  canHandle: isIntent('ForgetMeIntent'),
  // Said again while "Shall I forget …?" is open, it may mean "don't forget me" as easily as yes: it asks again.
  handle: (input) => respondWith(input, forgetOfferTurn(currentState(input))),
};
