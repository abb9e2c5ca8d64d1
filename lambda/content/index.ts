/**
 * The content the skill speaks from, inlined into the bundle by esbuild. `npm run build`
 * (tools/build-content.ts) validates content/<locale>/*.yaml and writes it in two parts: content.json,
 * what any turn may say, and library.json, the guidance itself. Both leave out what only the build needs
 * (see RuntimeContent).
 */
import everyTurn from '../generated/content.json';
import type { RuntimeContent, RuntimeEveryTurn, RuntimeLibrary, RuntimeNation, RuntimeTopic } from './schema';

export type Topic = RuntimeTopic;
export type Nation = RuntimeNation;

let library: RuntimeLibrary | undefined;

// require() here, not import: esbuild then evaluates library.json's JSON.parse on first use. A launch, the
// most common cold start, never reads a topic, so it skips two-thirds of the content (npm run bench).
function loadLibrary(): RuntimeLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('../generated/library.json') as RuntimeLibrary;
  return library;
}

/** All the content as one object; reading topics or nations loads the library. */
export const content: RuntimeContent = {
  ...(everyTurn as unknown as RuntimeEveryTurn),
  get topics() {
    return loadLibrary().topics;
  },
  get nations() {
    return loadLibrary().nations;
  },
  get safety() {
    return loadLibrary().safety;
  },
};

let topicsById: Map<string, Topic> | undefined;
let nationsById: Map<string, Nation> | undefined;

export function findTopic(id: string | undefined): Topic | undefined {
  if (id === undefined) return undefined;
  topicsById ??= new Map(content.topics.map((topic) => [topic.id, topic]));
  return topicsById.get(id);
}

export function topicForIntent(intentName: string): Topic | undefined {
  // An own key only: an intent named "constructor" must not reach Object.prototype.
  return Object.hasOwn(content.intentTopics, intentName) ? findTopic(content.intentTopics[intentName]) : undefined;
}

/** The passage an intent generated from a passage's questions answers. */
export function passageForIntent(intentName: string): { topic: Topic; key: string } | undefined {
  if (!Object.hasOwn(content.passageIntents, intentName)) return undefined;
  const [topicId, key] = content.passageIntents[intentName].split('#');
  const topic = findTopic(topicId);
  return topic ? { topic, key } : undefined;
}

/** The passage ("topic#key") that answers a service of no one nation, by its SERVICE slot id. */
export function otherServicePassage(id: string): string | undefined {
  return content.understanding.otherServices.find((s) => s.id === id)?.passage;
}

export function findNation(id: string | undefined): Nation | undefined {
  if (id === undefined) return undefined;
  nationsById ??= new Map(content.nations.map((nation) => [nation.id, nation]));
  return nationsById.get(id);
}

/** Fills "{name}" placeholders in a prompt. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The topic that answers with a nation's services ("who can help"): the first marked needsNation. */
export function nationTopic(): Topic {
  return content.topics.find((topic) => topic.needsNation)!;
}
