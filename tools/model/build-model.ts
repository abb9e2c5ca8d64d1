/**
 * Generates the en-GB interaction model from content: topic intents and their samples, the TOPIC and
 * NATION slot types (value ids = content ids), the non-topic intents and Amazon built-ins.
 */
import type { LoadedContent } from '../content/load';
import type { Act } from '../../lambda/content/schema';
import { feelingIntentName } from './names';
import { expandTemplate } from './expand';

export interface ModelIntent {
  name: string;
  slots?: { name: string; type: string }[];
  samples: string[];
}

export interface InteractionModel {
  interactionModel: {
    languageModel: {
      invocationName: string;
      modelConfiguration?: { fallbackIntentSensitivity: { level: string } };
      intents: ModelIntent[];
      types: { name: string; values: { id: string; name: { value: string; synonyms?: string[] } }[] }[];
    };
  };
}

const spokenForm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
/** A question as a sample: lower case, without the punctuation Alexa's samples may not hold. */
export const sampleForm = (s: string) => spokenForm(s.replace(/[?.,!]/g, ' '));

function intentFrom(name: string, slots: Record<string, string> | undefined, templates: string[]): ModelIntent {
  const samples = [...new Set(templates.flatMap(expandTemplate))];
  const intent: ModelIntent = { name, samples };
  if (slots) intent.slots = Object.entries(slots).map(([slotName, type]) => ({ name: slotName, type }));
  return intent;
}

/** The Amazon built-in that performs each conversational act of understanding.yaml. */
const BUILT_IN_FOR_ACT: Partial<Record<Act, string>> = {
  next: 'AMAZON.NextIntent',
  previous: 'AMAZON.PreviousIntent',
  repeat: 'AMAZON.RepeatIntent',
  startOver: 'AMAZON.StartOverIntent',
  yes: 'AMAZON.YesIntent',
  no: 'AMAZON.NoIntent',
  help: 'AMAZON.HelpIntent',
  goodbye: 'AMAZON.StopIntent',
  thanks: 'AMAZON.StopIntent',
};

/** Act patterns that are questions or exclamations, which take no "please" or "then" after them. */
const NO_SUFFIX = /^[([]*(is|was|are|any|and|i|sorry|eh|huh|pardon|come|what was|what did)\b/;

/**
 * Built-ins with everyday forms: intents.yaml's extra samples, then every act pattern of understanding.yaml
 * that is a plain template (no gaps or prefixes), so "ta-ra" or "back a bit" said on a device reaches the
 * act as surely as it does in a slot. A sample another intent already has stays with that intent.
 */
function builtInIntents(compiled: LoadedContent['compiled'], intentsFile: LoadedContent['intentsFile'], taken: Set<string>): ModelIntent[] {
  const templates = new Map<string, string[]>(Object.entries(intentsFile.builtIns).map(([name, samples]) => [name, [...samples]]));
  for (const [act, patterns] of Object.entries(compiled.understanding.acts) as [Act, string[]][]) {
    const builtIn = BUILT_IN_FOR_ACT[act];
    if (!builtIn || !templates.has(builtIn)) continue;
    // Stepping commands are said with a word tacked on ("go on then", "back a bit please"): both forms are
    // samples. Not questions and exclamations: "is that all please", "eh then", "i didn't catch that please".
    const stepping = act === 'next' || act === 'previous' || act === 'repeat' || act === 'startOver';
    const suffix = (p: string) => (stepping && !NO_SUFFIX.test(p) ? ' [please|then]' : '');
    templates.get(builtIn)!.push(...patterns.filter((p) => !/[~*]/.test(p)).map((p) => `${p}${suffix(p)}`));
  }
  const seen = new Set(taken);
  return [...templates].map(([name, list]) => {
    const intent = intentFrom(name, undefined, list);
    intent.samples = intent.samples.map(spokenForm).filter((sample) => !seen.has(sample) && seen.add(sample));
    return intent;
  });
}

export function buildInteractionModel({ compiled, intentsFile }: LoadedContent): InteractionModel {
  // A topic's intent also takes the questions its short answer answers.
  const topicIntents = compiled.topics.filter((t) => t.intent).map((t) => intentFrom(t.intent!.name, t.intent!.slots, [...t.intent!.samples, ...(t.passages?.short?.questions ?? []).map(sampleForm)]));
  const passageIntents = Object.entries(compiled.passageIntents).map(([name, ref]) => {
    const [topicId, key] = ref.split('#');
    const topic = compiled.topics.find((t) => t.id === topicId)!;
    return intentFrom(name, undefined, topic.passages![key].questions!.map(sampleForm));
  });
  const others = intentsFile.intents.map((i) => intentFrom(i.name, i.slots, i.samples));
  // Urgent help and signposting are intents of their own, so Alexa's NLU routes "my chest hurts" itself:
  // on a device, words that match no sample arrive as AMAZON.FallbackIntent with nothing to triage.
  const safety = Object.values(compiled.safety.answers).map((a) => intentFrom(a.intent.name, a.intent.slots, a.intent.samples));

  const topicType = {
    name: 'TOPIC',
    values: compiled.topics.map((t) => {
      const [value, ...synonyms] = [...new Set([...t.aliases, t.title].map(spokenForm))];
      return { id: t.id, name: { value, synonyms } };
    }),
  };
  const nationType = {
    name: 'NATION',
    values: compiled.nations.map((n) => ({ id: n.id, name: { value: spokenForm(n.name), synonyms: n.places.map(spokenForm) } })),
  };

  // A sentence in two intents confuses Alexa's NLU: urgent help keeps its own, a passage's question beats
  // the same words as a topic sample (it is the more exact answer), and the first passage keeps a question
  // two passages share.
  // A feeling said with what it is about ("i'm nervous about {rest}") carries the rest in a free-text slot.
  const feelings = compiled.understanding.feelings
    .filter((f) => f.samples?.length)
    .map((f) => intentFrom(feelingIntentName(f.id), f.samples!.some((s) => s.includes('{rest}')) ? { rest: 'AMAZON.SearchQuery' } : undefined, f.samples!));
  const claimed = new Set(safety.flatMap((i) => i.samples));
  for (const intent of [...feelings, ...passageIntents, ...topicIntents, ...others]) {
    intent.samples = intent.samples.filter((sample) => !claimed.has(sample));
    intent.samples.forEach((sample) => claimed.add(sample));
  }
  const custom = [...safety, ...feelings, ...topicIntents, ...passageIntents, ...others];
  const builtIns = builtInIntents(compiled, intentsFile, new Set(custom.flatMap((i) => i.samples)));
  // Value ids: a nation id for its patient advice service, otherwise the service's id in understanding.yaml.
  const serviceType = {
    name: 'SERVICE',
    values: [
      ...compiled.nations.map((n) => {
        const [value, ...synonyms] = [...new Set([...n.service.calledAs, ...(n.service.calledAsAlone ?? [])].map(spokenForm))];
        return { id: n.id, name: { value, synonyms } };
      }),
      ...compiled.understanding.otherServices.map((s) => {
        const [value, ...synonyms] = s.calledAs.map(spokenForm);
        return { id: s.id, name: { value, synonyms } };
      }),
    ],
  };
  // Positions in a list: "third" and "three" both resolve to 3, "last" to -1.
  const byPosition = new Map<number, string[]>();
  for (const [word, position] of Object.entries(compiled.understanding.listReferences.ordinals)) {
    if (/^[0-9]/.test(word)) continue;
    byPosition.set(position, [...(byPosition.get(position) ?? []), word]);
  }
  const ordinalType = { name: 'ORDINAL', values: [...byPosition].map(([position, [value, ...synonyms]]) => ({ id: String(position), name: { value, synonyms } })) };
  return {
    interactionModel: {
      languageModel: {
        invocationName: intentsFile.invocationName,
        modelConfiguration: { fallbackIntentSensitivity: { level: intentsFile.fallbackIntentSensitivity } },
        intents: [...builtIns, ...custom],
        types: [nationType, topicType, serviceType, ordinalType],
      },
    },
  };
}
