/**
 * The reply for one page of a topic, and what the listener can say next: more of the same topic while
 * pages remain, then the topic's follow-up offer. Shared by topic answers, list navigation and yes/no.
 */
import { content, fill, findNation, type Topic } from '../content';
import type { Block } from '../speech/render';
import { text, type Reply } from '../speech/reply';
import type { CardRef, DialogueState } from './state';
import { listEnd, topicPages } from './pages';

export interface Turn {
  reply: Reply;
  state: DialogueState;
  /** The words were not understood: the count of misses in a row is kept, not cleared. */
  miss?: true;
  /** An honest "I'm not sure": the words reached no answer. */
  unsure?: true;
  /**
   * What must happen before the answer can be said: 'forget' deletes what memory holds, and the answer
   * then says whether it could (dialogue/current.ts). Decided here, done by the one function that answers.
   */
  effect?: 'forget';
}

const { prompts } = content;

/** `pageBlocks`: what to say of the page instead of all of it (the rest of a list page after one item). */
export function topicTurn(topic: Topic, requestedPage: number, state: DialogueState, lead: Block[] = [], pageBlocks?: Block[]): Turn {
  const nation = findNation(state.nationId);
  const pages = topicPages(topic, nation);
  const page = Math.min(Math.max(requestedPage, 0), pages.length - 1);
  const blocks = [...lead, ...(pageBlocks ?? pages[page])];
  // The whole topic goes to the Alexa app (a list whole and numbered); a step through it sends none
  // (dialogue/acts.ts), so the app holds one card per topic rather than one per page.
  const card: CardRef = { kind: 'topic', topicId: topic.id };
  const { title } = topic;
  const base: DialogueState = { ...state, topicId: topic.id, page, offer: undefined, awaitingNation: undefined, listItem: undefined };

  if (topic.needsNation && !nation) {
    return {
      reply: { blocks, prompt: prompts.nation.question, reprompt: prompts.nation.reprompt, title, card, guidance: true },
      state: { ...base, awaitingNation: true },
    };
  }
  if (page < pages.length - 1) {
    const onList = pages[page + 1].some((b) => b.kind === 'list');
    return {
      reply: { blocks, prompt: onList ? prompts.list.more : prompts.continue.more, reprompt: prompts.continue.reprompt, title, card, guidance: true },
      state: { ...base, offer: { kind: 'continue' } },
    };
  }
  const closing = closingOffer(topic, base, blocks);
  return { state: closing.state, reply: { ...closing.reply, title, card, guidance: true } };
}

/** What to ask once a topic is finished: its follow-up offer, or an open question. */
export function closingOffer(topic: Topic, state: DialogueState, blocks: Block[] = []): Turn {
  if (topic.followUp) {
    const offer = topic.followUp.offer;
    return {
      reply: { blocks, prompt: offer, reprompt: fill(prompts.offerReprompt, { offer }) },
      state: { ...state, offer: { kind: 'topic', topicId: topic.followUp.topic } },
    };
  }
  return { reply: { blocks, prompt: prompts.whatElse, reprompt: prompts.generalReprompt }, state: { ...state, offer: undefined } };
}

/** "Next" past the last page: say that was everything, then offer what comes next. */
export function pastTheEnd(topic: Topic, state: DialogueState): Turn {
  const note = topic.list ? listEnd(topic) : prompts.continue.nothingMore;
  const turn = closingOffer(topic, { ...state, offer: undefined }, [text(note)]);
  return { ...turn, reply: { ...turn.reply, title: topic.title } };
}

/** A step within a topic (next, previous): the same topic's card has gone already. */
export function step(turn: Turn): Turn {
  const { card, ...reply } = turn.reply;
  return { ...turn, reply };
}

export function openQuestion(state: DialogueState, blocks: Block[], prompt = prompts.whatElse): Turn {
  return { reply: { blocks, prompt, reprompt: prompts.generalReprompt }, state: { ...state, offer: undefined, awaitingNation: undefined } };
}
