import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { respond } from '../speech/reply';
import { readState, type DialogueState } from './state';
import type { Turn } from './topic-turn';

/** The dialogue state for this request. The last safety answer only matters to a nation said next. */
export function currentState(input: HandlerInput): DialogueState {
  const { safetyAnswer, ...state } = currentStateAfterSafety(input);
  return state;
}

/** The state including the safety answer just given, so "Wales" after it gets the helpline in Wales. */
export function currentStateAfterSafety(input: HandlerInput): DialogueState {
  return readState(input.attributesManager.getSessionAttributes());
}

export function respondWith(input: HandlerInput, turn: Turn): Response {
  return respond(input, turn.state, turn.reply);
}
