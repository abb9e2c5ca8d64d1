/**
 * Cards, for the Alexa app: what a listener (or the carer reading along) can take away. A reply names its
 * card as data (dialogue/state.ts CardRef) and this renders it from the content when it is sent, so a card
 * sent again with "send that to my phone" is the same card, and nothing written is kept in the session.
 *   guidance  the whole topic, not just the page being read
 *   a list    the short answer and every item, numbered, in its written form
 *   urgent    the lines for the listener's nation, then every nation's numbers
 */
import { findNation, findTopic, type Topic } from '../content';
import { topicParagraphs } from '../dialogue/pages';
import { findSafetyAnswer, safetyLines } from '../dialogue/safety-answers';
import type { CardRef } from '../dialogue/state';

export interface CardText {
  title: string;
  text: string;
}

/** The card for a list topic: every item, written form, numbered, so a carer can read the whole list. */
export function fullListCard(topic: Topic): string {
  const items = topic.list!.items.map((item, i) => `${i + 1}. ${item.written ?? item.spoken}`);
  return [topic.shortAnswer, ...items].join('\n');
}

function guidanceCard(topic: Topic, nationId: string | undefined): string {
  const nation = findNation(nationId);
  // A topic that names a nation's service leads with the short answer on paper, then that service.
  const paragraphs = topic.needsNation && nation ? [topic.shortAnswer, ...topicParagraphs(topic, nation)] : topicParagraphs(topic, undefined);
  return paragraphs.join('\n');
}

/** The card a reference names, for the listener's nation; undefined for an id the content doesn't have. */
export function renderCard(ref: CardRef, nationId: string | undefined): CardText | undefined {
  if (ref.kind === 'topic') {
    const topic = findTopic(ref.topicId);
    if (!topic) return undefined;
    return { title: topic.title, text: topic.list ? fullListCard(topic) : guidanceCard(topic, nationId) };
  }
  const answer = findSafetyAnswer(ref.answerId);
  if (!answer) return undefined;
  return { title: answer.title, text: [...safetyLines(answer, nationId), ...(answer.card ?? [])].join('\n') };
}
