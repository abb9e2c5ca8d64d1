/** Alexa request envelopes as a device would send them (en-GB), for the local console, tests and checks. */
import { randomUUID } from 'node:crypto';
import type { Intent, Request, RequestEnvelope } from 'ask-sdk-model';

export const LOCAL_SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';
export const LOCALE = 'en-GB';
/** The listener the console and tests speak as; tests that need several listeners give each its own. */
export const LOCAL_USER_ID = 'amzn1.ask.account.LOCAL';

export interface EnvelopeSession {
  id: string;
  isNew: boolean;
  attributes: Record<string, unknown>;
}

/** The device the requests come from: a speaker (no screen), or an Echo Show 5 (APL, 960 x 480). */
export interface LocalDevice {
  screen?: boolean;
  /** The APL runtime the screen reports (default 2024.3). */
  aplVersion?: string;
}

/** What an Echo Show 5 declares: the APL interface with its runtime version, and its viewport. */
const screenInterfaces = (maxVersion = '2024.3') => ({ 'Alexa.Presentation.APL': { runtime: { maxVersion } } });
const SCREEN_VIEWPORT = {
  experiences: [{ arcMinuteWidth: 221, arcMinuteHeight: 162, canRotate: false, canResize: false }],
  mode: 'HUB',
  shape: 'RECTANGLE',
  pixelWidth: 960,
  pixelHeight: 480,
  dpi: 160,
  currentPixelWidth: 960,
  currentPixelHeight: 480,
  touch: ['SINGLE'],
  keyboard: [],
};

export function requestEnvelope(request: Request, session: EnvelopeSession, skillId = LOCAL_SKILL_ID, device: LocalDevice = {}, userId = LOCAL_USER_ID): RequestEnvelope {
  const application = { applicationId: skillId };
  const user = { userId };
  return {
    version: '1.0',
    session: { new: session.isNew, sessionId: session.id, application, user, attributes: session.attributes },
    context: {
      System: {
        application,
        user,
        device: { deviceId: 'amzn1.ask.device.LOCAL', supportedInterfaces: device.screen ? screenInterfaces(device.aplVersion) : {} },
        apiEndpoint: 'https://api.eu.amazonalexa.com',
        apiAccessToken: 'local',
      },
      ...(device.screen ? { Viewport: SCREEN_VIEWPORT } : {}),
    } as RequestEnvelope['context'],
    request,
  };
}

const base = () => ({ requestId: `amzn1.echo-api.request.${randomUUID()}`, timestamp: new Date().toISOString(), locale: LOCALE });

export const launchRequest = (): Request => ({ type: 'LaunchRequest', ...base() });

export const intentRequest = (intent: Intent): Request => ({
  type: 'IntentRequest',
  dialogState: 'COMPLETED',
  ...base(),
  intent: { ...intent, confirmationStatus: intent.confirmationStatus ?? 'NONE' },
});

export const sessionEndedRequest = (reason: 'USER_INITIATED' | 'EXCEEDED_MAX_REPROMPTS' | 'ERROR' = 'USER_INITIATED'): Request => ({ type: 'SessionEndedRequest', reason, ...base() });

/** A touch on a button of the skill's APL document: what SendEvent sends. */
export const userEventRequest = (argument: unknown, token = 'second-opinion-guide'): Request => ({
  type: 'Alexa.Presentation.APL.UserEvent',
  ...base(),
  token,
  arguments: [argument],
  source: { type: 'TouchWrapper', handler: 'Press', id: '' },
  components: {},
});
