/**
 * Structured, privacy-safe logging. Free text can be health information, so only request types, intent
 * names, the request id and outcomes are ever logged: never slot values, never speech. Every value that
 * comes from the request is checked against what Alexa sends (a known name, a request id's shape) and
 * logged as "other" when it is anything else, so a forged field can neither leak into a log line nor
 * make one long.
 */
import type { HandlerInput, RequestInterceptor } from 'ask-sdk-core';
import { content } from './content';
import { intentName, requestType, routedIntents, routedRequestTypes } from './requests';

type Fields = Record<string, string | number | boolean | undefined>;

/**
 * One JSON object per line on stdout, which Lambda sends to CloudWatch and Logs Insights parses as is.
 * Written directly rather than through console.log: Node builds its console on first use, and that cost
 * (about 1 ms, measured by npm run bench) would land on every cold start's first response.
 */
export function log(event: string, fields: Fields = {}): void {
  if (process.env.SKILL_LOG === 'off') return;
  process.stdout.write(`${JSON.stringify({ event, ...fields })}\n`);
}

const OTHER = 'other';
const REQUEST_ID = /^amzn1\.echo-api\.request\.[A-Za-z0-9-]{1,80}$/;
const LOCALE = /^[a-z]{2}-[A-Z]{2}$/;
/** Alexa's interface events: AudioPlayer.PlaybackStarted, Alexa.Presentation.APL.UserEvent, … */
const INTERFACE_EVENT = /^[A-Z][A-Za-z]{1,40}(\.[A-Z][A-Za-z]{1,40}){1,3}$/;

/** Only a value Alexa could have sent, else "other"; undefined when the field is absent. */
function checked(value: unknown, known: (value: string) => boolean): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' && value.length <= 100 && known(value) ? value : OTHER;
}

const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined);

/** What every line about a request carries: its id (to find it in CloudWatch), type and intent. */
export function requestFields(input: HandlerInput): Fields {
  const request: unknown = input.requestEnvelope.request;
  const type = requestType(input);
  return {
    requestId: checked(field(request, 'requestId'), (id) => REQUEST_ID.test(id)),
    type: checked(type, (t) => routedRequestTypes.has(t) || INTERFACE_EVENT.test(t)),
    intent: checked(
      intentName(input),
      // Feeling intents, like the safety ones, say something about the listener's state: logged as "other".
      (name) => routedIntents.has(name) || Object.hasOwn(content.intentTopics, name) || Object.hasOwn(content.passageIntents, name),
    ),
  };
}

/** A field of the request checked against a fixed list (a session-end reason, an error type). */
export function knownField(input: HandlerInput, path: string[], known: readonly string[]): string | undefined {
  const value = path.reduce<unknown>((at, key) => field(at, key), input.requestEnvelope.request);
  return checked(value, (v) => known.includes(v));
}

const ERROR_NAME = /^[A-Za-z][\w. ]{0,79}$/;
const ERROR_CODE = /^[A-Za-z0-9_.-]{1,40}$/;
/** "index.js:1:23456", the minified position: build/lambda/index.js.map maps it back to the source. */
const FRAME = /([^\s/\\()]+:\d+:\d+)\)?$/;

/**
 * An error as it can be logged: its name and code, and where it was thrown. Never its message, which
 * can quote the data that caused it (a JSON.parse error quotes the text it could not parse).
 */
export function errorFields(error: unknown): Fields {
  // Inherited properties count here: an Error's name lives on its prototype. (What was thrown may be a
  // plain string: ssml-builder throws them.)
  const property = (key: string): unknown => (typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined);
  const stack = property('stack');
  const frame = typeof stack === 'string' ? stack.split('\n').find((line) => line.trimStart().startsWith('at ')) : undefined;
  return {
    error: checked(property('name'), (name) => ERROR_NAME.test(name)) ?? typeof error,
    code: checked(property('code'), (code) => ERROR_CODE.test(code)),
    at: frame ? FRAME.exec(frame.trim())?.[1] : undefined,
  };
}

export const RequestLogger: RequestInterceptor = {
  process(input) {
    const locale = checked(field(input.requestEnvelope.request, 'locale'), (l) => LOCALE.test(l));
    log('request', { ...requestFields(input), locale, newSession: field(input.requestEnvelope.session, 'new') === true || undefined });
  },
};
