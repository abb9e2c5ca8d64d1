import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { respond } from '../speech/reply';
import { readState, type DialogueState } from './state';
import type { Turn } from './topic-turn';

export function currentState(input: HandlerInput): DialogueState {
  return readState(input.attributesManager.getSessionAttributes());
}

export function respondWith(input: HandlerInput, turn: Turn): Response {
  return respond(input, turn.state, turn.reply);
}
