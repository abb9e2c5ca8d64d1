/**
 * The shape of everything under content/<locale>/. Tools validate the YAML against these schemas at build
 * and test time; the Lambda imports only the inferred types, so zod never reaches the bundle.
 */
import { z } from 'zod';
import { compilePattern } from '../understanding/patterns';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
const spokenText = z
  .string()
  .trim()
  .min(1)
  // Screen words make no sense to a listener, and markup would bypass the renderer's single escaping layer.
  .refine((s) => !/\b(click|below|above|this page|video|scroll|link)\b/i.test(s), 'must not use screen words (click, below, this page, video …)')
  .refine((s) => !/[<>{}]/.test(s), 'must be plain text: no markup or braces');
/**
 * What a listener might say: plain text, but screen words are theirs to use ("is there a video"). Never
 * spoken by the skill (build-only), so the screen-word rule for what it says doesn't apply.
 */
const listenerWords = z
  .string()
  .trim()
  .min(1)
  .refine((s) => !/[<>{}]/.test(s), 'must be plain text: no markup or braces');
/** A passage of a topic, as content names it: "topic-id#short", "#detail-N" or "#item-N". */
const passageRef = z.string().regex(/^[a-z0-9-]+#(short|detail-[0-9]+|item-[0-9]+)$/);
const question = spokenText.refine((s) => s.trim().endsWith('?'), 'must be a question ending in "?"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-24');
const sample = z
  .string()
  .min(1)
  .refine((s) => s === s.toLowerCase(), 'must be lower case')
  .refine((s) => /^[a-z0-9' {}()[\]|-]+$/.test(s), 'may use only letters, digits, apostrophes, spaces, {slot}, (a|b) and [optional]');

export const updateSchema = z.object({
  note: spokenText,
  since: isoDate,
  source: id,
});

export const intentSchema = z.object({
  name: z.string().regex(/^[A-Z][A-Za-z]*Intent$/, 'must be PascalCase ending in Intent'),
  slots: z.record(z.string().regex(/^[a-z][a-zA-Z]*$/), z.string()).optional(),
  samples: z.array(sample).min(1),
});

export const topicSchema = z.object({
  id,
  title: spokenText,
  aliases: z.array(z.string().min(2)).min(1),
  intent: intentSchema.optional(),
  shortAnswer: spokenText,
  detail: z.array(spokenText),
  list: z
    .object({
      one: z.string().min(1),
      many: z.string().min(1),
      items: z.array(z.object({ spoken: spokenText, written: spokenText.optional() })).min(1),
    })
    .optional(),
  /** What each part answers: short, detail-N, item-N (from 1). `about` opens a free answer; `questions` feed the search. */
  passages: z
    .record(
      z.string().regex(/^(short|detail-[1-9][0-9]*|item-[1-9][0-9]*)$/, 'must be short, detail-N or item-N'),
      z
        .object({
          about: spokenText,
          questions: z.array(listenerWords).optional(),
          /**
           * Another passage ("topic-id#key") that answers this one's questions better: a reason for a second
           * opinion ("you don't understand the information") is answered with what to do about it.
           */
          answerWith: z
            .string()
            .regex(/^[a-z0-9-]+#(short|detail-[1-9][0-9]*|item-[1-9][0-9]*)$/, 'must be topic-id#short, #detail-N or #item-N')
            .optional(),
        })
        .strict(),
    )
    .optional(),
  /**
   * How a free answer from this topic opens, instead of understanding.yaml's "About {about}: {text}": for a
   * list of questions to ask, so that the answer is heard as a question to take along, not as a reply.
   */
  passageLead: z
    .string()
    .refine((s) => s.includes('{text}'), 'must include {text}')
    .optional(),
  needsNation: z.boolean().optional(),
  followUp: z.object({ topic: id, offer: question }).optional(),
  /**
   * Where to turn when this topic's advice doesn't work out: the passage ("topic#key") that answers "and if
   * they say no?" or "what if that doesn't help?" said straight after it (understanding.yaml ifNot).
   */
  ifNot: passageRef.optional(),
  related: z.array(id),
  updates: z.array(updateSchema).optional(),
  sources: z.array(id).min(1),
  reviewed: isoDate,
});

export const nationSchema = z.object({
  id,
  name: z.string().min(1),
  places: z.array(z.string().min(2)),
  service: z.object({
    name: z.string().min(1),
    /** What listeners call the service, old names included: any of them in a sentence means this nation's service. */
    calledAs: z.array(z.string().min(2)).min(1),
    /** Names that are also everyday words ("pass"): a service only when said nearly alone. */
    calledAsAlone: z.array(z.string().min(2)).optional(),
    introduction: spokenText,
    does: spokenText,
    reach: spokenText,
    update: updateSchema.optional(),
    sources: z.array(id).min(1),
  }),
});

export const sourceSchema = z.object({ title: z.string().min(1), url: z.string().url().optional(), file: z.string().optional(), checked: isoDate.optional() });

export const framingSchema = z.object({
  sources: z.record(id, sourceSchema),
  disclaimer: spokenText,
});

/** A line of a safety answer: the same everywhere, or by nation (`default` where the nation isn't known). */
const safetyLine = z.union([spokenText, z.object({ nation: z.object({ default: spokenText }).catchall(spokenText) }).strict()]);
const questionPrompt = z
  .string()
  .min(1)
  .refine((s) => s.trim().endsWith('?'), 'must be a question ending in "?"');

export const safetyAnswerSchema = z.object({
  title: z.string().min(1),
  /** Urgent answers stand in for the disclaimer: they already say this skill can't help in an emergency. */
  urgent: z.boolean().optional(),
  lines: z.array(safetyLine).min(1),
  /** Extra lines for the card only: every nation's numbers, for a carer to read. */
  card: z.array(z.string().min(1)).optional(),
  prompt: questionPrompt.optional(),
  reprompt: questionPrompt.optional(),
  sources: z.array(id).min(1),
  intent: intentSchema,
});

export const safetySchema = z.object({ reviewed: isoDate, answers: z.record(id, safetyAnswerSchema) });

const pattern = z.string().superRefine((value, ctx) => {
  try {
    compilePattern(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `pattern "${value}": ${(error as Error).message}` });
  }
});

export const triageSchema = z.object({
  calm: z.array(pattern),
  pastIsCalmFor: z.array(id),
  past: z.array(pattern),
  now: z.array(pattern),
  rules: z.array(
    z
      .object({ answer: id, category: id, any: z.array(pattern).min(1).optional(), all: z.array(pattern).min(2).optional(), unless: z.array(pattern).min(1).optional() })
      .strict()
      .refine((rule) => Boolean(rule.any) !== Boolean(rule.all), 'needs either any or all, not both'),
  ),
});

/**
 * content/<locale>/understanding.yaml: the steps after triage. Acts are matched against the whole
 * utterance (fillers allowed around them); feelings anywhere in it.
 */
export const ACTS = ['next', 'previous', 'repeat', 'startOver', 'yes', 'no', 'help', 'goodbye', 'thanks', 'slower', 'faster', 'normalSpeed'] as const;
export const understandingSchema = z.object({
  fillers: z.array(pattern).min(1),
  acts: z.object(Object.fromEntries(ACTS.map((act) => [act, z.array(pattern).min(1)])) as Record<(typeof ACTS)[number], z.ZodArray<typeof pattern>>).strict(),
  listReferences: z.object({
    ordinals: z.record(z.string().regex(/^[a-z0-9]+$/), z.number().int().min(-1).max(20)),
    itemWords: z.array(z.string().regex(/^[a-z]+$/)).min(1),
    closers: z.array(z.string().regex(/^[a-z ]+$/)).min(1),
    say: z.object({ prompt: promptQuestionText(), reprompt: promptQuestionText(), notInList: z.string().min(1), noList: z.string().min(1) }),
  }),
  feelings: z.array(
    z
      .object({
        id,
        any: z.array(pattern).min(1),
        say: spokenText,
        /** The passage ("topic#key") that answers the feeling itself, said after the kind word instead of the offer of support. */
        answer: passageRef.optional(),
        /** The feeling's intent; "{rest}", its one slot, catches what the feeling is about ("i'm nervous about {rest}"). */
        samples: z.array(sample.refine((s) => (s.match(/\{\w+\}/g) ?? []).every((slot) => slot === '{rest}'), 'may use only the {rest} slot')).optional(),
      })
      .strict(),
  ),
  feelingsOffer: z.object({ topic: id, prompt: promptQuestionText() }),
  /** "And if they say no?": the whole utterance asks what to do if the last advice doesn't work out. */
  ifNot: z.object({ patterns: z.array(pattern).min(1) }).strict(),
  /** A question clause that only asks whether one may have a second opinion: answered with `answer`. */
  askingForOne: z.object({ answer: passageRef, patterns: z.array(pattern).min(1) }).strict(),
  /** Straight after a nation's service was named: the whole utterance asks how to reach it, or what it does. */
  serviceFollowUp: z
    .object({ reach: z.array(pattern).min(1), does: z.array(pattern).min(1), pronouns: z.array(z.string().min(1)).min(1), pronounClosers: z.array(z.string().regex(/^[a-z]+$/)).min(1) })
    .strict(),
  otherServices: z.array(z.object({ id, calledAs: z.array(z.string().min(2)).min(1), passage: passageRef }).strict()),
  /** Words no place name holds: a few words a place carrier caught ("and if they say no") that hold one are not a place. */
  notPlaceWords: z.array(z.string().regex(/^[a-z]+$/)).min(1),
  /** A place said just after one of these words is where care happened, not where the listener is. */
  placeOfCare: z.object({ within: z.number().int().min(1).max(8), words: z.array(z.string().regex(/^[a-z]+$/)).min(1) }).strict(),
  passages: z.object({
    listOffer: promptQuestionText(),
    topicOffer: promptQuestionText(),
    lead: z.string().refine((s) => s.includes('{about}') && s.includes('{text}'), 'must include {about} and {text}'),
    minScore: z.number().positive(),
    minMargin: z.number().min(1),
    /** The share of minScore a passage of the topic being read needs: a follow-up is short ("and their number?"). */
    followUpShare: z.number().positive().max(1),
    /** A follow-up is at most this many words: a longer question stands on its own. */
    followUpMaxWords: z.number().int().min(1).max(20),
    /** More than this share of a question's search terms unknown to the guidance: not answered from it. */
    maxUnknownShare: z.number().min(0).max(1),
    /** …counted only for a question of at least this many search terms ("ta-ra" is not a question). */
    unknownMinTerms: z.number().int().min(1),
    maxWords: z.number().int().min(5).max(200),
    questionClause: z
      .object({
        whWords: z.array(z.string().regex(/^[a-z]+$/)).min(1),
        whFollowers: z.array(z.string().regex(/^[a-z]+$/)),
        auxWords: z.array(z.string().regex(/^[a-z]+$/)).min(1),
        askers: z.array(z.string().regex(/^[a-z]+$/)).min(1),
        notAfter: z.array(z.string().regex(/^[a-z]+$/)),
        minContextWords: z.number().int().min(1),
        contextWeight: z.number().min(0).max(1),
      })
      .strict(),
    unsureChoices: z.array(id).length(3),
  }),
});

function promptQuestionText() {
  return z
    .string()
    .min(1)
    .refine((s) => s.trim().endsWith('?'), 'must be a question ending in "?"');
}

const prompt = z.string().min(1);
// A button on the screen: a word or two, large, and what a screen reader says for it.
const screenButton = z.object({ label: z.string().min(1).max(12), hint: z.string().min(1) });
// Prompts may hold {placeholders}; questions must still end with a question mark.
const promptQuestion = prompt.refine((s) => s.trim().endsWith('?'), 'must be a question ending in "?"');
export const promptsSchema = z.object({
  welcome: prompt,
  startOver: prompt,
  startOverTopic: prompt,
  examplesIntro: prompt,
  examples: z.array(prompt).length(3),
  whatNext: promptQuestion,
  whatElse: promptQuestion,
  generalReprompt: promptQuestion,
  list: z.object({ position: prompt, positionPair: prompt, positionSingle: prompt, more: prompt, end: prompt, atStart: prompt }),
  continue: z.object({ more: promptQuestion, reprompt: promptQuestion, nothingMore: prompt, atStart: prompt }),
  offerReprompt: prompt,
  noThanks: prompt,
  yesWithoutOffer: prompt,
  help: prompt.refine((s) => s.includes('{urgentLine}'), 'must include {urgentLine}: "help!" and "I need help" reach the help intent'),
  helpReprompt: promptQuestion,
  urgentLine: prompt,
  fallbackSteps: z
    .array(
      z.object({
        say: prompt.refine((s) => s.includes('{urgentLine}'), 'must include {urgentLine}: on a device, a frightened person whose words matched nothing hears this'),
        prompt: promptQuestion,
        reprompt: promptQuestion,
      }),
    )
    .length(3),
  goodbye: prompt.refine((s) => !s.includes('?'), 'ends the session, so must not ask a question'),
  error: prompt,
  errorReprompt: promptQuestion,
  disclaimerFirstTurn: prompt,
  nation: z.object({ question: promptQuestion, reprompt: promptQuestion, notInUk: prompt, serviceIn: prompt, listOfServices: prompt }),
  search: z.object({ unsure: promptQuestion.refine((s) => s.includes('{urgentLine}'), 'must include {urgentLine}'), choices: prompt, unsureReprompt: prompt }),
  urgent: z.object({ carryOn: promptQuestion, reprompt: promptQuestion }),
  memory: z.object({
    welcomeBack: prompt,
    resumeList: prompt,
    resumeText: prompt,
    resumeOffer: promptQuestion,
    resumeReprompt: promptQuestion,
    startFresh: prompt,
    forgetOffer: promptQuestion,
    forgetReprompt: promptQuestion,
    kept: prompt,
    // Said before "What else would you like to know?", so it states what was done and asks nothing.
    forgotten: prompt.refine((s) => !s.includes('?'), 'must not ask a question: the prompt after it does'),
    forgetFailed: prompt,
  }),
  rate: z.object({ slower: prompt, slowest: prompt, faster: prompt, fastest: prompt, normal: prompt }),
  card: z.object({ sentList: prompt, sentGuidance: prompt, sentNumbers: prompt, nothingYet: prompt }),
  screen: z.object({ previous: screenButton, repeat: screenButton, next: screenButton }),
});

const duration = z.string().regex(/^\d+(ms|s)$/, 'must be a duration like 400ms');
// Alexa takes a percentage of its own rate (20% or more) or a named rate.
const rate = z.string().regex(/^(x-slow|slow|fast|x-fast|\d{2,3}%)$/, 'must be a rate like 80% or slow');
export const speechSchema = z.object({
  pauses: z.object({ betweenParagraphs: duration, afterListPosition: duration, betweenListItems: duration, beforePrompt: duration }),
  /** The listener's "speak slower" and "faster"; medium is Alexa's own rate, with no prosody at all. */
  rates: z.object({ slow: rate, fast: rate }),
  pacing: z.object({ itemsPerTurn: z.number().int().min(1).max(3), maxWordsPerTurn: z.number().int().min(20).max(120), maxListWordsPerTurn: z.number().int().min(10).max(120) }),
  sayAsDigits: z.array(z.string().regex(/^[0-9]+( [0-9]+)*$/, 'must be digits, optionally in space-separated groups')),
  pronunciations: z.array(z.object({ word: z.string().min(1), alias: z.string().regex(/^[a-z ]+$/i, 'must be letters and spaces') })),
});

export const searchSchema = z.object({
  synonyms: z.array(z.array(z.string().min(1)).min(2)),
  stopWords: z.array(z.string()),
});

export const intentsFileSchema = z.object({
  invocationName: z.string(),
  fallbackIntentSensitivity: z.enum(['LOW', 'MEDIUM', 'HIGH']),
  intents: z.array(intentSchema),
  builtIns: z.record(z.string().regex(/^AMAZON\.[A-Za-z]+Intent$/), z.array(sample)),
});

/** The markup that wraps a whole reply to speak it at another rate: `<prosody rate='80%'>` and `</prosody>`. */
export interface ProsodyTags {
  open: string;
  close: string;
}

export type Topic = z.infer<typeof topicSchema>;
export type Nation = z.infer<typeof nationSchema>;
export type Framing = z.infer<typeof framingSchema>;
export type Prompts = z.infer<typeof promptsSchema>;
export type SpeechSettings = z.infer<typeof speechSchema>;
export type SearchSettings = z.infer<typeof searchSchema>;
export type IntentsFile = z.infer<typeof intentsFileSchema>;
export type Safety = z.infer<typeof safetySchema>;
export type SafetyAnswer = z.infer<typeof safetyAnswerSchema>;
export type Triage = z.infer<typeof triageSchema>;
export type Understanding = z.infer<typeof understandingSchema>;
export type Act = (typeof ACTS)[number];

/** What the build writes to lambda/generated/understanding.json: patterns as regular-expression sources. */
export interface CompiledUnderstanding {
  /** Each act's patterns, and the fillers', matched at positions of the padded utterance. */
  acts: Record<Act, string[]>;
  fillers: string[];
  ordinals: Record<string, number>;
  itemWords: string[];
  closers: string[];
  feelings: { id: string; any: string; say: string; answer?: string }[];
  /** The ifNot patterns as one alternation, matched against the whole utterance with fillers around it. */
  ifNot: string;
  /** The askingForOne patterns as one alternation, and the passage that answers them. */
  askingForOne: { pattern: string; answer: string };
  placeOfCare: Understanding['placeOfCare'];
  /** The serviceFollowUp patterns, each group as one alternation, its pronouns normalised, and the words that may follow one. */
  serviceFollowUp: { reach: string; does: string; pronouns: string[]; pronounClosers: string[] };
  /** Normalised place or service name → nation id, longest first, and one pattern finding any of them. */
  places: Record<string, string>;
  services: Record<string, string>;
  placePattern: string;
  servicePattern: string;
  /** Names that count only in an utterance of a few words. */
  servicesAlone: Record<string, string>;
  /** Normalised names of services of no one nation → the passage ("topic#key") that answers them. */
  otherServices: Record<string, string>;
  otherServicePattern: string;
}

/**
 * What the build writes to lambda/generated/triage.json: the patterns as regular-expression sources. A
 * list where any one pattern may match is one alternation; `all` keeps its patterns apart, since each
 * must match on its own.
 */
export interface CompiledTriage {
  calm: string;
  pastIsCalmFor: string[];
  past: string;
  now: string;
  rules: { answer: string; category: string; any?: string; all?: string[]; unless?: string }[];
}

/** All of content/<locale>/, validated and cross-checked: what the tools build the model and index from. */
export interface CompiledContent {
  locale: string;
  topics: Topic[];
  /** Intent name → topic id, for intents that answer a single topic. */
  intentTopics: Record<string, string>;
  /** Intent name → "topic#passage", for intents generated from a passage's questions. */
  passageIntents: Record<string, string>;
  nations: Nation[];
  framing: Framing;
  prompts: Prompts;
  speech: SpeechSettings;
  search: SearchSettings;
  safety: Safety;
  /** Intent name → safety answer id. */
  safetyIntents: Record<string, string>;
  triage: Triage;
  understanding: Understanding;
}

/**
 * What the Lambda carries (lambda/generated/content.json and library.json): the compiled content less
 * what only the build and the editors use. Samples, aliases and place names feed the interaction model and
 * the search index; sources, dates and related topics are provenance for editors. The bundle is parsed on
 * every cold start, so what the skill never says stays out of it.
 */
export type RuntimeTopic = Omit<Topic, 'intent' | 'aliases' | 'related' | 'updates' | 'sources' | 'reviewed' | 'passages'> & { passages?: Record<string, { about: string; answerWith?: string }> };
export type RuntimeNation = Omit<Nation, 'places' | 'service'> & {
  service: Omit<Nation['service'], 'sources' | 'update' | 'calledAs' | 'calledAsAlone'> & { update?: { note: string } };
};
export interface RuntimeContent {
  locale: string;
  topics: RuntimeTopic[];
  /** Intent name → topic id, for intents that answer a single topic. */
  intentTopics: Record<string, string>;
  /** Intent name → "topic#passage", for intents generated from a passage's questions. */
  passageIntents: Record<string, string>;
  nations: RuntimeNation[];
  framing: Omit<Framing, 'sources'>;
  /** Safety answers by id, and the intents that ask for them. */
  safety: Record<string, RuntimeSafetyAnswer>;
  safetyIntents: Record<string, string>;
  prompts: Prompts;
  /** The spoken parts of understanding.yaml (its patterns travel compiled in understanding.json). */
  understanding: {
    notPlaceWords: Understanding['notPlaceWords'];
    listReferences: Understanding['listReferences']['say'];
    feelingsOffer: Understanding['feelingsOffer'];
    passages: Understanding['passages'];
    otherServices: { id: string; passage: string }[];
    /** Intent name → the acknowledgement of its feeling. */
    feelingIntents: Record<string, { say: string; answer?: string }>;
  };
  /**
   * The pauses arrive as SSML breaks, and the rates as the prosody tags that open and close a reply, all
   * already made by ssml-builder (lambda/speech/breaks.ts).
   */
  speech: Omit<SpeechSettings, 'pauses' | 'rates'> & { breaks: Record<keyof SpeechSettings['pauses'], string>; prosody: Record<keyof SpeechSettings['rates'], ProsodyTags> };
  // No search settings: they travel, prepared, with the search index (lambda/search/passages.ts).
}

/**
 * The runtime content is bundled as two parts. What a launch, help or goodbye says is parsed on every cold
 * start; the guidance library (topics and nations) is parsed when a turn first needs it, so the most
 * common cold start, "open Second Opinion Guide", doesn't pay for the two-thirds it won't say.
 */
export type RuntimeLibrary = Pick<RuntimeContent, 'topics' | 'nations' | 'safety'>;
export type RuntimeSafetyAnswer = Omit<SafetyAnswer, 'intent' | 'sources'>;
export type RuntimeEveryTurn = Omit<RuntimeContent, keyof RuntimeLibrary>;
