/**
 * A device-like session around any handler: it carries session attributes between turns, starts a new
 * session after one ends, and turns each response into plain text. Used by `npm start` and the tests.
 */
import { randomUUID } from 'node:crypto';
import type { Intent, interfaces, Request, RequestEnvelope, ResponseEnvelope, ui } from 'ask-sdk-model';
import { ssmlToPlainText } from '../../lambda/speech/render';
import type { ScreenData } from '../../lambda/speech/screen';
import { intentRequest, launchRequest, requestEnvelope, sessionEndedRequest, userEventRequest, LOCAL_SKILL_ID, LOCAL_USER_ID, type LocalDevice } from './envelope';
import type { Resolution } from './resolver';

export type Invoke = (envelope: RequestEnvelope) => Promise<ResponseEnvelope>;

export interface Heard {
  /** What Alexa said, as plain text (SSML removed), and the SSML itself. */
  speech: string;
  ssml: string;
  reprompt?: string;
  repromptSsml?: string;
  card?: { title: string; content: string };
  /** The APL RenderDocument directive, when the skill sent one, and its data source: what the screen shows. */
  render?: interfaces.alexa.presentation.apl.RenderDocumentDirective;
  screen?: ScreenData;
  endSession: boolean;
  envelope: ResponseEnvelope;
}

export class LocalSession {
  private id = randomUUID();
  private isNew = true;
  attributes: Record<string, unknown> = {};

  constructor(
    private readonly invoke: Invoke,
    private readonly skillId = LOCAL_SKILL_ID,
    private readonly device: LocalDevice = {},
    /** Who is speaking: the same listener across sessions, as on one Alexa account. */
    readonly userId = LOCAL_USER_ID,
  ) {}

  launch(): Promise<Heard> {
    return this.send(launchRequest());
  }

  intent(intent: Intent): Promise<Heard> {
    return this.send(intentRequest(intent));
  }

  /** A touch on one of the screen's buttons (SendEvent with this argument). */
  touch(argument: unknown): Promise<Heard> {
    return this.send(userEventRequest(argument));
  }

  /** Plays what the resolver made of some words, as a device would: launches and one-shots start afresh. */
  play(resolution: Exclude<Resolution, { kind: 'empty' }>): Promise<Heard> {
    if (resolution.kind === 'launch' || resolution.oneShot) this.reset();
    return resolution.kind === 'launch' ? this.launch() : this.intent(resolution.intent);
  }

  /** Alexa ends the session with this when the listener stops answering or leaves. */
  async end(reason?: 'USER_INITIATED' | 'EXCEEDED_MAX_REPROMPTS' | 'ERROR'): Promise<ResponseEnvelope> {
    const response = await this.invoke(requestEnvelope(sessionEndedRequest(reason), this.session(), this.skillId, this.device, this.userId));
    this.reset();
    return response;
  }

  /** A new session on the next request, as on a device after "stop" or a one-shot. */
  reset(): void {
    this.id = randomUUID();
    this.isNew = true;
    this.attributes = {};
  }

  get inSession(): boolean {
    return !this.isNew;
  }

  async send(request: Request): Promise<Heard> {
    const envelope = await this.invoke(requestEnvelope(request, this.session(), this.skillId, this.device, this.userId));
    const response = envelope.response;
    const ssml = (response.outputSpeech as ui.SsmlOutputSpeech | undefined)?.ssml ?? '';
    const repromptSsml = (response.reprompt?.outputSpeech as ui.SsmlOutputSpeech | undefined)?.ssml;
    const card = response.card?.type === 'Simple' ? { title: response.card.title ?? '', content: response.card.content ?? '' } : undefined;
    const render = response.directives?.find((d): d is interfaces.alexa.presentation.apl.RenderDocumentDirective => d.type === 'Alexa.Presentation.APL.RenderDocument');
    const screen = (render?.datasources as { screen?: ScreenData } | undefined)?.screen;
    const endSession = response.shouldEndSession !== false;
    if (endSession) this.reset();
    else {
      this.isNew = false;
      this.attributes = envelope.sessionAttributes ?? {};
    }
    return {
      speech: ssmlToPlainText(ssml),
      ssml,
      reprompt: repromptSsml ? ssmlToPlainText(repromptSsml) : undefined,
      repromptSsml,
      card,
      ...(render ? { render } : {}),
      ...(screen ? { screen } : {}),
      endSession,
      envelope,
    };
  }

  private session() {
    return { id: this.id, isNew: this.isNew, attributes: this.attributes };
  }
}
