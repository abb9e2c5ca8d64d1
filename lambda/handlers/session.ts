/** Opening, closing and failing: launch, stop/cancel/home, session end, and the error handler. */
import type { ErrorHandler, RequestHandler } from 'ask-sdk-core';
import { content } from '../content';
import { goodbyeTurn, welcomeTurn } from '../dialogue/acts';
import { currentState, respondWith } from '../dialogue/current';
import { welcomeBackTurn } from '../dialogue/memory';
import { errorFields, knownField, log, requestFields } from '../logging';
import { isIntent, isRequestType, speechAllowed } from '../requests';
import { respond, text } from '../speech/reply';

const { prompts } = content;

/** The error types Alexa reports in SessionEndedRequest and System.ExceptionEncountered. */
export const ALEXA_ERROR_TYPES = ['INVALID_RESPONSE', 'DEVICE_COMMUNICATION_ERROR', 'INTERNAL_SERVICE_ERROR', 'ENDPOINT_TIMEOUT', 'INTERNAL_ERROR'] as const;

export const LaunchHandler: RequestHandler = {
  canHandle: isRequestType('LaunchRequest'),
  // A listener who stopped part way through, recently, is offered to carry on (lambda/dialogue/memory.ts).
  handle: (input) => {
    const state = currentState(input);
    return respondWith(input, welcomeBackTurn(state) ?? welcomeTurn(state));
  },
};

export const GoodbyeHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
  handle: (input) => respondWith(input, goodbyeTurn(currentState(input))),
};

export const SessionEndedHandler: RequestHandler = {
  canHandle: isRequestType('SessionEndedRequest'),
  handle: (input) => {
    // The reason and error type only, each one Alexa defines: never anything the listener said.
    log('session-ended', {
      ...requestFields(input),
      reason: knownField(input, ['reason'], ['USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS']),
      errorType: knownField(input, ['error', 'type'], ALEXA_ERROR_TYPES),
    });
    return input.responseBuilder.getResponse();
  },
};

/**
 * Whatever went wrong, the listener hears a short apology and the session stays open; where Alexa allows
 * no speech (a session end, an AudioPlayer event), the response is empty. The log names the error and
 * where it was thrown, never its message. If even the apology fails, the response is empty too: an error
 * that escapes would reach Alexa as a failed request.
 */
export const ApologyErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle: (input, error) => {
    log('error', { ...requestFields(input), ...errorFields(error) });
    if (!speechAllowed(input)) return input.responseBuilder.getResponse();
    try {
      return respond(input, currentState(input), { blocks: [text(prompts.error)], prompt: prompts.errorReprompt, reprompt: prompts.errorReprompt });
    } catch (again) {
      log('error', { ...requestFields(input), ...errorFields(again), during: 'apology' });
      return input.responseBuilder.getResponse();
    }
  },
};
