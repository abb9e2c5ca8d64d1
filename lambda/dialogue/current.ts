/** The dialogue state of this request, and the response for a turn: the two ends of every handler. */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { hasSession } from '../requests';
import { respond } from '../speech/reply';
import { readState, type DialogueState } from './state';
import type { Turn } from './topic-turn';

/** The state carried in the session; a request outside any session starts from nothing. */
export function currentState(input: HandlerInput): DialogueState {
  return hasSession(input) ? readState(input.attributesManager.getSessionAttributes()) : {};
}

export function respondWith(input: HandlerInput, turn: Turn): Response {
  return respond(input, turn.state, turn.reply);
}
