/**
 * Urgent help and signposting (content/<locale>/safety.yaml): the action first, the helpline for the
 * listener's nation where it is known, a card with every number, and the session kept open gently.
 */
import { content } from '../content';
import { text } from '../speech/reply';
import { findSafetyAnswer, safetyLines } from './safety-answers';
import type { DialogueState } from './state';
import type { Turn } from './topic-turn';

export { findSafetyAnswer, safetyLines, variesByNation } from './safety-answers';

const { prompts } = content;

export function safetyTurn(answerId: string, state: DialogueState): Turn {
  const answer = findSafetyAnswer(answerId)!;
  const lines = safetyLines(answer, state.nationId);
  return {
    reply: {
      blocks: lines.map(text),
      prompt: answer.prompt ?? prompts.urgent.carryOn,
      reprompt: answer.reprompt ?? prompts.urgent.reprompt,
      title: answer.title,
      // The card carries every nation's numbers, for a carer to read and keep.
      card: { kind: 'safety', answerId },
    },
    state: { ...state, offer: undefined, awaitingNation: undefined, safetyAnswer: answerId },
  };
}
