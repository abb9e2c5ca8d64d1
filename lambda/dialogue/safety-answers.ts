/**
 * The urgent answers of content/<locale>/safety.yaml as they are said: the lines for the listener's
 * nation. Apart from safety-turn.ts so the card renderer can use them without importing the reply module
 * that imports it.
 */
import { content } from '../content';
import type { RuntimeSafetyAnswer } from '../content/schema';

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
