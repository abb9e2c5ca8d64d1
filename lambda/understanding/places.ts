/**
 * What a place or service slot means, decided here so the handlers only read slots and route: a UK nation,
 * a place outside the UK, a service (a nation's, or one answered by a passage), or words to understand.
 */
import { content, fill, findNation, findTopic, nationTopic, otherServicePassage, type Topic } from '../content';
import type { DialogueState } from '../dialogue/state';
import type { ServicePart } from '../dialogue/pages';
import { topicTurn, type Turn } from '../dialogue/topic-turn';
import type { SlotReading } from '../requests';
import { text } from '../speech/reply';
import { nationTurn, passageByRef, serviceJustNamed, servicePartTurn, understandWords, urgentTurn } from '.';
import { isServicePronoun, placeOrServiceIn } from './recognisers';
import { normaliseWords } from './patterns';

const { prompts } = content;

/** Longer than a place or service name ("the Isle of Man" is four words): a sentence a carrier caught. */
const NAME_WORDS = 4;
const notPlaceWords = new Set(content.understanding.notPlaceWords);
const isSentence = (spoken: string) => {
  const words = normaliseWords(spoken).split(' ');
  return words.length > NAME_WORDS || words.some((word) => notPlaceWords.has(word));
};

/** The services are UK ones: say so, name all four, and ask again. */
export function notInUkTurn(state: DialogueState): Turn {
  const services = content.nations.map((n) => fill(prompts.nation.serviceIn, { service: n.service.name, nation: n.name }));
  const spokenList = fill(prompts.nation.listOfServices, { first: services.slice(0, -1).join(', '), last: services[services.length - 1] });
  return {
    reply: {
      blocks: [text(fill(prompts.nation.notInUk, { services: spokenList }))],
      prompt: prompts.nation.question,
      reprompt: prompts.nation.reprompt,
      // It names the four services: guidance, so a session's first one carries the disclaimer.
      guidance: true,
    },
    state: { ...state, offer: undefined, awaitingNation: true },
  };
}

/**
 * A topic intent whose nation slot ("who can help me in {nation}") held words the type doesn't know. The
 * carrier may have caught more than a name ("northern ireland with a referral"): a UK place said anywhere in
 * them is where the listener is; other words that make a sentence ("the hospital") leave the nation unsaid;
 * only what could be a name ("France") is a place outside the UK.
 */
export function topicWithUnknownPlace(topic: Topic, spoken: string, state: DialogueState): Turn {
  const named = placeOrServiceIn(spoken);
  if (named?.kind === 'nation' && named.by === 'place') return topicTurn(topic, 0, { ...state, nationId: named.nationId });
  if (isSentence(spoken)) return topicTurn(topic, 0, state);
  return notInUkTurn({ ...state, topicId: topic.id });
}

/** A NationIntent: "Wales", "I'm in Cardiff", "France", or a sentence caught by "it's {nation}". */
export function nationSaid(slot: SlotReading, state: DialogueState, safetyAnswer: string | undefined): Turn {
  if (slot.status === 'no-match') {
    // A carrier ("it's {nation}", "and {nation}") also catches words that are not a place: "and what's
    // after that" is an act. Only words nothing else understands are taken for a place outside the UK.
    const understood = understandWords(slot.spoken, state);
    if (isSentence(slot.spoken) || !understood.unsure) return understood;
  }
  // An id the content doesn't know (only a forged request has one) is treated like a place outside the UK.
  const nation = slot.status === 'match' ? findNation(slot.id) : undefined;
  if (!nation) return notInUkTurn(state);
  // Straight after a helpline that differs by nation, the nation asks for that helpline (nationTurn). The
  // answer to "Which part of the UK?" continues the topic that asked; said out of the blue, it most likely
  // means "who can help where I live".
  const asking = state.awaitingNation ? findTopic(state.topicId) : undefined;
  return nationTurn(nation.id, { ...state, safetyAnswer }, 'place', asking?.needsNation ? asking : nationTopic());
}

/**
 * A ServiceIntent: "what is PALS", "can Citizens Advice help", "is there a PALS in Wales"; or, with `part`
 * 'does', a ServiceDoesIntent: "what does PALS do", "what can Llais do for me".
 */
export function serviceSaid(service: SlotReading, nation: SlotReading, state: DialogueState, part: ServicePart = 'reach'): Turn {
  // Names the types don't know are understood like any other words, both slots' together, so a place
  // caught in the wrong slot still counts ("is there a service in | england that helps" is England's), and
  // urgent words in either slot are triaged first, even beside a nation that resolved.
  const unknown = [service, nation].flatMap((slot) => (slot.status === 'no-match' ? [slot.spoken] : [])).join(' ');
  // (Urgent words alone in a slot were answered before this, by the words-triage handler; here they are split across both.)
  const urgent = unknown ? urgentTurn([unknown], state, nation.status === 'match' ? nation.id : undefined) : undefined;
  if (urgent) return urgent;
  if (nation.status === 'match' && findNation(nation.id)) return nationTurn(nation.id, state);
  // Where the listener is counts over the service's own nation ("is there a PALS | in wales please").
  const place = nation.status === 'no-match' ? placeOrServiceIn(nation.spoken) : undefined;
  if (place?.kind === 'nation' && place.by === 'place') return nationTurn(place.nationId, state);
  // Only a place, and not one the type knows ("France"): as if it had been said alone.
  if (service.status === 'empty' && nation.status === 'no-match') return nationSaid(nation, state, undefined);
  if (service.status === 'match' && findNation(service.id)) return part === 'does' ? servicePartTurn(service.id, 'does', state, true) : nationTurn(service.id, state, 'service');
  // "How do I get hold of | them", "what do | they | do": the service the last turn named. (Words the nation
  // slot caught beside it, "them | in wales please", say more than that: they are understood below.)
  const justNamed = service.status === 'no-match' && nation.status !== 'no-match' && isServicePronoun(service.spoken) ? serviceJustNamed(state) : undefined;
  if (justNamed) return servicePartTurn(justNamed.nationId, part, state);
  const other = service.status === 'match' ? otherServicePassage(service.id) : undefined;
  if (other) return passageByRef(other, state);
  if (unknown) return understandWords(unknown, state);
  return topicTurn(nationTopic(), 0, state);
}
