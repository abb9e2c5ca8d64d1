/** Opening, closing and failing: launch, stop/cancel/home, session end, and the error handler. */
import type { ErrorHandler, RequestHandler } from 'ask-sdk-core';
import type { SessionEndedRequest } from 'ask-sdk-model';
import { content } from '../content';
import { currentState, respondWith } from '../dialogue/current';
import type { DialogueState } from '../dialogue/state';
import type { Turn } from '../dialogue/topic-turn';
import { log } from '../logging';
import { isIntent, isRequestType } from '../requests';
import { respond, text } from '../speech/reply';

const { prompts, framing } = content;

/** The welcome: what the skill does, the disclaimer, three things to try, and an open question. */
export function welcomeTurn(state: DialogueState, lead: string[] = []): Turn {
  const examples = `${prompts.examplesIntro} ${prompts.examples.map((e) => e.charAt(0).toUpperCase() + e.slice(1)).join(' ')}`;
  const blocks = [...lead, prompts.welcome, ...(state.disclaimerGiven ? [] : [framing.disclaimer]), examples].map(text);
  return {
    reply: { blocks, prompt: prompts.whatNext, reprompt: prompts.generalReprompt },
    state: { nationId: state.nationId, disclaimerGiven: true },
  };
}

export const LaunchHandler: RequestHandler = {
  canHandle: isRequestType('LaunchRequest'),
  handle: (input) => respondWith(input, welcomeTurn(currentState(input))),
};

export const GoodbyeHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
  handle: (input) => respond(input, currentState(input), { blocks: [text(prompts.goodbye)], endSession: true }),
};

export const SessionEndedHandler: RequestHandler = {
  canHandle: isRequestType('SessionEndedRequest'),
  handle: (input) => {
    const request = input.requestEnvelope.request as SessionEndedRequest;
    // The reason and error type only: never anything the listener said.
    log('session-ended', { reason: request.reason, error: request.error?.type });
    return input.responseBuilder.getResponse();
  },
};

export const ApologyErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle: (input, error) => {
    log('error', { name: error.name, message: error.message });
    return respond(input, currentState(input), { blocks: [text(prompts.error)], prompt: prompts.errorReprompt, reprompt: prompts.errorReprompt });
  },
};
