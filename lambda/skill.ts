/** Assembles the skill. Handler order matters: urgent help first, the catch-alls last. */
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
// The builder's own module rather than the package index: the index loads every helper, content builder
// and API client the SDK has, and this skill uses none of them. Measured: 1.4 ms less on every cold start.
// (tsc checks this path against the pinned SDK, so a reorganised SDK fails the build, not the Lambda.)
import { SkillBuilders } from 'ask-sdk-core/dist/skill/SkillBuilders';
import { readState, STATE_KEY } from './dialogue/state';
import { RepeatSlowerHandler, SendCardHandler, SpeechRateHandler } from './handlers/accessibility';
import { CanFulfillIntentHandler, ExceptionEncounteredHandler, OtherRequestHandler, SessionResumedHandler } from './handlers/events';
import { FallbackHandler, HelpHandler, UnknownIntentHandler } from './handlers/help-fallback';
import { ListItemHandler, NextHandler, PreviousHandler } from './handlers/lists';
import { NationHandler, ServiceDoesHandler, ServiceHandler } from './handlers/nations';
import { ForgetMeHandler } from './handlers/memory';
import { NoHandler, RepeatHandler, StartOverHandler, YesHandler } from './handlers/navigation';
import { SafetyIntentHandler } from './handlers/safety';
import { ScreenTouchHandler } from './handlers/screen';
import { QueryHandler, WordsTriageHandler } from './handlers/search';
import { ApologyErrorHandler, GoodbyeHandler, LaunchHandler, SessionEndedHandler } from './handlers/session';
import { FeelingIntentHandler, PassageIntentHandler, TopicByNameHandler, TopicIntentHandler } from './handlers/topics';
import { log, RequestLogger } from './logging';
import { memoryInterceptors } from './memory';

export interface SkillOptions {
  /** When set, requests for any other skill ID are refused. Surrounding spaces are ignored. */
  skillId?: string;
  /**
   * Where listeners are remembered between sessions: DynamoDB on Lambda (lambda/index.ts), dynalite in the
   * console and tests. Without it nothing is remembered, and "forget me" has nothing to delete.
   */
  memory?: PersistenceAdapter;
  /** Milliseconds since the epoch, for memory's times; tests move it on by days. */
  clock?: () => number;
}

export interface GuideSkill {
  /** Answers one request envelope as Lambda delivers it: parsed JSON, whatever its shape. */
  invoke(envelope: unknown, context?: unknown): Promise<ResponseEnvelope>;
}

/** Thrown for a request addressed to another skill: it is not answered at all. */
export class SkillIdMismatchError extends Error {
  override readonly name = 'SkillIdMismatchError';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const at = (value: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, key) => (isRecord(v) && Object.hasOwn(v, key) ? v[key] : undefined), value);

/** The skill a request is for: Alexa puts it in context.System (always) and in session (when there is one). */
const applicationId = (envelope: Record<string, unknown>): unknown => at(envelope, 'context', 'System', 'application', 'applicationId') ?? at(envelope, 'session', 'application', 'applicationId');

/**
 * The envelope the SDK is given: the session's attributes replaced by the skill's own state, read field by
 * field. Whatever else arrived there (a string, a 100 KB object, JSON nested deep enough to overflow the
 * SDK's copy of it) never reaches the SDK or the response.
 */
function withOwnState(envelope: Record<string, unknown>): Record<string, unknown> {
  const session = envelope.session;
  if (!session) return envelope;
  const raw = at(session, 'attributes');
  // A new session (most cold starts) carries no state: nothing to read.
  const attributes = isRecord(raw) && Object.hasOwn(raw, STATE_KEY) ? { [STATE_KEY]: readState(raw) } : {};
  return { ...envelope, session: { ...(isRecord(session) ? session : {}), attributes } };
}

export function createSkill({ skillId, memory, clock = Date.now }: SkillOptions = {}): GuideSkill {
  const expectedId = skillId?.trim() || undefined;
  const builder = SkillBuilders.custom();
  if (memory) {
    // After the logger, so a storage error is logged after the request it belongs to.
    const { recall, remember } = memoryInterceptors(clock);
    builder.withPersistenceAdapter(memory).addRequestInterceptors(RequestLogger, recall).addResponseInterceptors(remember);
  } else builder.addRequestInterceptors(RequestLogger);
  const skill = builder
    .addRequestHandlers(
      WordsTriageHandler,
      SafetyIntentHandler,
      LaunchHandler,
      TopicIntentHandler,
      PassageIntentHandler,
      FeelingIntentHandler,
      TopicByNameHandler,
      QueryHandler,
      NationHandler,
      ServiceHandler,
      ServiceDoesHandler,
      ListItemHandler,
      NextHandler,
      PreviousHandler,
      RepeatHandler,
      RepeatSlowerHandler,
      SpeechRateHandler,
      SendCardHandler,
      ScreenTouchHandler,
      StartOverHandler,
      YesHandler,
      NoHandler,
      HelpHandler,
      GoodbyeHandler,
      ForgetMeHandler,
      FallbackHandler,
      SessionEndedHandler,
      UnknownIntentHandler,
      SessionResumedHandler,
      CanFulfillIntentHandler,
      ExceptionEncounteredHandler,
      OtherRequestHandler,
    )
    .addErrorHandlers(ApologyErrorHandler)
    .withCustomUserAgent('second-opinion-guide')
    .create();

  return {
    async invoke(envelope, context) {
      // Not an Alexa request at all: nothing to answer, and nothing the SDK could read.
      if (!isRecord(envelope) || !isRecord(envelope.request)) {
        log('malformed-envelope');
        return { version: '1.0', response: {} };
      }
      // Checked here, not with the SDK's withSkillId: that reads context.System.application unguarded,
      // so an envelope without a context would fail with a TypeError instead of being refused.
      if (expectedId !== undefined && applicationId(envelope) !== expectedId) {
        log('refused', { reason: 'skill-id' });
        throw new SkillIdMismatchError('request for another skill');
      }
      // Past this point the request is read only through the guarded readers in requests.ts and state.ts.
      return skill.invoke(withOwnState(envelope) as unknown as RequestEnvelope, context);
    },
  };
}
