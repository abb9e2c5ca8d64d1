/**
 * Turns about the conversation rather than in it: how fast Alexa speaks, and the card sent to the Alexa
 * app again. Each says what it did, then asks again whatever the listener was last asked, so the
 * conversation carries on where it was; "repeat" afterwards still says the turn before the aside.
 */
import { content, fill, findTopic } from '../content';
import { findSafetyAnswer } from './safety-answers';
import { SPEECH_RATES, type DialogueState, type SpeechRate } from './state';
import { text } from '../speech/reply';
import { openQuestion, type Turn } from './topic-turn';
import { repeatTurn } from './acts';

const { prompts } = content;

export type RateChange = 'slower' | 'faster' | 'normal';

/** One step slower or faster (slow, medium, fast), or back to Alexa's own rate. */
export function changedRate(current: SpeechRate | undefined, change: RateChange): SpeechRate {
  if (change === 'normal') return 'medium';
  const at = SPEECH_RATES.indexOf(current ?? 'medium');
  const to = Math.min(Math.max(at + (change === 'slower' ? -1 : 1), 0), SPEECH_RATES.length - 1);
  return SPEECH_RATES[to];
}

/** What the listener was last asked, asked again after an aside; with nothing asked yet, an open question. */
function carryOn(state: DialogueState, note: string): Pick<Turn['reply'], 'blocks' | 'title'> & { prompt: string; reprompt: string } {
  return {
    blocks: [text(note)],
    prompt: state.last?.prompt ?? prompts.whatNext,
    reprompt: state.last?.reprompt ?? prompts.generalReprompt,
    ...(state.last?.title ? { title: state.last.title } : {}),
  };
}

/** "Speak slower", "faster", "normal speed": said at the new speed, for the rest of the session. */
/** "Say that again slower": the last turn again, a step slower, and slower from then on. */
export function repeatSlowerTurn(state: DialogueState): Turn {
  return repeatTurn({ ...state, speechRate: changedRate(state.speechRate, 'slower') });
}

export function rateTurn(state: DialogueState, change: RateChange): Turn {
  const current = state.speechRate ?? 'medium';
  const speechRate = changedRate(current, change);
  const note = change === 'normal' ? prompts.rate.normal : speechRate === current ? prompts.rate[change === 'slower' ? 'slowest' : 'fastest'] : prompts.rate[change === 'slower' ? 'slower' : 'faster'];
  return { reply: { ...carryOn(state, note), aside: true }, state: { ...state, speechRate } };
}

/**
 * "Send that to my phone", "write them down for me": the last card again, and where to find it. The
 * card is rendered afresh from the content (speech/card.ts); the session holds only its name.
 */
export function sendCardTurn(state: DialogueState): Turn {
  const ref = state.lastCard;
  const topic = ref?.kind === 'topic' ? findTopic(ref.topicId) : undefined;
  const answer = ref?.kind === 'safety' ? findSafetyAnswer(ref.answerId) : undefined;
  let note: string | undefined;
  if (topic?.list) note = fill(prompts.card.sentList, { list: topic.list.many, title: topic.title });
  else if (topic) note = fill(prompts.card.sentGuidance, { title: topic.title });
  else if (answer) note = fill(prompts.card.sentNumbers, { title: answer.title });
  if (!ref || note === undefined) return { reply: { ...carryOn({ ...state, last: undefined }, prompts.card.nothingYet), aside: true }, state };
  return { reply: { ...carryOn(state, note), card: ref, aside: true }, state };
}

/**
 * Back after a task handed elsewhere: "What would you like to know?". A screen shows the last turn again
 * under the question, so the listener sees where they were.
 */
export function resumedTurn(state: DialogueState): Turn {
  const turn = openQuestion(state, [], prompts.whatNext);
  if (!state.last) return turn;
  const { blocks, title } = state.last;
  return { ...turn, reply: { ...turn.reply, shows: { blocks, ...(title ? { title } : {}) } } };
}
