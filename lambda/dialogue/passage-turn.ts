/**
 * Answers at the level of the sentence asked about: one passage of a topic, led by what was understood
 * ("About travel and its cost: …"), then an offer of the rest of its topic. Also one item of a list by its
 * position ("Question 3 of 8"), and a kind word first when a feeling was said.
 */
import { content, fill, findNation, findTopic, type Topic } from '../content';
import { passageText } from '../search/passage-keys';
import type { Block } from '../speech/render';
import { text } from '../speech/reply';
import { listEnd, listPosition, lowerFirst, topicPages } from './pages';
import type { DialogueState } from './state';
import { closingOffer, openQuestion, topicTurn, type Turn } from './topic-turn';

const { understanding, prompts } = content;

/** The page of the topic that holds a passage, so "next" after it carries on from there. */
function pageHolding(topic: Topic, state: DialogueState, said: string): number {
  const page = topicPages(topic, findNation(state.nationId)).findIndex((blocks) => blocks.some((b) => (b.kind === 'text' ? b.text === said : b.items.includes(said))));
  return Math.max(page, 0);
}

export function passageTurn(topic: Topic, key: string, state: DialogueState, lead: Block[] = [], redirected = false): Turn {
  // A passage that content says is better answered by another ("you don't understand the information" is
  // answered with what to do about it). The content check forbids a chain; `redirected` stops one anyway.
  const answerWith = redirected ? undefined : topic.passages?.[key]?.answerWith;
  const [targetId, targetKey] = answerWith?.split('#') ?? [];
  const target = findTopic(targetId);
  if (target && targetKey) return passageTurn(target, targetKey, state, lead, true);
  // A short answer is the topic's own opening: the topic answer says it first anyway (and a topic that
  // needs the listener's nation answers with that nation's service).
  if (key === 'short') return topicTurn(topic, 0, state, lead);
  const said = passageText(topic, key);
  const about = topic.passages?.[key]?.about ?? lowerFirst(topic.title);
  const prompt =
    topic.list && key.startsWith('item-')
      ? fill(understanding.passages.listOffer, { total: topic.list.items.length, list: topic.list.many })
      : fill(understanding.passages.topicOffer, { title: lowerFirst(topic.title) });
  return {
    reply: {
      blocks: [...lead, text(fill(topic.passageLead ?? understanding.passages.lead, { about, text: said }))],
      prompt,
      reprompt: fill(prompts.offerReprompt, { offer: prompt }),
      // The whole topic goes to the app: the one passage heard, and the rest it offers.
      card: { kind: 'topic', topicId: topic.id },
      title: topic.title,
      guidance: true,
    },
    state: { ...state, topicId: topic.id, page: pageHolding(topic, state, said), offer: { kind: 'topic', topicId: topic.id }, awaitingNation: undefined },
  };
}

/** The item at a position (1-based, -1 the last) of the list being read, if one is being read. */
export function listItemByPosition(state: DialogueState, position: number | undefined): Turn {
  const reading = findTopic(state.topicId);
  if (!reading?.list || position === undefined || !Number.isInteger(position) || position === 0 || position < -1) {
    return openQuestion(state, [text(understanding.listReferences.noList)]);
  }
  return listItemTurn(reading, position, state);
}

/** One item of the list being read, by position; -1 is the last. Next then reads on from the item after it. */
export function listItemTurn(topic: Topic, position: number, state: DialogueState): Turn {
  const list = topic.list!;
  const total = list.items.length;
  if (position > total) {
    const note = fill(understanding.listReferences.notInList, { total, list: list.many });
    return topicTurn(topic, state.page ?? 0, state, [text(note)]);
  }
  const number = position === -1 ? total : position;
  const item = list.items[number - 1].spoken;
  const blocks: Block[] = [{ kind: 'list', position: listPosition(topic, number, number), items: [item], from: number }];
  const reading: DialogueState = { ...state, topicId: topic.id, page: pageHolding(topic, state, item), awaitingNation: undefined, listItem: number };
  const shown = { card: { kind: 'topic', topicId: topic.id } as const, title: topic.title, guidance: true };
  // The last item: nothing comes after it, so the topic's own closing offer.
  if (number === total) {
    const closing = closingOffer(topic, { ...reading, listItem: undefined }, [...blocks, text(listEnd(topic))]);
    return { state: closing.state, reply: { ...closing.reply, ...shown } };
  }
  const { prompt, reprompt } = understanding.listReferences;
  return { reply: { blocks, prompt, reprompt, ...shown }, state: { ...reading, offer: { kind: 'continue' } } };
}
