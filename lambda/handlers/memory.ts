/** "Forget me": deletes what the skill remembers about the listener, and says whether it could. */
import type { RequestHandler } from 'ask-sdk-core';
import { currentState, respondWith } from '../dialogue/current';
import { forgetTurn } from '../dialogue/memory';
import { forget } from '../memory';
import { isIntent } from '../requests';

export const ForgetMeHandler: RequestHandler = {
  canHandle: isIntent('ForgetMeIntent'),
  handle: async (input) => respondWith(input, forgetTurn(currentState(input), await forget(input))),
};
