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
import { feelingTurn, understandWords } from '../understanding';

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

/** Intents generated from a feeling's samples (understanding.yaml feelings): a kind word, then an offer. */
export const FeelingIntentHandler: RequestHandler = {
  canHandle: (input) => Object.hasOwn(content.understanding.feelingIntents, intentName(input) ?? ''),
  // What the feeling is about, when said with it ("i'm nervous about | asking my consultant"), is answered
  // after the kind word. (Urgent words in it were answered first, by the words-triage handler.)
  handle: (input) => {
    const rest = readSlot(input, 'rest');
    return respondWith(input, feelingTurn(content.understanding.feelingIntents[intentName(input)!], rest.status === 'empty' ? '' : rest.spoken, currentState(input)));
  },
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
