/**
 * Offline certification checks (`npm run check`, and test/certification.test.ts): the manifest and model
 * against Alexa's rules, and a scripted tour of the built bundle with every response checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check as checkSsml } from 'ssml-check-core';
import { KEEP_FOR_DAYS } from '../lambda/memory/record';
import { MODEL_PATH } from './build-content';
import { loadBundle } from './bundle';
import { REPO_ROOT } from './content/load';
import type { InteractionModel } from './model/build-model';
import { Resolver } from './local/resolver';
import type { LocalDevice } from './local/envelope';
import { LocalSession, type Invoke } from './local/session';

export const TOUR = [
  'open second opinion guide',
  'why get a second opinion',
  'next',
  'previous',
  'repeat',
  'yes',
  'more',
  'next',
  'what should I ask the specialist',
  'next',
  'next',
  'next',
  'yes',
  'Wales',
  'who helps in France',
  'Belfast',
  'can my daughter ask for me',
  'I want to know if it will slow things down',
  'what if my husband has chest pain',
  'what are the pros',
  'the downsides',
  'tell me about the MDT',
  'play some jazz',
  'help',
  'start over',
  'no',
  'open second opinion guide',
  'stop',
];

const REQUIRED_BUILT_INS = ['Help', 'Stop', 'Cancel', 'Fallback', 'NavigateHome', 'Next', 'Previous', 'Repeat', 'StartOver', 'More', 'Yes', 'No'].map((n) => `AMAZON.${n}Intent`);

/** The parts of skill-package/skill.json these checks read. */
interface SkillJson {
  manifest: {
    apis: { custom: { interfaces?: { type: string; supportedViewports?: unknown[] }[] } };
    publishingInformation: {
      locales: Record<string, { examplePhrases: string[]; description: string; smallIconUri?: string; largeIconUri?: string }>;
      distributionCountries?: string[];
    };
  };
}

export function checkModelAndManifest(): string[] {
  const problems: string[] = [];
  const model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as InteractionModel;
  const { manifest } = JSON.parse(readFileSync(join(REPO_ROOT, 'skill-package', 'skill.json'), 'utf8')) as SkillJson;
  const { invocationName, intents, types } = model.interactionModel.languageModel;

  if (!/^[a-z]+( [a-z]+){1,3}$/.test(invocationName)) problems.push(`invocation name "${invocationName}" must be 2–4 lower-case words`);
  for (const word of ['alexa', 'amazon', 'echo', 'skill', 'app', 'open', 'ask', 'launch', 'start', 'tell', 'play', 'to', 'for', 'from', 'about', 'and'])
    if (invocationName.split(' ').includes(word)) problems.push(`invocation name must not contain "${word}"`);

  const owner = new Map<string, string>();
  for (const intent of intents) {
    for (const sample of intent.samples) {
      const key = sample.toLowerCase();
      if (owner.has(key) && owner.get(key) !== intent.name) problems.push(`sample "${sample}" is in ${owner.get(key)} and ${intent.name}`);
      owner.set(key, intent.name);
      if (key.includes(invocationName)) problems.push(`sample "${sample}" (${intent.name}) contains the invocation name`);
    }
  }
  for (const name of REQUIRED_BUILT_INS) if (!intents.some((i) => i.name === name)) problems.push(`built-in ${name} is missing`);
  for (const type of types) for (const value of type.values) if (!value.id) problems.push(`slot type ${type.name} value "${value.name.value}" has no id`);

  // Example phrases: wake word, then a launch phrase, or "ask <invocation> [connecting word] <a real sample>".
  const resolver = new Resolver(model);
  const locale = manifest.publishingInformation.locales['en-GB'];
  locale.examplePhrases.forEach((phrase, i) => {
    if (!/^Alexa, /.test(phrase)) problems.push(`example phrase ${i + 1} "${phrase}" must start with "Alexa, "`);
    if (!phrase.toLowerCase().includes(invocationName)) problems.push(`example phrase ${i + 1} "${phrase}" must use the invocation name`);
    const resolved = resolver.resolve(phrase);
    const ok = i === 0 ? resolved.kind === 'launch' : resolved.kind === 'intent' && resolved.how === 'exact' && resolved.oneShot;
    if (!ok) problems.push(`example phrase ${i + 1} "${phrase}" does not resolve to ${i === 0 ? 'a launch' : 'a sample utterance'}`);
  });
  if (manifest.publishingInformation.distributionCountries?.join() !== 'GB') problems.push('distribution must be GB only');
  // The skill sends APL documents to screens: the manifest must say so, or Alexa rejects them.
  const apl = manifest.apis.custom.interfaces?.find((i) => i.type === 'ALEXA_PRESENTATION_APL');
  if (!apl?.supportedViewports?.length) problems.push('skill.json must declare ALEXA_PRESENTATION_APL with its supported viewports');
  if (!/not medical advice/.test(locale.description) || !/999/.test(locale.description)) problems.push('description must carry the disclaimer and 999');
  // The store page says what is remembered, for how long, and how to delete it (PRIVACY.md says the rest).
  if (!locale.description.includes(`${KEEP_FOR_DAYS} days`) || !locale.description.includes('forget me'))
    problems.push(`description must say memory is kept ${KEEP_FOR_DAYS} days and how to delete it ("forget me")`);
  for (const key of ['smallIconUri', 'largeIconUri'] as const) {
    const uri = locale[key];
    if (!uri?.startsWith('file://')) problems.push(`${key} must be a file:// path`);
    else {
      const png = readFileSync(join(REPO_ROOT, 'skill-package', uri.slice('file://'.length)));
      const size = png.readUInt32BE(16);
      const expected = key === 'smallIconUri' ? 108 : 512;
      if (png.readUInt32BE(0) !== 0x89504e47 || size !== expected || png.readUInt32BE(20) !== expected) problems.push(`${key} must be a ${expected}×${expected} PNG`);
    }
  }
  return problems;
}

export interface TourTurn {
  said: string;
  ssml: string;
  problems: string[];
}

/**
 * Plays the tour through `invoke` and checks every response. On a screen device every response carries
 * one APL document; on a speaker none does (certification sends both).
 */
export async function checkTour(invoke: Invoke, tour = TOUR, device: LocalDevice = {}): Promise<TourTurn[]> {
  const resolver = new Resolver(JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as InteractionModel);
  const session = new LocalSession(invoke, undefined, device);
  const turns: TourTurn[] = [];
  for (const said of tour) {
    const resolution = resolver.resolve(said);
    if (resolution.kind === 'empty') continue;
    const heard = await session.play(resolution);
    const problems: string[] = [];
    for (const [label, ssml] of [
      ['speech', heard.ssml],
      ['reprompt', heard.repromptSsml],
    ] as const) {
      if (!ssml) continue;
      const errors = await checkSsml(ssml, { platform: 'amazon' });
      if (errors?.length) problems.push(`${label} SSML is not valid for Alexa: ${JSON.stringify(errors)}`);
      if (ssml.length >= 8000) problems.push(`${label} is ${ssml.length} characters (limit 8,000)`);
    }
    if (!heard.endSession && !heard.reprompt) problems.push('session stays open without a reprompt');
    if (heard.endSession && heard.speech.includes('?')) problems.push('session ends on a question');
    const directives = heard.envelope.response.directives ?? [];
    if (device.screen && (directives.length !== 1 || !heard.render)) problems.push('a screen device without its APL document');
    if (!device.screen && directives.length) problems.push(`${directives.length} directive(s) sent to a device without a screen`);
    turns.push({ said, ssml: heard.ssml, problems });
  }
  return turns;
}

async function main(): Promise<void> {
  process.env.SKILL_LOG = 'off';
  const handler = loadBundle();
  const problems = checkModelAndManifest();
  const turns = [...(await checkTour(handler)), ...(await checkTour(handler, TOUR, { screen: true }))];
  for (const turn of turns) for (const p of turn.problems) problems.push(`tour "${turn.said}": ${p}`);
  console.log(`certification checks: model, manifest, icons, and ${turns.length} tour responses (speaker and screen)`);
  if (problems.length) {
    console.error(problems.map((p) => `  ✗ ${p}`).join('\n'));
    process.exit(1);
  }
  console.log('  ✓ all passed');
}

if (require.main === module) void main();
