/**
 * What memory means for the conversation: what a new session takes from what was remembered, what a turn
 * leaves to remember, the welcome back that offers to carry on, and the reply to "forget me". Storage
 * itself is lambda/memory/; this decides, and never reads a request.
 */
import { content, fill, findNation, findTopic } from '../content';
import { text } from '../speech/reply';
import type { Remembered } from '../memory/record';
import { lowerFirst, topicPages } from './pages';
import type { DialogueState } from './state';
import { openQuestion, type Turn } from './topic-turn';

const { prompts } = content;

/** A place in the guidance is offered back for a week; after that, a fresh start is more useful. */
export const RESUME_WITHIN_DAYS = 7;

/** The page after `page`, if the topic has one: where carrying on would start. */
function nextPage(topicId: string, page: number, nationId: string | undefined): number | undefined {
  const topic = findTopic(topicId);
  if (!topic) return undefined;
  return page + 1 < topicPages(topic, findNation(nationId)).length ? page + 1 : undefined;
}

/**
 * The state a session starts from: the nation and speech rate remembered, and the place in the guidance
 * when it is recent and there is more to read, so a launch can offer to carry on and "next" reads on.
 * What the session already holds is kept (a new session normally holds nothing); a nation named in the
 * request itself is applied afterwards, by its handler, and replaces the remembered one.
 */
export function recall(state: DialogueState, remembered: Remembered, nowMs: number): DialogueState {
  const recalled: DialogueState = { ...state };
  recalled.nationId ??= remembered.nationId;
  recalled.speechRate ??= remembered.speechRate;
  const position = remembered.position;
  const recent = position?.at !== undefined && nowMs / 1000 - position.at <= RESUME_WITHIN_DAYS * 24 * 60 * 60;
  if (recent && recalled.topicId === undefined && nextPage(position.topicId, position.page, recalled.nationId) !== undefined) {
    recalled.topicId = position.topicId;
    recalled.page = position.page;
  }
  return recalled;
}

/** What a state leaves to remember: never what was said, only ids and a page number. */
export function rememberedOf(state: DialogueState): Remembered {
  const { nationId, speechRate, topicId, page } = state;
  return {
    ...(nationId ? { nationId } : {}),
    ...(speechRate ? { speechRate } : {}),
    ...(topicId !== undefined && page !== undefined ? { position: { topicId, page } } : {}),
  };
}

/** Whether two memories hold the same things (the position's time aside): if so, there is nothing to save. */
export function sameMemory(a: Remembered, b: Remembered): boolean {
  return a.nationId === b.nationId && a.speechRate === b.speechRate && a.position?.topicId === b.position?.topicId && a.position?.page === b.position?.page;
}

export const isEmptyMemory = (memory: Remembered): boolean => !memory.nationId && !memory.speechRate && !memory.position;

/**
 * "Welcome back. Last time we were going through the questions, at question 7 of 8. Would you like to
 * carry on?" when the session starts at a remembered place with more to read; else undefined. The state
 * keeps the page read last, so yes and next both read the one after it.
 */
export function welcomeBackTurn(state: DialogueState): Turn | undefined {
  const topic = findTopic(state.topicId);
  if (!topic || state.page === undefined) return undefined;
  const pages = topicPages(topic, findNation(state.nationId));
  const next = state.page + 1;
  if (next >= pages.length) return undefined;
  // Where the next page starts: the first list item on it, counting the items on the pages before it.
  const listOnNext = pages[next].some((block) => block.kind === 'list');
  const itemsBefore = pages.slice(0, next).reduce((sum, blocks) => sum + blocks.reduce((n, b) => n + (b.kind === 'list' ? b.items.length : 0), 0), 0);
  const where =
    topic.list && listOnNext
      ? fill(prompts.memory.resumeList, { list: topic.list.many, item: topic.list.one, from: itemsBefore + 1, total: topic.list.items.length })
      : fill(prompts.memory.resumeText, { topic: lowerFirst(topic.title) });
  return {
    reply: { blocks: [text(prompts.memory.welcomeBack), text(where)], prompt: prompts.memory.resumeOffer, reprompt: prompts.memory.resumeReprompt },
    state: { ...state, offer: { kind: 'resume' }, awaitingNation: undefined },
  };
}

/**
 * "Forget me" asks before deleting anything: the words of "I always forget what I wanted to ask" are close
 * enough to its samples to reach it, and a yes costs a deliberate listener one word.
 */
export function forgetOfferTurn(state: DialogueState): Turn {
  // Already forgotten in this session: nothing is remembered to ask about, so just make sure of it.
  if (state.forgotten) return confirmForgetTurn(state);
  return {
    reply: { blocks: [], prompt: prompts.memory.forgetOffer, reprompt: prompts.memory.forgetReprompt },
    state: { ...state, offer: { kind: 'forget' }, awaitingNation: undefined },
  };
}

/**
 * Yes to "Shall I forget …?": the deletion, as an effect; once it is done, forgetTurn (from this turn's
 * state) says whether it could. The reply here is never said.
 */
export function confirmForgetTurn(state: DialogueState): Turn {
  return { ...openQuestion(state, []), effect: 'forget' };
}

/**
 * After yes to "Shall I forget …?": what was stored is gone, or it could not be deleted and the listener is told so.
 * The rest of this session keeps its nation and rate (the listener is still talking) but saves nothing.
 */
export function forgetTurn(state: DialogueState, deleted: boolean): Turn {
  if (!deleted) return openQuestion(state, [text(prompts.memory.forgetFailed)]);
  return openQuestion({ ...state, forgotten: true }, [text(prompts.memory.forgotten)]);
}
