/**
 * Compiles content/en-GB for the Lambda and for Alexa:
 *   lambda/generated/content.json       what every turn may say (prompts, framing, speech), inlined
 *   lambda/generated/library.json       the guidance (topics, nations), inlined, parsed on first use
 *   lambda/generated/triage.json        urgent-help triage patterns, compiled, loaded on the first words
 *   lambda/generated/understanding.json acts, list references, places and feelings, compiled, loaded on the first words
 *   lambda/generated/passages.json      passage search (MiniSearch index, prepared terms, thresholds), loaded on the first free question
 *   skill-package/interactionModels/custom/en-GB.json  the interaction model ask-cli deploys
 * Usage: tsx tools/build-content.ts [--check]   (--check fails if the committed model is out of date)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type {
  CompiledContent,
  CompiledTriage,
  CompiledUnderstanding,
  Nation,
  RuntimeSafetyAnswer,
  Triage,
  RuntimeContent,
  RuntimeEveryTurn,
  RuntimeLibrary,
  RuntimeNation,
  RuntimeTopic,
  Topic,
} from '../lambda/content/schema';
import { breaksFor, prosodyFor } from '../lambda/speech/breaks';
import { compilePattern, normaliseWords } from '../lambda/understanding/patterns';
import { buildPassageIndex } from './passages';
import { ContentError, loadContent, REPO_ROOT, type LoadedContent } from './content/load';
import { buildInteractionModel } from './model/build-model';
import { feelingIntentName } from './model/names';

export const MODEL_PATH = join(REPO_ROOT, 'skill-package', 'interactionModels', 'custom', 'en-GB.json');
export const GENERATED_DIR = join(REPO_ROOT, 'lambda', 'generated');

// Each function names the fields it leaves out; RuntimeContent says why.
const runtimeTopic = ({ intent, aliases, related, updates, sources, reviewed, passages, ...topic }: Topic): RuntimeTopic =>
  // The questions feed the search index only; a free answer needs just what it opens with.
  passages ? { ...topic, passages: Object.fromEntries(Object.entries(passages).map(([key, { about, answerWith }]) => [key, answerWith ? { about, answerWith } : { about }])) } : topic;

const runtimeNation = ({ places, service: { sources, update, calledAs, calledAsAlone, ...service }, ...nation }: Nation): RuntimeNation => ({
  ...nation,
  service: update ? { ...service, update: { note: update.note } } : service,
});

/** The content the Lambda carries, whole; splitRuntimeContent says how it is bundled. */
export function runtimeContent({ framing, topics, nations, speech: { pauses, rates, ...speech }, search, safety, triage, understanding, ...rest }: CompiledContent): RuntimeContent {
  const { sources, ...spokenFraming } = framing;
  const answers = Object.entries(safety.answers).map(([answerId, { intent, sources: answerSources, ...answer }]): [string, RuntimeSafetyAnswer] => [answerId, answer]);
  return {
    ...rest,
    topics: topics.map(runtimeTopic),
    nations: nations.map(runtimeNation),
    framing: spokenFraming,
    safety: Object.fromEntries(answers),
    speech: { ...speech, breaks: breaksFor(pauses), prosody: prosodyFor(rates) },
    understanding: {
      notPlaceWords: understanding.notPlaceWords,
      listReferences: understanding.listReferences.say,
      feelingsOffer: understanding.feelingsOffer,
      passages: understanding.passages,
      otherServices: understanding.otherServices.map(({ id, passage }) => ({ id, passage })),
      feelingIntents: Object.fromEntries(understanding.feelings.filter((f) => f.samples?.length).map((f) => [feelingIntentName(f.id), { say: f.say, ...(f.answer ? { answer: f.answer } : {}) }])),
    },
  };
}

// One alternation per list rather than a regular expression per pattern: the first free question after
// a cold start compiled ~230 of them (npm run bench: 35 → 30 ms). An empty list matches nothing.
const oneOf = (patterns: string[]) => (patterns.length ? patterns.map((p) => `(?:${compilePattern(p)})`).join('|') : '(?!)');

/** Names as the understanding layer sees them (normalised), each mapped to its nation, longest first. */
function namesToNations(nations: Nation[], names: (nation: Nation) => string[]): Record<string, string> {
  const pairs = nations.flatMap((nation) => names(nation).map((name): [string, string] => [normaliseWords(name), nation.id]));
  return Object.fromEntries(pairs.sort((a, b) => b[0].length - a[0].length));
}

const wordsPattern = (names: string[]) => (names.length ? `(?<= )(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?= )` : '(?!)');

/** understanding.yaml compiled, with the places and service names of nations.yaml. */
export function compileUnderstanding({ understanding, nations }: CompiledContent): CompiledUnderstanding {
  const places = namesToNations(nations, (n) => [n.name, ...n.places]);
  const services = namesToNations(nations, (n) => n.service.calledAs);
  const servicesAlone = namesToNations(nations, (n) => n.service.calledAsAlone ?? []);
  const otherServices: Record<string, string> = Object.fromEntries(
    understanding.otherServices.flatMap((s) => s.calledAs.map((name): [string, string] => [normaliseWords(name), s.passage])).sort((a, b) => b[0].length - a[0].length),
  );
  return {
    // Kept apart, not one alternation: an utterance is split into acts and fillers by trying every
    // pattern at each position (recognisers.ts), and an alternation would stop at its first fit.
    acts: Object.fromEntries(Object.entries(understanding.acts).map(([act, patterns]) => [act, patterns.map(compilePattern)])) as CompiledUnderstanding['acts'],
    fillers: understanding.fillers.map(compilePattern),
    ordinals: understanding.listReferences.ordinals,
    itemWords: understanding.listReferences.itemWords,
    closers: understanding.listReferences.closers,
    feelings: understanding.feelings.map((f) => ({ id: f.id, any: oneOf(f.any), say: f.say, ...(f.answer ? { answer: f.answer } : {}) })),
    ifNot: oneOf(understanding.ifNot.patterns),
    askingForOne: { pattern: oneOf(understanding.askingForOne.patterns), answer: understanding.askingForOne.answer },
    placeOfCare: understanding.placeOfCare,
    serviceFollowUp: {
      reach: oneOf(understanding.serviceFollowUp.reach),
      does: oneOf(understanding.serviceFollowUp.does),
      pronouns: understanding.serviceFollowUp.pronouns.map(normaliseWords),
      pronounClosers: understanding.serviceFollowUp.pronounClosers,
    },
    places,
    services,
    servicesAlone,
    otherServices,
    otherServicePattern: wordsPattern(Object.keys(otherServices)),
    placePattern: wordsPattern(Object.keys(places)),
    servicePattern: wordsPattern(Object.keys(services)),
  };
}

/** The triage patterns as regular-expression sources, so the Lambda never parses the pattern language. */
export function compileTriage({ calm, pastIsCalmFor, past, now, rules }: Triage): CompiledTriage {
  return {
    calm: oneOf(calm),
    pastIsCalmFor,
    past: oneOf(past),
    now: oneOf(now),
    rules: rules.map((rule) => ({
      answer: rule.answer,
      category: rule.category,
      ...(rule.any ? { any: oneOf(rule.any) } : {}),
      ...(rule.all ? { all: rule.all.map(compilePattern) } : {}),
      ...(rule.unless ? { unless: oneOf(rule.unless) } : {}),
    })),
  };
}

/** lambda/generated/content.json (parsed at every cold start) and library.json (parsed on first use). */
export function splitRuntimeContent({ topics, nations, safety, ...everyTurn }: RuntimeContent): { everyTurn: RuntimeEveryTurn; library: RuntimeLibrary } {
  return { everyTurn, library: { topics, nations, safety } };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * The generated files that are committed, by absolute path, with the text content makes for each. Only
 * the interaction model is committed (ask-cli deploys it from skill-package/); lambda/generated/ is
 * rebuilt every time. tools/verify-generated.ts compares these with what is committed.
 */
export function committedGeneratedFiles(loaded: LoadedContent, root = REPO_ROOT): Record<string, string> {
  return { [join(root, relative(REPO_ROOT, MODEL_PATH))]: json(buildInteractionModel(loaded)) };
}

export function buildContent({ check = false } = {}): LoadedContent {
  const loaded = loadContent();
  const { everyTurn, library } = splitRuntimeContent(runtimeContent(loaded.compiled));
  write(join(GENERATED_DIR, 'content.json'), JSON.stringify(everyTurn));
  write(join(GENERATED_DIR, 'library.json'), JSON.stringify(library));
  write(join(GENERATED_DIR, 'triage.json'), JSON.stringify(compileTriage(loaded.compiled.triage)));
  write(join(GENERATED_DIR, 'understanding.json'), JSON.stringify(compileUnderstanding(loaded.compiled)));
  write(join(GENERATED_DIR, 'passages.json'), JSON.stringify(buildPassageIndex(loaded)));
  for (const [file, text] of Object.entries(committedGeneratedFiles(loaded))) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      // Not there yet: written below.
    }
    if (committed === text) continue;
    if (check) throw new Error(`${file} is out of date with content/: run npm run build and commit it.`);
    write(file, text);
  }
  return loaded;
}

if (require.main === module) {
  try {
    const loaded = buildContent({ check: process.argv.includes('--check') });
    console.log(`content: ${loaded.compiled.topics.length} topics, ${loaded.compiled.nations.length} nations: valid`);
  } catch (error) {
    console.error(error instanceof ContentError ? error.message : error);
    process.exit(1);
  }
}
