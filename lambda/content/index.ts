/**
 * The content the skill speaks from, inlined into the bundle by esbuild. `npm run build`
 * (tools/build-content.ts) validates content/<locale>/*.yaml and writes lambda/generated/content.json:
 * everything the skill says, without what only the build needs (see RuntimeContent).
 */
import compiled from '../generated/content.json';
import type { RuntimeContent, RuntimeNation, RuntimeTopic } from './schema';

export type Topic = RuntimeTopic;
export type Nation = RuntimeNation;

export const content = compiled as unknown as RuntimeContent;

const topicsById = new Map(content.topics.map((topic) => [topic.id, topic]));
const nationsById = new Map(content.nations.map((nation) => [nation.id, nation]));

export function findTopic(id: string | undefined): Topic | undefined {
  return id === undefined ? undefined : topicsById.get(id);
}

export function topicForIntent(intentName: string): Topic | undefined {
  return findTopic(content.intentTopics[intentName]);
}

export function findNation(id: string | undefined): Nation | undefined {
  return id === undefined ? undefined : nationsById.get(id);
}

/** Fills "{name}" placeholders in a prompt. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The topic that answers with a nation's services ("who can help"): the first marked needsNation. */
export function nationTopic(): Topic {
  return content.topics.find((topic) => topic.needsNation)!;
}
