/**
 * Structured, privacy-safe logging. Free text can be health information, so only request types, intent
 * names and outcomes are ever logged: never slot values, never speech.
 */
import type { RequestInterceptor } from 'ask-sdk-core';
import { getRequestType } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';

export function log(event: string, fields: Record<string, string | number | boolean | undefined> = {}): void {
  if (process.env.SKILL_LOG === 'off') return;
  console.log(JSON.stringify({ event, ...fields }));
}

export const RequestLogger: RequestInterceptor = {
  process(input) {
    const type = getRequestType(input.requestEnvelope);
    const intent = type === 'IntentRequest' ? (input.requestEnvelope.request as IntentRequest).intent?.name : undefined;
    log('request', { type, intent, locale: input.requestEnvelope.request.locale, newSession: input.requestEnvelope.session?.new });
  },
};
