/** "Forget me" asks first; yes to that deletes what the skill remembers about the listener, and says whether it could. */
import type { RequestHandler } from 'ask-sdk-core';
import { currentState, respondWith } from '../dialogue/current';
import { forgetOfferTurn, forgetTurn } from '../dialogue/memory';
import { forget } from '../memory';
import { isIntent } from '../requests';

export const ForgetMeHandler: RequestHandler = {
  canHandle: isIntent('ForgetMeIntent'),
  handle: (input) => respondWith(input, forgetOfferTurn(currentState(input))),
};

/** Yes to "Shall I forget …?". Ahead of the general yes, which has no storage to delete. */
export const ConfirmForgetHandler: RequestHandler = {
  canHandle: (input) => isIntent('AMAZON.YesIntent')(input) && currentState(input).offer?.kind === 'forget',
  handle: async (input) => respondWith(input, forgetTurn(currentState(input), await forget(input))),
};
