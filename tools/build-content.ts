/**
 * Compiles content/en-GB for the Lambda and for Alexa:
 *   lambda/generated/content.json       what every turn may say (prompts, framing, speech), inlined
 *   lambda/generated/library.json       the guidance (topics, nations), inlined, parsed on first use
 *   lambda/generated/triage.json        urgent-help triage patterns, compiled, loaded on the first words
 *   lambda/generated/search-index.json  free-question search: index, prepared terms and thresholds, loaded on first use
 *   skill-package/interactionModels/custom/en-GB.json  the interaction model ask-cli deploys
 * Usage: tsx tools/build-content.ts [--check]   (--check fails if the committed model is out of date)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { indexDocuments, type SearchDocument } from '../lambda/search/ranker';
import type { SearchData } from '../lambda/search/retrieve';
import { termOptions, termTable } from '../lambda/search/terms';
import type {
  CompiledContent,
  CompiledTriage,
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
import { compilePattern } from '../lambda/understanding/patterns';
import { ContentError, loadContent, REPO_ROOT, type LoadedContent } from './content/load';
import { buildInteractionModel } from './model/build-model';
import { expandTemplate } from './model/expand';

export const MODEL_PATH = join(REPO_ROOT, 'skill-package', 'interactionModels', 'custom', 'en-GB.json');
export const GENERATED_DIR = join(REPO_ROOT, 'lambda', 'generated');

/** One search document per topic: its words, its names, and the ways people ask for it. */
export function searchDocuments(loaded: LoadedContent): SearchDocument[] {
  return loaded.compiled.topics.map((topic) => ({
    id: topic.id,
    title: topic.title,
    aliases: topic.aliases.join(' . '),
    samples: (topic.intent?.samples ?? [])
      .flatMap(expandTemplate)
      .map((s) => s.replace(/\{\w+\}/g, ' '))
      .join(' . '),
    text: [topic.shortAnswer, ...topic.detail, ...(topic.list?.items.map((i) => i.spoken) ?? [])].join(' '),
  }));
}

export function buildSearchData(loaded: LoadedContent): SearchData {
  const { minScore, minMargin, ...words } = loaded.compiled.search;
  const terms = termTable(words);
  return { index: indexDocuments(searchDocuments(loaded), termOptions(terms)), terms, minScore, minMargin };
}

// Each function names the fields it leaves out; RuntimeContent says why.
const runtimeTopic = ({ intent, aliases, related, updates, sources, reviewed, ...topic }: Topic): RuntimeTopic => topic;

const runtimeNation = ({ places, service: { sources, update, ...service }, ...nation }: Nation): RuntimeNation => ({
  ...nation,
  service: update ? { ...service, update: { note: update.note } } : service,
});

/** The content the Lambda carries, whole; splitRuntimeContent says how it is bundled. */
export function runtimeContent({ framing, topics, nations, speech: { pauses, rates, ...speech }, search, safety, triage, ...rest }: CompiledContent): RuntimeContent {
  const { sources, ...spokenFraming } = framing;
  const answers = Object.entries(safety.answers).map(([answerId, { intent, sources: answerSources, ...answer }]): [string, RuntimeSafetyAnswer] => [answerId, answer]);
  return {
    ...rest,
    topics: topics.map(runtimeTopic),
    nations: nations.map(runtimeNation),
    framing: spokenFraming,
    safety: Object.fromEntries(answers),
    speech: { ...speech, breaks: breaksFor(pauses), prosody: prosodyFor(rates) },
  };
}

/** The triage patterns as regular-expression sources, so the Lambda never parses the pattern language. */
export function compileTriage({ calm, pastIsCalmFor, past, now, rules }: Triage): CompiledTriage {
  // One alternation per list rather than a regular expression per pattern: the first free question after
  // a cold start compiled ~230 of them (npm run bench: 35 → 30 ms). An empty list matches nothing.
  const oneOf = (patterns: string[]) => (patterns.length ? patterns.map((p) => `(?:${compilePattern(p)})`).join('|') : '(?!)');
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
  write(join(GENERATED_DIR, 'search-index.json'), JSON.stringify(buildSearchData(loaded)));
  write(join(GENERATED_DIR, 'triage.json'), JSON.stringify(compileTriage(loaded.compiled.triage)));
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
