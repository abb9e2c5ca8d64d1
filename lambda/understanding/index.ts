/**
 * The one place words are understood. Every request that carries words (a free question, a topic or
 * place name the model didn't know, whatever a catch-all sends) comes here, and the steps run in order:
 *   1. urgent triage: emergencies, crises, abuse, low mood, symptoms (triage.ts)
 *   2. the guidance: the topic the words are about, or an honest "I'm not sure" with three choices
 * Handlers only route requests here; they never look at the words themselves.
 */
import { content, fill } from '../content';
import type { DialogueState } from '../dialogue/state';
import { safetyTurn } from '../dialogue/safety-turn';
import { topicTurn, type Turn } from '../dialogue/topic-turn';
import { searchTopics } from '../search/retrieve';
import { triage } from './triage';

const { prompts } = content;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** What to say to some words the listener said. */
export function understandWords(words: string, state: DialogueState): Turn {
  const urgent = triage(words);
  if (urgent) return safetyTurn(urgent.answer, state);
  return answerQuestion(words, state);
}

/** Answers a free question from the best-matching topic, or offers three topics rather than guess. */
function answerQuestion(question: string, state: DialogueState): Turn {
  const { best, ranked } = searchTopics(question);
  if (best) return topicTurn(best, 0, state);
  const fallbackChoices = ['reasons', 'how-to-get', 'questions-to-ask'];
  const choices = [...ranked.map((r) => r.topic.id), ...fallbackChoices].filter((id, i, all) => all.indexOf(id) === i).slice(0, 3);
  const titles = choices.map((id) => lowerFirst(content.topics.find((t) => t.id === id)!.title));
  const spoken = `${titles.slice(0, -1).join(', ')}, or ${titles[titles.length - 1]}`;
  return {
    reply: {
      blocks: [],
      prompt: fill(prompts.search.unsure, { choices: spoken, urgentLine: prompts.urgentLine }),
      reprompt: fill(prompts.search.unsureReprompt, { first: titles[0] }),
    },
    state: { ...state, offer: undefined, awaitingNation: undefined },
  };
}
