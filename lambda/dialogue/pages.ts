/**
 * Splits a topic into turns a listener can hold: guidance paragraphs packed up to the word budget, and
 * lists read a few items at a time with where-you-are labels. Pure functions of content: no request here.
 */
import { content, fill, type Nation, type Topic } from '../content';
import type { Block } from '../speech/render';

const { itemsPerTurn, maxWordsPerTurn, maxListWordsPerTurn } = content.speech.pacing;

export const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A title said inside a sentence: "Questions to ask" → "questions to ask". */
export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A nation's service in two paragraphs: who it is and how to reach it, and what it does. */
export type ServicePart = 'reach' | 'does';

/**
 * Who, then how to reach them, in the first breath: the number or the way to find one is what the listener
 * needs to act on, and "what it does" can follow.
 */
export const serviceParagraph = ({ service }: Nation, part: ServicePart): string => (part === 'reach' ? `${service.introduction} ${service.reach}` : service.does);

/** The paragraphs of a topic. A topic that needs a nation leads with that nation's service. */
export function topicParagraphs(topic: Topic, nation: Nation | undefined): string[] {
  if (!topic.needsNation || !nation) return [topic.shortAnswer, ...topic.detail];
  return [serviceParagraph(nation, 'reach'), serviceParagraph(nation, 'does'), ...(nation.service.update ? [nation.service.update.note] : []), ...topic.detail];
}

/**
 * Where a needs-nation topic says a part of its service: the page that holds it, and that page from the
 * paragraph on, so nothing on the page is skipped when the listener goes on.
 */
export function servicePart(topic: Topic, nation: Nation, part: ServicePart): { page: number; blocks: Block[] } {
  const paragraph = serviceParagraph(nation, part);
  const pages = topicPages(topic, nation);
  for (const [page, blocks] of pages.entries()) {
    const from = blocks.findIndex((b) => b.kind === 'text' && b.text === paragraph);
    if (from >= 0) return { page, blocks: blocks.slice(from) };
  }
  throw new Error(`${topic.id} does not say the ${part} of ${nation.id}'s service`);
}

export function listPosition(topic: Topic, from: number, to: number): string {
  const list = topic.list!;
  const total = list.items.length;
  if (from === to) return fill(content.prompts.list.positionSingle, { Item: capitalise(list.one), item: list.one, from, total });
  // Two items are "7 and 8", not "7 to 8": heard, "to" promises a range.
  const template = to === from + 1 ? content.prompts.list.positionPair : content.prompts.list.position;
  return fill(template, { List: capitalise(list.many), list: list.many, from, to, total });
}

export function listEnd(topic: Topic): string {
  return fill(content.prompts.list.end, { total: topic.list!.items.length, list: topic.list!.many });
}

/** Every page of a topic, in order. Needs-nation topics without a nation have just the short answer. */
export function topicPages(topic: Topic, nation: Nation | undefined): Block[][] {
  const pages: Block[][] = [];
  let current: Block[] = [];
  let words = 0;
  const texts = topic.needsNation && !nation ? [topic.shortAnswer] : topicParagraphs(topic, nation);
  for (const paragraph of texts) {
    const size = wordCount(paragraph);
    if (current.length && words + size > maxWordsPerTurn) {
      pages.push(current);
      current = [];
      words = 0;
    }
    current.push({ kind: 'text', text: paragraph });
    words += size;
  }
  pages.push(current);

  const items = topic.list?.items ?? [];
  for (let start = 0; start < items.length;) {
    // Up to three items, fewer when they are long: a page of a list is heard in one go and held in mind.
    let end = start + 1;
    let listWords = wordCount(items[start].spoken);
    while (end < items.length && end - start < itemsPerTurn && listWords + wordCount(items[end].spoken) <= maxListWordsPerTurn) listWords += wordCount(items[end++].spoken);
    const chunk = items.slice(start, end);
    const page: Block[] = [{ kind: 'list', position: listPosition(topic, start + 1, end), items: chunk.map((i) => i.spoken), from: start + 1 }];
    if (end >= items.length) page.push({ kind: 'text', text: listEnd(topic) });
    // A list introduced by its short answer alone starts on the same turn as it.
    if (start === 0 && texts.length === 1) pages[pages.length - 1].push(...page);
    else pages.push(page);
    start = end;
  }
  return pages;
}
