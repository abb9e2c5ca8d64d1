/** Places and services by slot: the understanding layer decides what they mean (understanding/places.ts). */
import type { RequestHandler } from 'ask-sdk-core';
import { currentState, currentStateAfterSafety, respondWith } from '../dialogue/current';
import { isIntent, readSlot } from '../requests';
import { nationSaid, serviceSaid } from '../understanding/places';

export const ServiceHandler: RequestHandler = {
  canHandle: isIntent('ServiceIntent'),
  handle: (input) => respondWith(input, serviceSaid(readSlot(input, 'service'), readSlot(input, 'nation'), currentState(input))),
};

export const ServiceDoesHandler: RequestHandler = {
  canHandle: isIntent('ServiceDoesIntent'),
  // The intent has no nation slot: a forged one is not read.
  handle: (input) => respondWith(input, serviceSaid(readSlot(input, 'service'), { status: 'empty' }, currentState(input), 'does')),
};

export const NationHandler: RequestHandler = {
  canHandle: isIntent('NationIntent'),
  handle: (input) => {
    // The safety answer just given, so "Wales" after it gets the helpline in Wales.
    const { safetyAnswer, ...state } = currentStateAfterSafety(input);
    return respondWith(input, nationSaid(readSlot(input, 'nation'), state, safetyAnswer));
  },
};
