/**
 * "Forget me" asks first (dialogue/memory.ts); a yes to that, said any way, deletes (dialogue/current.ts).
 * "Yes, forget them" reaches this intent again while the question is open: that is the yes.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { currentState, respondWith } from '../dialogue/current';
import { confirmForgetTurn, forgetOfferTurn } from '../dialogue/memory';
import { isIntent } from '../requests';

export const ForgetMeHandler: RequestHandler = {
  canHandle: isIntent('ForgetMeIntent'),
  handle: (input) => {
    const state = currentState(input);
    return respondWith(input, state.offer?.kind === 'forget' ? confirmForgetTurn(state) : forgetOfferTurn(state));
  },
};
