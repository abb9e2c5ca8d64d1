/**
 * Reads content/<locale>/ and validates it. Every problem is reported with the file, the topic (or entry)
 * and the field, so an editor can find it without reading TypeScript.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { passageKeys } from '../../lambda/search/passage-keys';
import { passageIntentName } from '../model/names';
import type { z } from 'zod';
import {
  framingSchema,
  intentsFileSchema,
  nationSchema,
  promptsSchema,
  safetySchema,
  searchSchema,
  speechSchema,
  topicSchema,
  triageSchema,
  understandingSchema,
  type CompiledContent,
  type IntentsFile,
  type Topic,
} from '../../lambda/content/schema';

export const REPO_ROOT = join(__dirname, '..', '..');

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Content is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface LoadedContent {
  compiled: CompiledContent;
  intentsFile: IntentsFile;
  /** Which file each topic came from, for messages. */
  topicFiles: Record<string, string>;
}

function readYamlFile(file: string, name: string, problems: string[]): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${name}: cannot be read as YAML: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function check<T>(schema: z.ZodType<T>, data: unknown, where: (path: PropertyKey[]) => string, problems: string[]): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push(`${where(issue.path)}: ${issue.message}`);
  }
  return undefined;
}

/** A field of parsed YAML, which may be any value at all. */
const fieldOf = (raw: unknown, key: string): unknown => (typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined);

const fieldName = (path: PropertyKey[]) => (path.length ? path.map(String).join('.') : '(whole file)');

const passageExists = (topic: Topic, key: string) => passageKeys(topic).includes(key);

export function loadContent(locale = 'en-GB', contentRoot = join(REPO_ROOT, 'content')): LoadedContent {
  const dir = join(contentRoot, locale);
  const problems: string[] = [];
  // Messages name files as an editor sees them: content/<locale>/…
  const rel = (file: string) => join('content', relative(contentRoot, file));
  const readYaml = (file: string) => readYamlFile(file, rel(file), problems);
  const fileCheck = <T>(name: string, schema: z.ZodType<T>, pick?: (raw: unknown) => unknown): T | undefined => {
    const file = join(dir, name);
    const raw = readYaml(file);
    if (raw === undefined) return undefined;
    return check(schema, pick ? pick(raw) : raw, (path) => `${rel(file)}: field ${fieldName(path)}`, problems);
  };

  const topicFiles: Record<string, string> = {};
  const topics: Topic[] = [];
  const invalidTopicIds = new Set<string>();
  const topicsDir = join(dir, 'topics');
  for (const name of readdirSync(topicsDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const file = join(topicsDir, name);
    const raw = readYaml(file);
    if (raw === undefined) continue;
    const rawId = fieldOf(raw, 'id');
    const label = `${rel(file)}: topic ${typeof rawId === 'string' ? rawId : '(no id)'}`;
    const topic = check(topicSchema, raw, (path) => `${label}: field ${fieldName(path)}`, problems);
    if (!topic) {
      // Still known by id, so other topics pointing at it don't add noise to the one real problem.
      if (typeof rawId === 'string') invalidTopicIds.add(rawId);
      continue;
    }
    if (`${topic.id}.yaml` !== name) problems.push(`${label}: field id: must match the file name (${name})`);
    if (topicFiles[topic.id]) problems.push(`${label}: field id: "${topic.id}" is also used in ${topicFiles[topic.id]}`);
    topicFiles[topic.id] = rel(file);
    topics.push(topic);
  }

  const nations = fileCheck('nations.yaml', nationSchema.array().min(1), (raw) => fieldOf(raw, 'nations'));
  const framing = fileCheck('framing.yaml', framingSchema);
  const prompts = fileCheck('prompts.yaml', promptsSchema);
  const speech = fileCheck('speech.yaml', speechSchema);
  const search = fileCheck('search.yaml', searchSchema);
  const intentsFile = fileCheck('intents.yaml', intentsFileSchema);
  const safety = fileCheck('safety.yaml', safetySchema);
  const triage = fileCheck('triage.yaml', triageSchema);
  const understanding = fileCheck('understanding.yaml', understandingSchema);

  if (!nations || !framing || !prompts || !speech || !search || !intentsFile || !safety || !triage || !understanding) throw new ContentError(problems);

  // Cross-references: everything a file points at must exist.
  const topicIds = new Set([...topics.map((t) => t.id), ...invalidTopicIds]);
  const sourceIds = new Set(Object.keys(framing.sources));
  const intentTopics: Record<string, string> = {};
  for (const topic of topics) {
    const label = `${topicFiles[topic.id]}: topic ${topic.id}`;
    if (topic.followUp && !topicIds.has(topic.followUp.topic)) problems.push(`${label}: field followUp.topic: no topic "${topic.followUp.topic}"`);
    if (topic.followUp?.topic === topic.id) problems.push(`${label}: field followUp.topic: must offer a different topic`);
    topic.related.forEach((r, i) => {
      if (!topicIds.has(r)) problems.push(`${label}: field related.${i}: no topic "${r}"`);
    });
    topic.sources.forEach((s, i) => {
      if (!sourceIds.has(s)) problems.push(`${label}: field sources.${i}: no source "${s}" in framing.yaml`);
    });
    topic.updates?.forEach((u, i) => {
      if (!sourceIds.has(u.source)) problems.push(`${label}: field updates.${i}.source: no source "${u.source}" in framing.yaml`);
    });
    for (const [key, passage] of Object.entries(topic.passages ?? {})) {
      if (!passageExists(topic, key)) problems.push(`${label}: field passages.${key}: the topic has no such passage`);
      if (passage.answerWith) {
        const [targetId, targetKey] = passage.answerWith.split('#');
        const target = topics.find((t) => t.id === targetId);
        if (!target || !passageExists(target, targetKey)) problems.push(`${label}: field passages.${key}.answerWith: no passage "${passage.answerWith}"`);
        else if (target.passages?.[targetKey]?.answerWith) problems.push(`${label}: field passages.${key}.answerWith: "${passage.answerWith}" is answered with another passage itself`);
      }
    }
    if (topic.intent) {
      if (intentTopics[topic.intent.name]) problems.push(`${label}: field intent.name: ${topic.intent.name} already answers topic ${intentTopics[topic.intent.name]}`);
      intentTopics[topic.intent.name] = topic.id;
    }
  }
  // Each passage with questions is an intent of its own, so Alexa routes "will it cost more" to the
  // sentence about travel costs rather than to the start of the disadvantages.
  const passageIntents: Record<string, string> = {};
  for (const topic of topics) {
    for (const [key, passage] of Object.entries(topic.passages ?? {})) {
      if (key === 'short' || !passage.questions?.length) continue;
      passageIntents[passageIntentName(topic, key)] = `${topic.id}#${key}`;
    }
  }
  nations.forEach((nation, i) => {
    const where = `${rel(join(dir, 'nations.yaml'))}: nation ${nation.id}`;
    if (nations.findIndex((n) => n.id === nation.id) !== i) problems.push(`${where}: field id: used twice`);
    [...nation.service.sources, ...(nation.service.update ? [nation.service.update.source] : [])].forEach((s) => {
      if (!sourceIds.has(s)) problems.push(`${where}: field service.sources: no source "${s}" in framing.yaml`);
    });
  });
  for (const intent of intentsFile.intents) {
    if (intentTopics[intent.name]) problems.push(`content/${locale}/intents.yaml: intent ${intent.name}: already defined by topic ${intentTopics[intent.name]}`);
  }
  const nationIds = new Set(nations.map((n) => n.id));
  const safetyIntents: Record<string, string> = {};
  for (const name of Object.keys(passageIntents)) {
    if (intentTopics[name] || intentsFile.intents.some((i) => i.name === name))
      problems.push(`content/${locale}: passage intent ${name} (${passageIntents[name]}) clashes with an intent of the same name`);
  }
  const takenIntents = new Set([...Object.keys(intentTopics), ...Object.keys(passageIntents), ...intentsFile.intents.map((i) => i.name)]);
  for (const [answerId, answer] of Object.entries(safety.answers)) {
    const where = `content/${locale}/safety.yaml: answer ${answerId}`;
    answer.sources.forEach((s, i) => {
      if (!sourceIds.has(s)) problems.push(`${where}: field sources.${i}: no source "${s}" in framing.yaml`);
    });
    answer.lines.forEach((line, i) => {
      if (typeof line === 'string') return;
      for (const key of Object.keys(line.nation)) if (key !== 'default' && !nationIds.has(key)) problems.push(`${where}: field lines.${i}.nation.${key}: no nation "${key}" in nations.yaml`);
    });
    if (takenIntents.has(answer.intent.name) || safetyIntents[answer.intent.name]) problems.push(`${where}: field intent.name: ${answer.intent.name} is already used`);
    safetyIntents[answer.intent.name] = answerId;
  }
  triage.rules.forEach((rule, i) => {
    if (!Object.hasOwn(safety.answers, rule.answer)) problems.push(`content/${locale}/triage.yaml: field rules.${i}.answer: no answer "${rule.answer}" in safety.yaml`);
  });
  // A "topic#key" reference names a passage that exists.
  const hasPassage = (ref: string) => {
    const [topicId, key] = ref.split('#');
    const topic = topics.find((t) => t.id === topicId);
    return topic !== undefined && passageExists(topic, key);
  };
  for (const service of understanding.otherServices) {
    if (!hasPassage(service.passage)) problems.push(`content/${locale}/understanding.yaml: otherServices ${service.id}: no passage "${service.passage}"`);
  }
  for (const topic of topics) {
    if (topic.ifNot && !hasPassage(topic.ifNot)) problems.push(`content/${locale}/topics/${topic.id}.yaml: field ifNot: no passage "${topic.ifNot}"`);
  }
  for (const feeling of understanding.feelings) {
    if (feeling.answer && !hasPassage(feeling.answer)) problems.push(`content/${locale}/understanding.yaml: feelings ${feeling.id}: no passage "${feeling.answer}"`);
  }
  if (!hasPassage(understanding.askingForOne.answer)) problems.push(`content/${locale}/understanding.yaml: field askingForOne.answer: no passage "${understanding.askingForOne.answer}"`);
  understanding.passages.unsureChoices.forEach((choice, i) => {
    if (!topicIds.has(choice)) problems.push(`content/${locale}/understanding.yaml: field passages.unsureChoices.${i}: no topic "${choice}"`);
  });
  if (!topicIds.has(understanding.feelingsOffer.topic)) problems.push(`content/${locale}/understanding.yaml: field feelingsOffer.topic: no topic "${understanding.feelingsOffer.topic}"`);
  if (problems.length) throw new ContentError(problems);

  return {
    compiled: { locale, topics, intentTopics, passageIntents, nations, framing, prompts, speech, search, safety, safetyIntents, triage, understanding },
    intentsFile,
    topicFiles,
  };
}
