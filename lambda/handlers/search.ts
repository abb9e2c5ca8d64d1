/**
 * Requests that carry words. Words in any slot are triaged first, before any other handler sees the
 * request, so "my chest hurts" heard inside a topic or place name still gets 999. Free questions
 * (QueryIntent's AMAZON.SearchQuery) go to the understanding layer. Words are never logged.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { currentState, respondWith } from '../dialogue/current';
import { isIntent, readSlot, requestType, spokenSlotTexts } from '../requests';
import { understandWords, urgentIn, urgentTurn } from '../understanding';
import { helpTurn } from '../dialogue/acts';

export const WordsTriageHandler: RequestHandler = {
  canHandle: (input) => requestType(input) === 'IntentRequest' && urgentIn(spokenSlotTexts(input)) !== undefined,
  handle: (input) => {
    // A nation the model resolved beside the urgent words ("who can help in {nation}") fits the answer to it.
    const nation = readSlot(input, 'nation');
    return respondWith(input, urgentTurn(spokenSlotTexts(input), currentState(input), nation.status === 'match' ? nation.id : undefined)!);
  },
};

export const QueryHandler: RequestHandler = {
  canHandle: isIntent('QueryIntent'),
  handle: (input) => {
    const state = currentState(input);
    const query = readSlot(input, 'query');
    if (query.status === 'empty') return respondWith(input, helpTurn(state));
    return respondWith(input, understandWords(query.spoken, state));
  },
};
