/**
 * Requests that are not a turn of the conversation. Alexa can send a custom skill more than launches,
 * intents and session ends: System.ExceptionEncountered after a response it refused, AudioPlayer.* and
 * PlaybackController.* events, Messaging.MessageReceived, AlexaSkillEvent.* and others, most of them
 * outside any session. Alexa allows no speech in reply to these, so they get an empty response; the
 * two that expect an answer get one.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { currentState, respondWith } from '../dialogue/current';
import { resumedTurn } from '../dialogue/asides';
import { knownField, log, requestFields } from '../logging';
import { isRequestType } from '../requests';
import { ALEXA_ERROR_TYPES } from './session';

/** The session resumes after a task handed elsewhere: ask what the listener would like next. */
export const SessionResumedHandler: RequestHandler = {
  canHandle: isRequestType('SessionResumedRequest'),
  handle: (input) => respondWith(input, resumedTurn(currentState(input))),
};

/**
 * Name-free interaction: the manifest doesn't offer it, so Alexa shouldn't ask; if it does, the skill
 * says it can't fulfil the request rather than claim a question it hasn't heard.
 */
export const CanFulfillIntentHandler: RequestHandler = {
  canHandle: isRequestType('CanFulfillIntentRequest'),
  handle: (input) => input.responseBuilder.withCanFulfillIntent({ canFulfill: 'NO' }).getResponse(),
};

/** Alexa could not use the last response. It allows no response to this at all but an empty one. */
export const ExceptionEncounteredHandler: RequestHandler = {
  canHandle: isRequestType('System.ExceptionEncountered'),
  handle: (input) => {
    log('exception-encountered', { ...requestFields(input), errorType: knownField(input, ['error', 'type'], ALEXA_ERROR_TYPES) });
    return input.responseBuilder.getResponse();
  },
};

/** Every other request type, known to Alexa or not: an empty response, which is valid for all of them. */
export const OtherRequestHandler: RequestHandler = {
  canHandle: () => true,
  handle: (input) => {
    log('ignored', requestFields(input));
    return input.responseBuilder.getResponse();
  },
};
