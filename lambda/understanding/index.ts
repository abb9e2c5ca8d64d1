/**
 * The one place words are understood. Every request that carries words (a free question, a topic or
 * place name the model didn't know, whatever a catch-all sends) comes here, and the steps run in order:
 *   1. urgent triage: emergencies, crises, abuse, low mood, symptoms (triage.ts)
 *   2. conversational acts said in any words: "go on then", "say that again", "thanks, bye" (recognisers.ts)
 *   3. list references: "the third one", "what was the last question"
 *   4. places and services: a UK nation, city or town, or a patient advice service, anywhere in the words;
 *      straight after a service was named, a question about "them" ("how do I get hold of them")
 *   5. feelings: a brief, kind word, then the answer to the rest, or an offer
 *   6. passage retrieval: the sentence or two of the guidance that answers the question (a question that
 *      only asks whether one may have a second opinion is answered as content names: answeringPassage)
 *   7. an honest "I'm not sure" with three choices
 * Handlers only route requests here; they never look at the words themselves.
 */
import { content, fill, findNation, nationTopic, findTopic } from '../content';
import { actTurn } from '../dialogue/acts';
import { rateTurn, repeatSlowerTurn, type RateChange } from '../dialogue/asides';
import { lowerFirst, serviceParagraph, servicePart, type ServicePart } from '../dialogue/pages';
import { listItemTurn, passageTurn } from '../dialogue/passage-turn';
import { findSafetyAnswer, safetyTurn, variesByNation } from '../dialogue/safety-turn';
import type { DialogueState } from '../dialogue/state';
import { closingOffer, topicTurn, type Turn } from '../dialogue/topic-turn';
import { questionClauseStart, searchPassages, type PassageSearch } from '../search/passages';
import type { SlotReading } from '../requests';
import type { Block } from '../speech/render';
import { text } from '../speech/reply';
import { askingForOneIn, asksIfNot, feelingIn, listReference, namedListReference, placeOrServiceIn, recogniseAct, serviceFollowUpIn, type SpokenAct } from './recognisers';
import { joinSpelledLetters } from './patterns';
import { triage } from './triage';

const { prompts, understanding } = content;
/**
 * Every list, by the words for its items: "the second reason" is the reasons list, whichever is being read.
 * Gathered on the first words understood, not at load: a launch must not parse the guidance library.
 */
let lists: { id: string; one: string; many: string }[] | undefined;
const allLists = () => (lists ??= content.topics.flatMap((t) => (t.list ? [{ id: t.id, one: t.list.one, many: t.list.many }] : [])));

/** The acts that change how fast the skill speaks, and how. */
const RATE_ACTS: Partial<Record<SpokenAct, RateChange>> = { slower: 'slower', faster: 'faster', normalSpeed: 'normal' };

function spokenActTurn(act: SpokenAct, state: DialogueState): Turn {
  // "Say that again slower": the last turn again, a step slower, and slower from then on.
  if (act === 'repeatSlower') return repeatSlowerTurn(state);
  const rate = RATE_ACTS[act];
  if (rate) return rateTurn(state, rate);
  return actTurn(act === 'thanks' ? 'goodbye' : (act as Exclude<SpokenAct, 'repeatSlower' | 'thanks' | 'slower' | 'faster' | 'normalSpeed'>), state);
}

/**
 * Urgent words in any of `texts`. When the listener's nation isn't known yet, a place said with them, else a
 * nation a slot resolved beside them (`nationId`), chooses the nation's lines, spoken and on the card
 * ("I'm in Belfast and my chest hurts" gets Northern Ireland's advice line, not 111), and is kept for the
 * session like any place named. It never replaces a nation the listener gave: urgent words are often about someone elsewhere ("my mum in
 * Glasgow"), and a place name can belong to two nations (Bangor).
 */
export function urgentTurn(texts: string[], state: DialogueState, nationId?: string): Turn | undefined {
  const urgent = urgentIn(texts);
  if (!urgent) return undefined;
  const place = state.nationId ? undefined : texts.map(placeOrServiceIn).find((named) => named?.kind === 'nation' && named.by === 'place');
  const where = state.nationId ? undefined : place?.kind === 'nation' ? place.nationId : nationId;
  // Kept for the rest of the session, so the card and "send that to my phone" say the same lines as were heard.
  return safetyTurn(urgent.answer, where && findNation(where) ? { ...state, nationId: where } : state);
}

/** The first of `texts` that triage finds urgent, and what it found. */
export const urgentIn = (texts: string[]) => texts.map(triage).find((result) => result !== undefined);

/** What to say to some words the listener said. */
export function understandWords(said: string, state: DialogueState): Turn {
  const words = joinSpelledLetters(said);
  const urgent = urgentTurn([words], state);
  if (urgent) return urgent;

  const act = recogniseAct(words);
  if (act) return spokenActTurn(act, state);

  const namedList = namedListReference(words, allLists());
  if (namedList) return listItemTurn(findTopic(namedList.id)!, namedList.position, state);
  const reading = findTopic(state.topicId);
  if (reading?.list) {
    const position = listReference(words, [reading.list.one, reading.list.many]);
    if (position !== undefined) return listItemTurn(reading, position, state);
  }

  // Only where the topic just read names where to turn: otherwise the words are searched like any question,
  // the topic just read counting for more ("and if they say no" after relatives asking is about consent).
  // And only straight after that topic was read: not after an urgent answer, which keeps the topic.
  const ifNot = reading && state.last?.title === reading.title ? reading.ifNot : undefined;
  if (ifNot && asksIfNot(words)) return passageByRef(ifNot, state);

  // "How do I get hold of them?", "is it free?": straight after a nation's service was named, about it.
  const service = serviceJustNamed(state);
  const part = service ? serviceFollowUpIn(words) : undefined;
  if (service && part) return servicePartTurn(service.nationId, part, state);

  const named = placeOrServiceIn(words);
  if (named?.kind === 'nation') return (named.ofCare && questionBesidePlace(words, named.nationId, state)) || nationTurn(named.nationId, state, named.by);
  if (named?.kind === 'passage') return passageByRef(named.ref, state);

  const feeling = feelingIn(words);
  if (feeling) return feelingTurn(feeling, feeling.rest, state);

  return answerQuestion(words, state);
}

/**
 * A place of care told on the way to a question about something else ("they did the biopsy at the Royal
 * in Liverpool | can I have a copy of the results"): the answer to that question, the nation remembered.
 * Not when the question is the nation topic's own, nor straight after a helpline that differs by nation,
 * where the place says which helpline.
 */
function questionBesidePlace(words: string, nationId: string, state: DialogueState): Turn | undefined {
  if (state.safetyAnswer) return undefined;
  const { best } = answeringPassage(words, state, false);
  if (!best || best.topic.needsNation) return undefined;
  return passageTurn(best.topic, best.key, { ...state, nationId });
}

/**
 * A nation named: its helpline straight after a helpline that differs by nation, else its patient advice
 * service. A place says where the listener is, and is remembered; a service asked about by name ("what is
 * PALS") is only answered: a listener in Wales asking about PALS still lives in Wales. `topic` is the
 * topic that asked which part of the UK, when one did.
 */
export function nationTurn(nationId: string, state: DialogueState, by: 'place' | 'service' = 'place', topic = nationTopic()): Turn {
  const { safetyAnswer, ...rest } = state;
  const safety = findSafetyAnswer(safetyAnswer);
  if (safety && variesByNation(safety)) return safetyTurn(safetyAnswer!, { ...rest, nationId });
  return by === 'place' ? topicTurn(topic, 0, { ...rest, nationId }) : serviceTurn(nationId, 0, rest);
}

/**
 * A page of the nation topic said of one nation's service, asked about by name ("what is PASS") or straight
 * after it was named: the listener's own nation is kept, since asking about PASS doesn't make them live in
 * Scotland. Stepping on would page the listener's nation instead, so when that differs the turn ends with
 * the topic's closing offer rather than "Shall I go on?".
 */
function serviceTurn(nationId: string, page: number, state: DialogueState, blocks?: Block[]): Turn {
  const topic = nationTopic();
  const turn = topicTurn(topic, page, { ...state, nationId }, [], blocks);
  if (state.nationId === nationId) return turn;
  const { endSession, ...said } = turn.reply;
  const closing = closingOffer(topic, { ...turn.state, nationId: state.nationId, offer: undefined }, said.blocks);
  return closing.reply.endSession || endSession ? turn : { state: closing.state, reply: { ...said, prompt: closing.reply.prompt, reprompt: closing.reply.reprompt } };
}

/**
 * The nation whose patient advice service the last turn named, if it did: found in what it said (a
 * paragraph may follow a lead, "About PALS: It offers…"), since a service asked about by name ("what is
 * PASS") needn't be the listener's nation's.
 */
export function serviceJustNamed(state: DialogueState): { nationId: string } | undefined {
  const said = (state.last?.blocks ?? []).flatMap((b) => (b.kind === 'text' ? [b.text] : []));
  const parts: ServicePart[] = ['reach', 'does'];
  const nation = content.nations.find((n) => parts.some((part) => said.some((t) => t.includes(serviceParagraph(n, part)))));
  return nation ? { nationId: nation.id } : undefined;
}

/**
 * A nation's service again: who it is and how to reach it, or what it does. What it does, asked by name
 * ("what does PALS do"), is led by the name, as a free answer is by what it is about: its text says "It …".
 */
export function servicePartTurn(nationId: string, part: ServicePart, state: DialogueState, byName = false): Turn {
  const nation = findNation(nationId);
  if (!nation) return nationTurn(nationId, state, 'service');
  const { page, blocks } = servicePart(nationTopic(), nation, part);
  const lead = byName && part === 'does' ? fill(understanding.passages.lead, { about: nation.service.name, text: serviceParagraph(nation, 'does') }) : undefined;
  return serviceTurn(nationId, page, state, lead ? [text(lead), ...blocks.slice(1)] : blocks);
}

/** A passage named as "topic#key" in content, after `lead` when given. */
export function passageByRef(ref: string, state: DialogueState, lead: Block[] = []): Turn {
  const [topicId, key] = ref.split('#');
  return passageTurn(findTopic(topicId)!, key, state, lead);
}

/** A feeling intent: its kind word, then the answer to what it was said about (its {rest} slot), if anything. */
export function feelingSaid(feeling: { say: string; answer?: string }, rest: SlotReading, state: DialogueState): Turn {
  return feelingTurn(feeling, rest.status === 'empty' ? '' : rest.spoken, state);
}

/**
 * A kind word for a feeling, then the answer to the rest of what was said; else the passage that answers
 * the feeling itself, where content names one ("I feel like a nuisance": asking doesn't make you a bad
 * patient); else an offer of support.
 */
export function feelingTurn(feeling: { say: string; answer?: string }, rest: string, state: DialogueState): Turn {
  const acknowledgement = feeling.say;
  const { best } = rest.trim() ? answeringPassage(rest, state, false) : { best: undefined };
  if (best) return passageTurn(best.topic, best.key, state, [text(acknowledgement)]);
  if (feeling.answer) return passageByRef(feeling.answer, state, [text(acknowledgement)]);
  const offer = understanding.feelingsOffer;
  return {
    reply: { blocks: [text(acknowledgement)], prompt: offer.prompt, reprompt: fill(prompts.offerReprompt, { offer: offer.prompt }) },
    state: { ...state, offer: { kind: 'topic', topicId: offer.topic }, awaitingNation: undefined },
  };
}

/** The topics a question is most likely about: the one being read, and the one just offered. */
const preferredTopics = (state: DialogueState) => [state.topicId, state.offer?.kind === 'topic' ? state.offer.topicId : undefined];

/**
 * The passage that answers a question, when one does, and the ranking. A passage of the topic being read or
 * offered answers first; then a question (after any story) that only asks whether one may have a second
 * opinion ("I had a stroke years ago | can I still get one") gets the passage content names for it, not the
 * topic whose title its words were nearest; then the search's best.
 */
function answeringPassage(question: string, state: DialogueState, followUp: boolean): PassageSearch {
  const preferred = preferredTopics(state);
  const search = searchPassages(question, preferred, followUp);
  if (search.best && preferred.includes(search.best.topic.id)) return search;
  const words = question.trim().split(/\s+/);
  const ref = askingForOneIn(words.slice(questionClauseStart(words)).join(' '));
  const [topicId, key] = ref?.split('#') ?? [];
  const topic = findTopic(topicId);
  return topic ? { ...search, best: { topic, key, score: search.best?.score ?? 0 } } : search;
}

/** Answers a free question from the best passage, or offers three topics rather than guess. */
function answerQuestion(question: string, state: DialogueState): Turn {
  // Straight after a turn of the topic last read (not after a fallback or an aside about something else).
  const followUp = state.topicId !== undefined && state.last?.title === findTopic(state.topicId)?.title;
  const { best, ranked } = answeringPassage(question, state, followUp);
  if (best) return passageTurn(best.topic, best.key, state);
  const choices = [...ranked.map((r) => r.topic.id), ...understanding.passages.unsureChoices].filter((id, i, all) => all.indexOf(id) === i).slice(0, 3);
  const titles = choices.map((id) => lowerFirst(findTopic(id)!.title));
  const spoken = fill(prompts.search.choices, { first: titles.slice(0, -1).join(', '), last: titles[titles.length - 1] });
  return {
    reply: {
      blocks: [],
      prompt: fill(prompts.search.unsure, { choices: spoken, urgentLine: prompts.urgentLine }),
      reprompt: fill(prompts.search.unsureReprompt, { first: titles[0] }),
    },
    state: { ...state, offer: undefined, awaitingNation: undefined },
    unsure: true,
  };
}
