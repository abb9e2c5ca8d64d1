/**
 * Urgent help and signposting routed by Alexa itself: the intents content/<locale>/safety.yaml defines
 * (EmergencyIntent, CrisisIntent, …). They carry no words; the intent is the whole message.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { content } from '../content';
import { currentState, respondWith } from '../dialogue/current';
import { safetyTurn } from '../dialogue/safety-turn';
import { intentName } from '../requests';

const answerFor = (name: string | undefined) => (name !== undefined && Object.hasOwn(content.safetyIntents, name) ? content.safetyIntents[name] : undefined);

export const SafetyIntentHandler: RequestHandler = {
  canHandle: (input) => answerFor(intentName(input)) !== undefined,
  handle: (input) => respondWith(input, safetyTurn(answerFor(intentName(input))!, currentState(input))),
};
