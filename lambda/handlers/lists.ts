/** Stepping through a topic: next / more go forward a page, previous / go back step back. */
import type { RequestHandler } from 'ask-sdk-core';
import { content, findNation, findTopic } from '../content';
import { currentState, respondWith } from '../dialogue/current';
import { topicPages } from '../dialogue/pages';
import type { DialogueState } from '../dialogue/state';
import { openQuestion, pastTheEnd, step, topicTurn, type Turn } from '../dialogue/topic-turn';
import { isIntent } from '../requests';
import { text } from '../speech/reply';

const { prompts } = content;

export function nextTurn(state: DialogueState): Turn {
  const topic = findTopic(state.topicId);
  if (!topic || state.page === undefined) return openQuestion(state, [text(prompts.continue.nothingMore)]);
  const pageCount = topicPages(topic, findNation(state.nationId)).length;
  if (state.page + 1 >= pageCount) return pastTheEnd(topic, state);
  return step(topicTurn(topic, state.page + 1, state));
}

export function previousTurn(state: DialogueState): Turn {
  const topic = findTopic(state.topicId);
  if (!topic || state.page === undefined) return openQuestion(state, [text(prompts.continue.nothingMore)]);
  if (state.page === 0) {
    const note = topic.list ? prompts.list.atStart.replace('{list}', topic.list.many) : prompts.continue.atStart;
    return step(topicTurn(topic, 0, state, [text(note)]));
  }
  return step(topicTurn(topic, state.page - 1, state));
}

export const NextHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.NextIntent', 'AMAZON.MoreIntent'),
  handle: (input) => respondWith(input, nextTurn(currentState(input))),
};

export const PreviousHandler: RequestHandler = {
  canHandle: isIntent('AMAZON.PreviousIntent'),
  handle: (input) => respondWith(input, previousTurn(currentState(input))),
};
