/** Stepping through a topic: next / more go forward a page, previous / go back step back. */
import type { RequestHandler } from 'ask-sdk-core';
import { nextTurn, previousTurn } from '../dialogue/acts';
import { currentState, respondWith } from '../dialogue/current';
import { listItemByPosition } from '../dialogue/passage-turn';
import { isIntent, readSlot } from '../requests';
import { understandWords } from '../understanding';

/** "What was the third one": that item of the list being read, or a plain word that no list is being read. */
export const ListItemHandler: RequestHandler = {
  canHandle: isIntent('ListItemIntent'),
  handle: (input) => {
    const state = currentState(input);
    const slot = readSlot(input, 'position');
    if (slot.status === 'no-match') return respondWith(input, understandWords(slot.spoken, state));
    return respondWith(input, listItemByPosition(state, slot.status === 'match' ? Number(slot.id) : undefined));
  },
};

export const NextHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.NextIntent', 'AMAZON.MoreIntent'),
  handle: (input) => respondWith(input, nextTurn(currentState(input))),
};

export const PreviousHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.PreviousIntent'),
  handle: (input) => respondWith(input, previousTurn(currentState(input))),
};
