/**
 * Urgent help and signposting (content/<locale>/safety.yaml): the action first, the helpline for the
 * listener's nation where it is known, a card with every number, and the session kept open gently.
 */
import { content } from '../content';
import type { RuntimeSafetyAnswer } from '../content/schema';
import { text } from '../speech/reply';
import type { DialogueState } from './state';
import type { Turn } from './topic-turn';

const { prompts } = content;

export function findSafetyAnswer(id: string | undefined): RuntimeSafetyAnswer | undefined {
  return id !== undefined && Object.hasOwn(content.safety, id) ? content.safety[id] : undefined;
}

/** The answer's lines as spoken for this nation (or for no nation). */
export function safetyLines(answer: RuntimeSafetyAnswer, nationId: string | undefined): string[] {
  return answer.lines.map((line) => {
    if (typeof line === 'string') return line;
    const byNation = line.nation as Record<string, string>;
    return (nationId !== undefined && Object.hasOwn(byNation, nationId) ? byNation[nationId] : undefined) ?? byNation.default;
  });
}

/** Whether the answer says something different once the nation is known (so "Wales" can follow it). */
export const variesByNation = (answer: RuntimeSafetyAnswer): boolean => answer.lines.some((line) => typeof line !== 'string');

export function safetyTurn(answerId: string, state: DialogueState): Turn {
  const answer = findSafetyAnswer(answerId)!;
  const lines = safetyLines(answer, state.nationId);
  return {
    reply: {
      blocks: lines.map(text),
      prompt: answer.prompt ?? prompts.urgent.carryOn,
      reprompt: answer.reprompt ?? prompts.urgent.reprompt,
      card: { title: answer.title, text: [...lines, ...(answer.card ?? [])].join('\n') },
    },
    state: { ...state, offer: undefined, awaitingNation: undefined, safetyAnswer: answerId },
  };
}
