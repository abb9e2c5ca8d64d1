/** Which UK nation the listener lives in: answered on its own ("Wales") or heard outside the UK ("France"). */
import type { RequestHandler } from 'ask-sdk-core';
import { content, fill, findNation, findTopic, nationTopic, otherServicePassage } from '../content';
import { currentState, currentStateAfterSafety, respondWith } from '../dialogue/current';
import { findSafetyAnswer, safetyTurn, variesByNation } from '../dialogue/safety-turn';
import type { DialogueState } from '../dialogue/state';
import { topicTurn, type Turn } from '../dialogue/topic-turn';
import { isIntent, readSlot } from '../requests';
import { nationTurn, passageByRef, understandWords } from '../understanding';
import { text } from '../speech/reply';

const { prompts } = content;

/** The services are UK ones: say so, name all four, and ask again. */
export function notInUkTurn(state: DialogueState): Turn {
  const services = content.nations.map((n) => `${n.service.name} in ${n.name}`);
  const spokenList = `${services.slice(0, -1).join(', ')}, and ${services[services.length - 1]}`;
  return {
    reply: {
      blocks: [text(fill(prompts.nation.notInUk, { services: spokenList }))],
      prompt: prompts.nation.question,
      reprompt: prompts.nation.reprompt,
      // It names the four services: guidance, so a session's first one carries the disclaimer.
      guidance: true,
    },
    state: { ...state, offer: undefined, awaitingNation: true },
  };
}

/** Longer than a place or service name ("the Isle of Man" is four words). */
const PLACE_NAME_WORDS = 4;

/** A service asked about by name: a nation's patient advice service, or one answered by a passage (Citizens Advice). */
export const ServiceHandler: RequestHandler = {
  canHandle: isIntent('ServiceIntent'),
  handle: (input) => {
    const state = currentState(input);
    const nation = readSlot(input, 'nation');
    if (nation.status === 'match' && findNation(nation.id)) return respondWith(input, nationTurn(nation.id, state));
    const service = readSlot(input, 'service');
    if (service.status === 'match' && findNation(service.id)) return respondWith(input, nationTurn(service.id, state, 'service'));
    const other = service.status === 'match' ? otherServicePassage(service.id) : undefined;
    if (other) return respondWith(input, passageByRef(other, state));
    // A name the type doesn't know: the words are understood like any others (they were triaged first).
    if (service.status === 'no-match') return respondWith(input, understandWords(service.spoken, state));
    return respondWith(input, topicTurn(nationTopic(), 0, state));
  },
};

export const NationHandler: RequestHandler = {
  canHandle: isIntent('NationIntent'),
  handle: (input) => {
    const { safetyAnswer, ...state } = currentStateAfterSafety(input);
    const slot = readSlot(input, 'nation');
    // An id the content doesn't know (only a forged request has one) is treated like a place outside the UK.
    const nation = slot.status === 'match' ? findNation(slot.id) : undefined;
    // A few words the type doesn't know are a place outside the UK ("France"); a sentence caught by a
    // carrier ("it's {nation}") is words to understand like any other.
    if (slot.status === 'no-match' && slot.spoken.split(/\s+/).length > PLACE_NAME_WORDS) return respondWith(input, understandWords(slot.spoken, state));
    if (!nation) return respondWith(input, notInUkTurn(state));
    // Straight after a helpline that differs by nation, the nation asks for that helpline.
    const safety = findSafetyAnswer(safetyAnswer);
    if (safety && variesByNation(safety)) return respondWith(input, safetyTurn(safetyAnswer!, { ...state, nationId: nation.id }));
    // The answer to "Which part of the UK?" continues the topic that asked; said out of the blue, it
    // most likely means "who can help where I live".
    const asking = state.awaitingNation ? findTopic(state.topicId) : undefined;
    const topic = asking?.needsNation ? asking : nationTopic();
    return respondWith(input, topicTurn(topic, 0, { ...state, nationId: nation.id }));
  },
};
