/**
 * Small readers for the parts of an Alexa request the handlers look at. Alexa sends well-formed requests,
 * but anyone who can reach the endpoint can send anything, so every reader here tolerates a missing or
 * wrong-typed field, and caps what it hands on: the cost of a turn must not grow with the request.
 */
import type { HandlerInput } from 'ask-sdk-core';

/**
 * The longest slot text the skill reads. A spoken request is a sentence or two, far below this; what is
 * longer is cut here, before search and urgent-word matching, whose work grows with the text.
 */
export const MAX_SPOKEN_CHARS = 500;
/** Slots and entity-resolution authorities read per request: the model declares one or two of each. */
const MAX_SLOTS = 8;
const MAX_AUTHORITIES = 4;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const field = (value: unknown, key: string): unknown => (isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined);
const request = (input: HandlerInput): unknown => input.requestEnvelope.request;

// Read here rather than with ask-sdk-core's getRequestType: every module that imports a value from the SDK
// gets its own ES-module copy of the SDK's exports when the Lambda starts, and cold starts count.
export function requestType(input: HandlerInput): string {
  const type = field(request(input), 'type');
  return typeof type === 'string' ? type : '';
}

/** The request types and intents some handler routes on: what the logs may name (logging.ts). */
export const routedRequestTypes = new Set<string>();
export const routedIntents = new Set<string>();

export const isRequestType = (type: string) => {
  routedRequestTypes.add(type);
  return (input: HandlerInput): boolean => requestType(input) === type;
};

export function intentName(input: HandlerInput): string | undefined {
  if (requestType(input) !== 'IntentRequest') return undefined;
  const name = field(field(request(input), 'intent'), 'name');
  return typeof name === 'string' ? name : undefined;
}

export const isIntent = (...names: string[]) => {
  names.forEach((name) => routedIntents.add(name));
  return (input: HandlerInput): boolean => {
    const name = intentName(input);
    return name !== undefined && names.includes(name);
  };
};

/** Whether the request belongs to a session. Alexa leaves `session` out of events such as AudioPlayer.*. */
export const hasSession = (input: HandlerInput): boolean => Boolean(input.requestEnvelope.session);

/**
 * Request types whose response may speak. Alexa refuses speech in the response to any other request
 * (SessionEndedRequest, System.ExceptionEncountered, AudioPlayer.*, PlaybackController.*, skill events …).
 */
const SPOKEN_REQUEST_TYPES = new Set(['LaunchRequest', 'IntentRequest', 'SessionResumedRequest', 'Alexa.Presentation.APL.UserEvent']);
export const speechAllowed = (input: HandlerInput): boolean => SPOKEN_REQUEST_TYPES.has(requestType(input));

export type SlotReading =
  | { status: 'empty' }
  /** Entity resolution found a value with this id. */
  | { status: 'match'; id: string; spoken: string }
  /** The listener said something the slot type doesn't know (ER_SUCCESS_NO_MATCH), e.g. "France". */
  | { status: 'no-match'; spoken: string };

/** The slots object of an intent request, or undefined. */
function slots(input: HandlerInput): Record<string, unknown> | undefined {
  const value = field(field(request(input), 'intent'), 'slots');
  return isRecord(value) ? value : undefined;
}

const spokenText = (slot: unknown): string => {
  const value = field(slot, 'value');
  return typeof value === 'string' ? value.slice(0, MAX_SPOKEN_CHARS).trim() : '';
};

export function readSlot(input: HandlerInput, name: string): SlotReading {
  const slot = field(slots(input), name);
  const spoken = spokenText(slot);
  if (!spoken) return { status: 'empty' };
  const authorities = field(field(slot, 'resolutions'), 'resolutionsPerAuthority');
  for (const authority of Array.isArray(authorities) ? authorities.slice(0, MAX_AUTHORITIES) : []) {
    if (field(field(authority, 'status'), 'code') !== 'ER_SUCCESS_MATCH') continue;
    const values = field(authority, 'values');
    const id = Array.isArray(values) ? field(field(values[0], 'value'), 'id') : undefined;
    if (typeof id === 'string' && id) return { status: 'match', id, spoken };
  }
  return { status: 'no-match', spoken };
}

/** Everything the listener said that reached us as slot text (free text may be health information: never log it). */
export function spokenSlotTexts(input: HandlerInput): string[] {
  return Object.values(slots(input) ?? {})
    .slice(0, MAX_SLOTS)
    .map(spokenText)
    .filter((text) => text.length > 0);
}

/** "2023.3" → [2023, 3]; anything else → undefined. */
function versionParts(version: unknown): [number, number] | undefined {
  if (typeof version !== 'string' || version.length > 20) return undefined;
  const match = /^(\d+)\.(\d+)$/.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/**
 * Whether the device shows APL documents of this version: it lists Alexa.Presentation.APL among its
 * supported interfaces (a screen), and its runtime, where it says, is at least that version. Alexa
 * rejects a RenderDocument directive sent to any other device.
 */
export function supportsApl(input: HandlerInput, version: string): boolean {
  const apl = field(field(field(field(input.requestEnvelope.context, 'System'), 'device'), 'supportedInterfaces'), 'Alexa.Presentation.APL');
  if (!isRecord(apl)) return false;
  const max = versionParts(field(field(apl, 'runtime'), 'maxVersion'));
  const wanted = versionParts(version);
  if (!max || !wanted) return true;
  return max[0] > wanted[0] || (max[0] === wanted[0] && max[1] >= wanted[1]);
}

/** The first argument of an APL UserEvent (what a button sent), if it is a short string. */
export function userEventArgument(input: HandlerInput): string | undefined {
  const args = field(request(input), 'arguments');
  const first: unknown = Array.isArray(args) ? args[0] : undefined;
  return typeof first === 'string' && first.length <= 40 ? first : undefined;
}
