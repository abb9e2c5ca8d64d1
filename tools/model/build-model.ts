/**
 * Generates the en-GB interaction model from content: topic intents and their samples, the TOPIC and
 * NATION slot types (value ids = content ids), the non-topic intents and Amazon built-ins.
 */
import type { LoadedContent } from '../content/load';
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
      intents: ModelIntent[];
      types: { name: string; values: { id: string; name: { value: string; synonyms?: string[] } }[] }[];
    };
  };
}

const spokenForm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function intentFrom(name: string, slots: Record<string, string> | undefined, templates: string[]): ModelIntent {
  const samples = [...new Set(templates.flatMap(expandTemplate))];
  const intent: ModelIntent = { name, samples };
  if (slots) intent.slots = Object.entries(slots).map(([slotName, type]) => ({ name: slotName, type }));
  return intent;
}

export function buildInteractionModel({ compiled, intentsFile }: LoadedContent): InteractionModel {
  const builtIns = Object.entries(intentsFile.builtIns).map(([name, samples]) => intentFrom(name, undefined, samples));
  const topicIntents = compiled.topics.filter((t) => t.intent).map((t) => intentFrom(t.intent!.name, t.intent!.slots, t.intent!.samples));
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

  return {
    interactionModel: {
      languageModel: {
        invocationName: intentsFile.invocationName,
        intents: [...builtIns, ...safety, ...topicIntents, ...others],
        types: [nationType, topicType],
      },
    },
  };
}
