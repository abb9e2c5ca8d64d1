/** Small readers for the parts of an Alexa request the handlers look at. */
import type { HandlerInput } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';

// Read here rather than with ask-sdk-core's getRequestType: every module that imports a value from the SDK
// gets its own ES-module copy of the SDK's exports when the Lambda starts, and cold starts count.
export const requestType = (input: HandlerInput): string => input.requestEnvelope.request.type;

export const isRequestType =
  (type: string) =>
  (input: HandlerInput): boolean =>
    requestType(input) === type;

export function intentName(input: HandlerInput): string | undefined {
  return requestType(input) === 'IntentRequest' ? (input.requestEnvelope.request as IntentRequest).intent?.name : undefined;
}

export const isIntent =
  (...names: string[]) =>
  (input: HandlerInput): boolean => {
    const name = intentName(input);
    return name !== undefined && names.includes(name);
  };

export type SlotReading =
  | { status: 'empty' }
  /** Entity resolution found a value with this id. */
  | { status: 'match'; id: string; spoken: string }
  /** The listener said something the slot type doesn't know (ER_SUCCESS_NO_MATCH), e.g. "France". */
  | { status: 'no-match'; spoken: string };

export function readSlot(input: HandlerInput, name: string): SlotReading {
  const slot = (input.requestEnvelope.request as IntentRequest).intent?.slots?.[name];
  const spoken = typeof slot?.value === 'string' ? slot.value.trim() : '';
  if (!slot || !spoken) return { status: 'empty' };
  const authorities = slot.resolutions?.resolutionsPerAuthority ?? [];
  for (const authority of authorities) {
    const id = authority?.status?.code === 'ER_SUCCESS_MATCH' ? authority.values?.[0]?.value?.id : undefined;
    if (typeof id === 'string' && id) return { status: 'match', id, spoken };
  }
  return { status: 'no-match', spoken };
}

/** Everything the listener said that reached us as slot text (free text may be health information: never log it). */
export function spokenSlotTexts(input: HandlerInput): string[] {
  const slots = (input.requestEnvelope.request as IntentRequest).intent?.slots ?? {};
  return Object.values(slots)
    .map((slot) => slot?.value)
    .filter((value): value is string => typeof value === 'string' && value.trim().length > 0);
}
