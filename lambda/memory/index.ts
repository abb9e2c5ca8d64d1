/**
 * Memory between sessions, around every turn: the first request of a session loads what was remembered
 * into the dialogue state (once; the SDK caches it for the request), and after the turn the memory is
 * saved only if the turn changed it. A storage failure never breaks a turn: it is logged by error name
 * and code, and the turn answers without memory (and, once storage has failed, tries no more in it).
 */
import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import { isEmptyMemory, recall, rememberedOf, sameMemory } from '../dialogue/memory';
import { readState, STATE_KEY } from '../dialogue/state';
import { errorFields, log, requestFields } from '../logging';
import { hasSession, speechAllowed } from '../requests';
import { readItem, toItem, type Remembered } from './record';

/** The request attribute that carries memory's bookkeeping from before the turn to after it. */
const MEMORY = 'memory';

interface TurnMemory {
  /** What the state held for memory when the handler started: saved again only if the turn changed it. */
  before: Remembered;
  /** Storage failed during this request: don't make the listener wait for it again. */
  down: boolean;
}

/**
 * Deletes the listener's item. The method is optional in ask-sdk-core's type (because an adapter's
 * deleteAttributes is) but always defined by its attributes manager; our adapter implements it.
 */
const deleteStored = (input: HandlerInput): Promise<void> => input.attributesManager.deletePersistentAttributes!();

const turnMemory = (input: HandlerInput): TurnMemory | undefined => {
  const attributes = input.attributesManager.getRequestAttributes();
  return Object.hasOwn(attributes, MEMORY) ? (attributes[MEMORY] as TurnMemory) : undefined;
};

function storageFailed(input: HandlerInput, op: 'load' | 'save' | 'delete', error: unknown, memory: TurnMemory): void {
  memory.down = true;
  log('memory-error', { ...requestFields(input), op, ...errorFields(error) });
}

const isNewSession = (input: HandlerInput): boolean => {
  const session: unknown = input.requestEnvelope.session;
  return typeof session === 'object' && session !== null && (session as { new?: unknown }).new === true;
};

export interface MemoryInterceptors {
  recall: RequestInterceptor;
  remember: ResponseInterceptor;
}

/** The two interceptors, with the clock memory's times are read from (tests move it). */
export function memoryInterceptors(clock: () => number): MemoryInterceptors {
  return {
    recall: {
      async process(input) {
        // Only turns of a conversation: session ends and Alexa's events neither need nor change memory.
        if (!speechAllowed(input)) return;
        const memory: TurnMemory = { before: {}, down: false };
        input.attributesManager.setRequestAttributes({ ...input.attributesManager.getRequestAttributes(), [MEMORY]: memory });
        // Without a session there is no state to fill or to save from ("forget me" still deletes).
        if (!hasSession(input)) return;
        let state = readState(input.attributesManager.getSessionAttributes());
        if (isNewSession(input)) {
          try {
            const remembered = readItem(await input.attributesManager.getPersistentAttributes(), clock());
            if (remembered) {
              state = recall(state, remembered, clock());
              input.attributesManager.setSessionAttributes({ [STATE_KEY]: state });
            }
          } catch (error) {
            storageFailed(input, 'load', error, memory);
          }
        }
        memory.before = rememberedOf(state);
      },
    },
    remember: {
      async process(input) {
        const memory = turnMemory(input);
        if (!memory || memory.down || !hasSession(input)) return;
        const state = readState(input.attributesManager.getSessionAttributes());
        if (state.forgotten) return;
        const after = rememberedOf(state);
        if (sameMemory(after, memory.before)) return;
        try {
          // Nothing left to remember (a fresh start with no nation or rate): no item at all, rather than an empty one.
          if (isEmptyMemory(after)) await deleteStored(input);
          else {
            input.attributesManager.setPersistentAttributes(toItem(after, clock()));
            await input.attributesManager.savePersistentAttributes();
          }
        } catch (error) {
          storageFailed(input, 'save', error, memory);
        }
      },
    },
  };
}

/**
 * "Forget me": deletes the listener's item. True when nothing is stored any more, including when the
 * skill runs without memory (nothing was ever stored); false when storage failed and the item may remain.
 */
export async function forget(input: HandlerInput): Promise<boolean> {
  const memory = turnMemory(input);
  if (!memory) return true;
  if (memory.down) return false;
  try {
    await deleteStored(input);
    log('forgotten', requestFields(input));
    return true;
  } catch (error) {
    storageFailed(input, 'delete', error, memory);
    return false;
  }
}
