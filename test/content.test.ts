/** Content: valid, within the listening budgets, and covering every fact of the source guidance. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { wordCount } from '../lambda/dialogue/pages';
import { breakMarkup, prosodyTags } from '../lambda/speech/breaks';
import { GENERATED_DIR, runtimeContent } from '../tools/build-content';
import { ContentError, loadContent, REPO_ROOT } from '../tools/content/load';
import { Chat, expectAlexa } from './harness';

const loaded = loadContent();
const { topics, nations, framing } = loaded.compiled;

/** All that a topic can say, including a nation's service for the topic that names them. */
function topicText(id: string): string {
  const topic = topics.find((t) => t.id === id);
  if (!topic) throw new Error(`no topic ${id}`);
  const services = topic.needsNation ? nations.flatMap((n) => [n.service.introduction, n.service.does, n.service.reach, n.service.update?.note ?? '']) : [];
  return [topic.shortAnswer, ...topic.detail, ...(topic.list?.items.flatMap((i) => [i.spoken, i.written ?? '']) ?? []), ...services].join(' ');
}

describe('validation', () => {
  test('the four UK nations each have their service', () => {
    expect(nations.map((n) => n.id).sort()).toEqual(['england', 'northern-ireland', 'scotland', 'wales']);
  });

  function brokenCopy(edit: (dir: string) => void): string[] {
    const root = mkdtempSync(join(tmpdir(), 'content-'));
    cpSync(join(REPO_ROOT, 'content'), root, { recursive: true });
    edit(join(root, 'en-GB'));
    try {
      loadContent('en-GB', root);
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      return (error as ContentError).problems;
    }
    throw new Error('the broken content was accepted');
  }

  test('a bad field is reported with its file, topic and field', () => {
    const problems = brokenCopy((dir) => {
      const file = join(dir, 'topics', 'delay.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^reviewed: .*$/m, 'reviewed: last tuesday'));
    });
    expect(problems).toEqual([expect.stringMatching(/^content\/en-GB\/topics\/delay\.yaml: topic delay: field reviewed: must be a date/)]);
  });

  test('screen words and dangling references are caught', () => {
    const problems = brokenCopy((dir) => {
      const file = join(dir, 'topics', 'preparing.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('It can also help', 'Click below. It can also help').replace('topic: questions-to-ask', 'topic: no-such-topic'));
    });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/preparing\.yaml: topic preparing: field detail\.0: must not use screen words/)]));
    const dangling = brokenCopy((dir) => {
      const file = join(dir, 'topics', 'preparing.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('topic: questions-to-ask', 'topic: no-such-topic'));
    });
    expect(dangling).toEqual([expect.stringMatching(/preparing\.yaml: topic preparing: field followUp\.topic: no topic "no-such-topic"/)]);
  });
});

describe('budgets for the ear', () => {
  test.each(topics.map((t) => [t.id, t] as const))('%s: short answer ≤ 35 words, chunks ≤ 90, items 1–30', (_id, topic) => {
    expect(wordCount(topic.shortAnswer)).toBeLessThanOrEqual(35);
    for (const paragraph of topic.detail) expect(wordCount(paragraph)).toBeLessThanOrEqual(90);
    for (const item of topic.list?.items ?? []) {
      expect(wordCount(item.spoken)).toBeGreaterThanOrEqual(1);
      expect(wordCount(item.spoken)).toBeLessThanOrEqual(30);
    }
  });

  test('every nation answer fits in one spoken chunk', () => {
    for (const n of nations) {
      const chunk = [n.service.introduction, n.service.does, n.service.update?.note ?? '', n.service.reach].join(' ');
      expect(wordCount(chunk)).toBeLessThanOrEqual(90);
    }
  });

  test('abbreviations are introduced in full', () => {
    expect(topicText('referral-help')).toContain('PALS, the Patient Advice and Liaison Service');
    expect(topicText('how-treatment-is-planned')).toContain('the multidisciplinary team, or MDT');
  });
});

interface Fact {
  fact: string;
  topic: string;
  says: string[];
}

describe('coverage of the source guidance', () => {
  const facts = parse(readFileSync(join(__dirname, 'fixtures', 'source-facts.yaml'), 'utf8')) as Fact[];

  test.each(facts.map((f) => [f.fact, f] as const))('%s', (_fact, fact) => {
    const said = topicText(fact.topic).toLowerCase();
    for (const phrase of fact.says) expect(said).toContain(phrase.toLowerCase());
  });
});

describe('currency and safety', () => {
  test('Wales names Llais, flags the Community Health Councils change and records the source', () => {
    const wales = nations.find((n) => n.id === 'wales')!;
    expect(wales.service.name).toBe('Llais');
    expect(wales.service.update?.note).toMatch(/Llais.*Community Health Councils.*April 2023/);
    // Said first, too: listeners who know the older guidance ask for the councils by name.
    expect(wales.service.introduction).toMatch(/Llais.*Community Health Councils/);
    expect(framing.sources[wales.service.update!.source].url).toMatch(/^https:\/\/www\.gov\.wales\//);
  });

  test('the disclaimer says this is general information, not medical advice', () => {
    expect(framing.disclaimer).toMatch(/general information, not medical advice/);
  });

  test('a topic that says the disclaimer itself says it word for word, so it is not heard twice', () => {
    // The first guidance of a session adds the disclaimer unless the answer already holds that exact
    // sentence (lambda/speech/reply.ts): an answer saying it in other words would hear it twice.
    const said = loaded.compiled.prompts.disclaimerFirstTurn.replace('{disclaimer}', framing.disclaimer);
    for (const topic of topics) {
      for (const part of [topic.shortAnswer, ...topic.detail]) {
        if (/not medical advice/i.test(part)) expect([topic.id, part.includes(said)]).toEqual([topic.id, true]);
      }
    }
  });
});

describe('what the Lambda carries', () => {
  // Passage questions feed the passage index and the model; service names and places, understanding.json.
  const BUILD_ONLY = ['intent', 'aliases', 'places', 'sources', 'reviewed', 'related', 'updates', 'since', 'source', 'questions', 'calledAs', 'calledAsAlone'];

  /** Every string in the content, skipping fields the Lambda leaves out. */
  function spokenStrings(value: unknown): string[] {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(spokenStrings);
    if (value && typeof value === 'object') {
      return Object.entries(value).flatMap(([key, v]) => (BUILD_ONLY.includes(key) ? [] : spokenStrings(v)));
    }
    return [];
  }

  const generated = (file: string) => JSON.parse(readFileSync(join(GENERATED_DIR, file), 'utf8')) as Record<string, unknown>;

  test('the bundled content is the runtime projection of content/, the guidance library apart', () => {
    const everyTurn = generated('content.json');
    const library = generated('library.json');
    expect({ ...everyTurn, ...library }).toEqual(runtimeContent(loaded.compiled));
    expect(Object.keys(library).sort()).toEqual(['nations', 'safety', 'topics']);
    expect(Object.keys(everyTurn)).not.toContain('topics');
  });

  test('pauses arrive as the breaks ssml-builder makes, and a pause Alexa would refuse fails the build', () => {
    const { breaks } = runtimeContent(loaded.compiled).speech;
    for (const [name, duration] of Object.entries(loaded.compiled.speech.pauses)) {
      expect([name, breaks[name as keyof typeof breaks]]).toEqual([name, `<break time='${duration}'/>`]);
    }
    expect(() => breakMarkup('11s')).toThrow(/pause "11s" in speech.yaml: .*10 second/);
  });

  test('rates arrive as the prosody tags ssml-builder makes, and a rate Alexa would refuse fails the build', () => {
    const { prosody } = runtimeContent(loaded.compiled).speech;
    for (const [name, rate] of Object.entries(loaded.compiled.speech.rates)) {
      expect([name, prosody[name as keyof typeof prosody]]).toEqual([name, { open: `<prosody rate='${rate}'>`, close: '</prosody>' }]);
    }
    expect(() => prosodyTags('10%')).toThrow(/rate "10%" in speech.yaml: .*minimum rate/);
  });

  test('a launch speaks without parsing the guidance library; the first topic parses it once', async () => {
    let libraryParses = 0;
    await jest.isolateModulesAsync(async () => {
      const library = jest.requireActual<object>('../lambda/generated/library.json');
      jest.doMock('../lambda/generated/library.json', () => {
        libraryParses += 1;
        return library;
      });
      const { createSkill } = await import('../lambda/skill');
      const chat = new Chat(createSkill());
      // U: open second opinion guide
      expectAlexa(await chat.user('open second opinion guide'), { says: 'second opinion', open: true });
      expect(libraryParses).toBe(0);
      // U: why get a second opinion  (and again: parsed once per container, not per turn)
      expectAlexa(await chat.user('why get a second opinion'), { says: 'reasons', open: true });
      await chat.user('why get a second opinion');
      expect(libraryParses).toBe(1);
    });
  });

  test('it keeps every line the skill can say and leaves out samples, aliases and provenance', () => {
    const runtime = runtimeContent(loaded.compiled);
    const carried = new Set(spokenStrings(runtime));
    // Pause durations and rates are carried inside their markup (checked above); search words, prepared,
    // with the passage index (test/search.test.ts); triage patterns, compiled, in triage.json (safety.test.ts);
    // act patterns, feelings and list words, compiled, in understanding.json (understanding.test.ts).
    const { pauses, rates, ...speech } = loaded.compiled.speech;
    const { search, triage, understanding, ...compiled } = loaded.compiled;
    const spokenUnderstanding = { say: understanding.listReferences.say, feelingsOffer: understanding.feelingsOffer, passages: understanding.passages };
    const missing = spokenStrings({ ...compiled, speech, understanding: spokenUnderstanding }).filter((s) => !carried.has(s));
    expect(missing).toEqual([]);
    const json = JSON.stringify(runtime);
    for (const key of BUILD_ONLY) expect([key, json.includes(`"${key}":`)]).toEqual([key, false]);
    // The Wales change is spoken, so its note stays even though its date and source do not.
    expect(runtime.nations.find((n) => n.id === 'wales')!.service.update?.note).toMatch(/Community Health Councils/);
  });
});
