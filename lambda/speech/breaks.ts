/**
 * Pauses as SSML, made by ssml-builder when the content is built rather than on every cold start.
 * ssml-builder checks each duration against Alexa's limit with a regular expression; compiling it was a
 * quarter of a millisecond of the first response after a cold start (the bench's cold runner, with and
 * without the check), for four durations that never change between deploys. The build fails on a
 * duration ssml-builder rejects.
 */
import Speech from 'ssml-builder';
import type { ProsodyTags, SpeechSettings } from '../content/schema';

type PauseName = keyof SpeechSettings['pauses'];
type RateName = keyof SpeechSettings['rates'];

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

/**
 * The tags that wrap a whole reply at a rate. ssml-builder's prosody() escapes what it wraps, and a reply
 * is markup already (say-as, sub, breaks), so it makes the element around a marker and the marker is cut
 * out: the tags are still ssml-builder's, checked by it, made once at build time like the pauses.
 */
export function prosodyTags(rate: string): ProsodyTags {
  const marker = 'REPLY';
  let element: string;
  try {
    element = new Speech().prosody({ rate }, marker).ssml(true);
  } catch (reason) {
    throw new Error(`rate "${rate}" in speech.yaml: ${reason instanceof Error ? reason.message : String(reason)}`, { cause: reason });
  }
  const [open, close] = element.split(marker);
  return { open, close };
}

export function prosodyFor(rates: SpeechSettings['rates']): Record<RateName, ProsodyTags> {
  return Object.fromEntries(Object.entries(rates).map(([name, rate]) => [name, prosodyTags(rate)])) as Record<RateName, ProsodyTags>;
}
