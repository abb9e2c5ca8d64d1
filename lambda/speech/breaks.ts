/**
 * Pauses as SSML, made by ssml-builder when the content is built rather than on every cold start.
 * ssml-builder checks each duration against Alexa's limit with a regular expression; compiling it was a
 * quarter of a millisecond of the first response after a cold start (the bench's cold runner, with and
 * without the check), for four durations that never change between deploys. The build fails on a
 * duration ssml-builder rejects.
 */
import Speech from 'ssml-builder';
import type { SpeechSettings } from '../content/schema';

type PauseName = keyof SpeechSettings['pauses'];

export function breakMarkup(duration: string): string {
  try {
    return new Speech().pause(duration).ssml(true);
  } catch (reason) {
    // ssml-builder throws plain strings; an Error names the setting and fails the build readably.
    throw new Error(`pause "${duration}" in speech.yaml: ${reason instanceof Error ? reason.message : String(reason)}`, { cause: reason });
  }
}

export function breaksFor(pauses: SpeechSettings['pauses']): Record<PauseName, string> {
  const entries = Object.entries(pauses).map(([name, duration]) => [name, breakMarkup(duration)]);
  return Object.fromEntries(entries) as Record<PauseName, string>;
}
