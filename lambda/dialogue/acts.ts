/**
 * Conversational acts: what next, previous, repeat, start over, yes, no, help, goodbye and a failed
 * understanding say. The spoken built-in intents and the same acts said in any other words (the
 * understanding layer) both end here, so "go on then" and AMAZON.NextIntent give the same turn.
 */
import { content, fill, findNation, findTopic, type Topic } from '../content';
import type { Block } from '../speech/render';
import { text } from '../speech/reply';
import { confirmForgetTurn, forgetOfferTurn } from './memory';
import { listPosition, topicPages } from './pages';
import type { DialogueState } from './state';
import { openQuestion, pastTheEnd, step, topicTurn, type Turn } from './topic-turn';

const { prompts, framing } = content;

export type Act = 'next' | 'previous' | 'repeat' | 'startOver' | 'yes' | 'no' | 'help' | 'goodbye';

/** The welcome: what the skill does, the disclaimer, three things to try, and an open question. */
export function welcomeTurn(state: DialogueState, lead: string[] = []): Turn {
  const examples = `${prompts.examplesIntro} ${prompts.examples.map((e) => e.charAt(0).toUpperCase() + e.slice(1)).join(' ')}`;
  const blocks = [...lead, prompts.welcome, ...(state.disclaimerGiven ? [] : [framing.disclaimer]), examples].map(text);
  return {
    reply: { blocks, prompt: prompts.whatNext, reprompt: prompts.generalReprompt },
    // What belongs to the listener rather than to the conversation carries over a fresh start.
    state: { nationId: state.nationId, speechRate: state.speechRate, forgotten: state.forgotten, disclaimerGiven: true },
  };
}

/** "Which nation do you live in?" again, when what was said to it was no nation (yes, go on). */
const nationAskedAgain = (state: DialogueState): Turn => ({ reply: { blocks: [], prompt: prompts.nation.question, reprompt: prompts.nation.reprompt }, state });

export function nextTurn(state: DialogueState): Turn {
  // "Go on" or "go ahead" to "Shall I forget …?" is not clearly a yes to deleting, nor a wish to read on: ask again.
  if (state.offer?.kind === 'forget') return forgetOfferTurn(state);
  // "Go on" to "Which nation do you live in?": the answer is what it goes on with, so the question again
  // (it had said "there's nothing more to read", and the question was lost; review, session 26).
  if (state.awaitingNation) return nationAskedAgain(state);
  const topic = findTopic(state.topicId);
  // "Go on" to "Would you like to hear about X?", asked by a turn that wasn't reading a topic (a feeling's
  // offer of support), is a yes: there is nothing being read to go on with. Past a topic's last page, next
  // still says that was all first ("That's all 8 questions"), then offers again.
  if (state.offer?.kind === 'topic' && (!topic || state.last?.title !== topic.title)) return yesTurn(state);
  if (!topic || state.page === undefined) return openQuestion(state, [text(prompts.continue.nothingMore)]);
  const pages = topicPages(topic, findNation(state.nationId));
  // After one item said on its own, the rest of its page comes first ("what was the first one", "next": 2 and 3).
  const rest = state.listItem !== undefined ? restOfListPage(topic, pages[state.page], state.listItem) : undefined;
  if (rest) return step(topicTurn(topic, state.page, state, [], rest));
  if (state.page + 1 >= pages.length) return pastTheEnd(topic, state);
  return step(topicTurn(topic, state.page + 1, state));
}

/** The page without its items up to and including `item`, or undefined when none are left after it. */
function restOfListPage(topic: Topic, page: Block[] | undefined, item: number): Block[] | undefined {
  const at = page?.findIndex((b) => b.kind === 'list') ?? -1;
  const list = at >= 0 ? page![at] : undefined;
  if (!list || list.kind !== 'list' || list.from === undefined) return undefined;
  const rest = list.items.slice(item - list.from + 1);
  if (item < list.from || rest.length === 0) return undefined;
  const last = list.from + list.items.length - 1;
  return [{ kind: 'list', position: listPosition(topic, item + 1, last), items: rest, from: item + 1 }, ...page!.slice(at + 1)];
}

export function previousTurn(state: DialogueState): Turn {
  const topic = findTopic(state.topicId);
  if (!topic || state.page === undefined) return openQuestion(state, [text(prompts.continue.nothingMore)]);
  if (state.page === 0) {
    const note = topic.list ? fill(prompts.list.atStart, { list: topic.list.many }) : prompts.continue.atStart;
    return step(topicTurn(topic, 0, state, [text(note)]));
  }
  return step(topicTurn(topic, state.page - 1, state));
}

/**
 * The same turn again, speech and screen, rendered afresh from what it said (never from stored markup);
 * with nothing said yet, the welcome. Its card is not sent twice.
 */
export function repeatTurn(state: DialogueState): Turn {
  if (!state.last) return welcomeTurn(state);
  const { blocks, prompt, reprompt, title } = state.last;
  return { reply: { blocks, prompt, reprompt, ...(title ? { title } : {}) }, state };
}

/**
 * Part way through a topic, "start again" means what is being read: its first page again (blind fixture
 * writers expected this in 7 of 8 mid-list turns). Part way means the last turn was of that topic (not an
 * urgent answer or an aside since), past its first page or at one item of its list, and not a welcome back
 * ("start again" to "Would you like to carry on?" is a fresh start). Otherwise the welcome.
 */
export function startOverTurn(state: DialogueState): Turn {
  const topic = findTopic(state.topicId);
  const partWay = topic !== undefined && state.last?.title === topic.title && state.offer?.kind !== 'resume' && ((state.page ?? 0) > 0 || state.listItem !== undefined);
  if (topic && partWay) {
    // A list starts again at its first item: its introduction was heard already, and would put item 1 past word 25.
    const first = topicPages(topic, findNation(state.nationId))[0];
    const fromList = first.findIndex((block) => block.kind === 'list');
    return step(topicTurn(topic, 0, { ...state, fallbacks: undefined }, [text(prompts.startOverTopic)], fromList > 0 ? first.slice(fromList) : undefined));
  }
  return welcomeTurn({ ...state, fallbacks: undefined }, [prompts.startOver]);
}

/** Yes accepts whatever the last response offered. */
export function yesTurn(state: DialogueState): Turn {
  if (state.awaitingNation) return nationAskedAgain(state);
  // "Carry on?" at a welcome back: the state holds the page read last, so this reads the next.
  if (state.offer?.kind === 'continue' || state.offer?.kind === 'resume') return nextTurn(state);
  if (state.offer?.kind === 'topic') return topicTurn(findTopic(state.offer.topicId)!, 0, state);
  if (state.offer?.kind === 'stop') return goodbyeTurn(state);
  if (state.offer?.kind === 'forget') return confirmForgetTurn(state);
  return openQuestion(state, [text(prompts.yesWithoutOffer)], prompts.whatNext);
}

/** No declines an offer; said to "What else would you like to know?", it means the listener is finished. */
export function noTurn(state: DialogueState): Turn {
  // No to carrying on from last time: a fresh start, and the old place is forgotten.
  if (state.offer?.kind === 'resume') return welcomeTurn(state, [prompts.memory.startFresh]);
  if (state.offer?.kind === 'forget') return openQuestion(state, [text(prompts.memory.kept)]);
  if (state.offer || state.awaitingNation) return openQuestion(state, [text(prompts.noThanks)]);
  return goodbyeTurn(state);
}

export const goodbyeTurn = (state: DialogueState): Turn => ({ reply: { blocks: [text(prompts.goodbye)], endSession: true }, state });

export function helpTurn(state: DialogueState): Turn {
  // Help asks an open question, so a yes after it accepts nothing offered before it (not "Shall I forget …?").
  return {
    reply: { blocks: [text(fill(prompts.help, { urgentLine: prompts.urgentLine }))], prompt: prompts.whatNext, reprompt: prompts.helpReprompt },
    state: { ...state, offer: undefined, awaitingNation: undefined },
  };
}

/**
 * Words that matched nothing. It always carries the urgent line (a frightened person whose words matched
 * nothing hears this). A second miss in a row gives more concrete examples; a third offers to stop, since
 * repeating the same help a fourth time helps nobody.
 */
export function fallbackTurn(state: DialogueState): Turn {
  const misses = Math.min((state.fallbacks ?? 0) + 1, 3);
  const step = prompts.fallbackSteps[misses - 1];
  return {
    reply: { blocks: [text(fill(step.say, { urgentLine: prompts.urgentLine }))], prompt: step.prompt, reprompt: step.reprompt },
    state: { ...state, offer: misses >= 3 ? { kind: 'stop' } : undefined, awaitingNation: undefined, fallbacks: misses },
    miss: true,
  };
}

const ACT_TURNS: Record<Act, (state: DialogueState) => Turn> = {
  next: nextTurn,
  previous: previousTurn,
  repeat: repeatTurn,
  startOver: startOverTurn,
  yes: yesTurn,
  no: noTurn,
  help: helpTurn,
  goodbye: goodbyeTurn,
};

export const actTurn = (act: Act, state: DialogueState): Turn => ACT_TURNS[act](state);
