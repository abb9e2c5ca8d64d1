/**
 * Structured, privacy-safe logging. Free text can be health information, so only request types, intent
 * names and outcomes are ever logged: never slot values, never speech.
 */
import type { RequestInterceptor } from 'ask-sdk-core';
import { intentName, requestType } from './requests';

export function log(event: string, fields: Record<string, string | number | boolean | undefined> = {}): void {
  if (process.env.SKILL_LOG === 'off') return;
  console.log(JSON.stringify({ event, ...fields }));
}

export const RequestLogger: RequestInterceptor = {
  process(input) {
    log('request', { type: requestType(input), intent: intentName(input), locale: input.requestEnvelope.request.locale, newSession: input.requestEnvelope.session?.new });
  },
};
