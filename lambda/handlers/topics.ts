/**
 * Topic answers. Any intent that content binds to a topic (topics/*.yaml `intent.name`) is answered here,
 * so a new topic needs content and samples, not code. TopicIntent reaches any topic by name.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { content, findNation, findTopic, passageForIntent, topicForIntent } from '../content';
import { passageTurn } from '../dialogue/passage-turn';
import { currentState, respondWith } from '../dialogue/current';
import { topicTurn } from '../dialogue/topic-turn';
import { intentName, isIntent, readSlot } from '../requests';
import { helpTurn } from '../dialogue/acts';
import { topicWithUnknownPlace } from '../understanding/places';
import { feelingSaid, understandWords } from '../understanding';

export const TopicIntentHandler: RequestHandler = {
  canHandle: (input) => topicForIntent(intentName(input) ?? '') !== undefined,
  handle: (input) => {
    const topic = topicForIntent(intentName(input)!)!;
    let state = currentState(input);
    const nation = readSlot(input, 'nation');
    if (nation.status === 'no-match') return respondWith(input, topicWithUnknownPlace(topic, nation.spoken, state));
    if (nation.status === 'match' && findNation(nation.id)) state = { ...state, nationId: nation.id };
    return respondWith(input, topicTurn(topic, 0, state));
  },
};

/** Intents generated from a passage's questions (topics/*.yaml passages): that passage, then an offer of its topic. */
export const PassageIntentHandler: RequestHandler = {
  canHandle: (input) => passageForIntent(intentName(input) ?? '') !== undefined,
  handle: (input) => {
    const { topic, key } = passageForIntent(intentName(input)!)!;
    return respondWith(input, passageTurn(topic, key, currentState(input)));
  },
};

/**
 * Intents generated from a feeling's samples (understanding.yaml feelings), with what the feeling is about
 * when said with it ("i'm nervous about | asking my consultant"). Urgent words in that were answered first,
 * by the words-triage handler.
 */
export const FeelingIntentHandler: RequestHandler = {
  canHandle: (input) => Object.hasOwn(content.understanding.feelingIntents, intentName(input) ?? ''),
  handle: (input) => respondWith(input, feelingSaid(content.understanding.feelingIntents[intentName(input)!], readSlot(input, 'rest'), currentState(input))),
};

export const TopicByNameHandler: RequestHandler = {
  canHandle: isIntent('TopicIntent'),
  handle: (input) => {
    const state = currentState(input);
    const slot = readSlot(input, 'topic');
    if (slot.status === 'match' && findTopic(slot.id)) return respondWith(input, topicTurn(findTopic(slot.id)!, 0, state));
    // A name the slot doesn't know is still worth searching for.
    if (slot.status === 'no-match') return respondWith(input, understandWords(slot.spoken, state));
    return respondWith(input, helpTurn(state));
  },
};
