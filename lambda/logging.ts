/**
 * Structured, privacy-safe logging. Free text can be health information, so only request types, intent
 * names and outcomes are ever logged: never slot values, never speech.
 */
import type { RequestInterceptor } from 'ask-sdk-core';
import { intentName, requestType } from './requests';

/**
 * One JSON object per line on stdout, which Lambda sends to CloudWatch and Logs Insights parses as is.
 * Written directly rather than through console.log: Node builds its console on first use, and that cost
 * (about 1 ms, measured by npm run bench) would land on every cold start's first response.
 */
export function log(event: string, fields: Record<string, string | number | boolean | undefined> = {}): void {
  if (process.env.SKILL_LOG === 'off') return;
  process.stdout.write(`${JSON.stringify({ event, ...fields })}\n`);
}

export const RequestLogger: RequestInterceptor = {
  process(input) {
    log('request', { type: requestType(input), intent: intentName(input), locale: input.requestEnvelope.request.locale, newSession: input.requestEnvelope.session?.new });
  },
};
