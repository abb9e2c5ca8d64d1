/**
 * Touches on the screen. The document's Back, Repeat and Next buttons send an APL UserEvent whose first
 * argument names the move; each gets exactly the turn the spoken word gets. Anything else (only a forged
 * request has it) gets an empty response, which is valid for a UserEvent.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { currentState, respondWith } from '../dialogue/current';
import { log, requestFields } from '../logging';
import { isRequestType, userEventArgument } from '../requests';
import { nextTurn, previousTurn } from '../dialogue/acts';
import { repeatTurn } from '../dialogue/acts';

export const ScreenTouchHandler: RequestHandler = {
  canHandle: isRequestType('Alexa.Presentation.APL.UserEvent'),
  handle: (input) => {
    const action = userEventArgument(input);
    if (action === 'next') return respondWith(input, nextTurn(currentState(input)));
    if (action === 'previous') return respondWith(input, previousTurn(currentState(input)));
    if (action === 'repeat') return respondWith(input, repeatTurn(currentState(input)));
    log('ignored', requestFields(input));
    return input.responseBuilder.getResponse();
  },
};
