/** The dialogue state of this request, and the response for a turn: the two ends of every handler. */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { forget } from '../memory';
import { hasSession } from '../requests';
import { forgetTurn } from './memory';
import { respond } from '../speech/reply';
import { readState, type DialogueState } from './state';
import type { Turn } from './topic-turn';

/** The dialogue state for this request. The last safety answer only matters to a nation said next. */
export function currentState(input: HandlerInput): DialogueState {
  const { safetyAnswer, ...state } = currentStateAfterSafety(input);
  return state;
}

/**
 * The state carried in the session, including the safety answer just given, so "Wales" after it gets
 * the helpline in Wales. A request outside any session starts from nothing.
 */
export function currentStateAfterSafety(input: HandlerInput): DialogueState {
  return hasSession(input) ? readState(input.attributesManager.getSessionAttributes()) : {};
}

export function respondWith(input: HandlerInput, turn: Turn): Response | Promise<Response> {
  // A yes to "Shall I forget …?", however it was said (YesIntent, or "aye go on" in a slot): delete, then say whether it worked.
  if (turn.effect === 'forget') return forget(input).then((deleted) => respondWith(input, forgetTurn(turn.state, deleted)));
  // Any turn that understood the listener ends a run of misunderstandings.
  return respond(input, turn.miss ? turn.state : { ...turn.state, fallbacks: undefined }, turn.reply);
}
