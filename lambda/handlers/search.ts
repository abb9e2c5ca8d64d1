/**
 * Free questions (QueryIntent's AMAZON.SearchQuery) and urgent help. Urgent words in any slot are
 * answered with 999 first, before any other handler sees the request. Query text is never logged.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { content, fill, findNation } from '../content';
import { currentState, respondWith } from '../dialogue/current';
import type { DialogueState } from '../dialogue/state';
import { topicTurn, type Turn } from '../dialogue/topic-turn';
import { isIntent, readSlot, requestType, spokenSlotTexts } from '../requests';
import { searchTopics } from '../search/retrieve';
import { detectUrgency, type Urgency } from '../search/urgent';
import { text } from '../speech/reply';
import { helpTurn } from './help-fallback';

const { prompts, framing } = content;

export function urgentTurn(urgency: Urgency, state: DialogueState): Turn {
  const urgent = framing.urgent;
  const nation = findNation(state.nationId);
  const lines = [urgent.lead, ...(urgency === 'crisis' ? [urgent.crisisLine] : []), nation ? nation.urgentAdvice : urgent.generalAdvice];
  return {
    reply: {
      blocks: lines.map(text),
      prompt: prompts.urgent.carryOn,
      reprompt: prompts.urgent.reprompt,
      card: { title: urgent.title, text: lines.join('\n') },
    },
    // Urgent help stands in for the disclaimer: it already says this skill can't help in an emergency.
    state: { ...state, offer: undefined, awaitingNation: undefined, disclaimerGiven: true },
  };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Answers a free question from the best-matching topic, or offers three topics rather than guess. */
export function answerQuestion(question: string, state: DialogueState): Turn {
  const urgency = detectUrgency(question);
  if (urgency) return urgentTurn(urgency, state);
  const { best, ranked } = searchTopics(question);
  if (best) return topicTurn(best, 0, state);
  const fallbackChoices = ['reasons', 'how-to-get', 'questions-to-ask'];
  const choices = [...ranked.map((r) => r.topic.id), ...fallbackChoices].filter((id, i, all) => all.indexOf(id) === i).slice(0, 3);
  const titles = choices.map((id) => lowerFirst(content.topics.find((t) => t.id === id)!.title));
  const spoken = `${titles.slice(0, -1).join(', ')}, or ${titles[titles.length - 1]}`;
  return {
    reply: {
      blocks: [],
      prompt: fill(prompts.search.unsure, { choices: spoken }),
      reprompt: fill(prompts.search.unsureReprompt, { first: titles[0] }),
    },
    state: { ...state, offer: undefined, awaitingNation: undefined },
  };
}

export const UrgentHelpHandler: RequestHandler = {
  canHandle: (input) => requestType(input) === 'IntentRequest' && spokenSlotTexts(input).some((t) => detectUrgency(t) !== undefined),
  handle: (input) => {
    const urgency = spokenSlotTexts(input)
      .map(detectUrgency)
      .find((u) => u !== undefined)!;
    return respondWith(input, urgentTurn(urgency, currentState(input)));
  },
};

export const QueryHandler: RequestHandler = {
  canHandle: isIntent('QueryIntent'),
  handle: (input) => {
    const state = currentState(input);
    const query = readSlot(input, 'query');
    if (query.status === 'empty') return respondWith(input, helpTurn(state));
    return respondWith(input, answerQuestion(query.spoken, state));
  },
};
