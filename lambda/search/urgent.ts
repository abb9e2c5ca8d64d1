/** Spots words that need 999 before anything else. Phrases come from content/<locale>/framing.yaml. */
import { content } from '../content';
import { lowerWithoutApostrophes } from './terms';

export type Urgency = 'emergency' | 'crisis';

// Padded with spaces so phrases match whole words only ("stroke" must not match "strokes of luck" partially).
const normalise = (text: string) =>
  ` ${lowerWithoutApostrophes(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

// Prepared on the first request that carries free text, not at cold start: a launch has nothing to check.
let phrases: Record<Urgency, string[]> | undefined;

export function detectUrgency(text: string): Urgency | undefined {
  const { triggers } = content.framing.urgent;
  phrases ??= { crisis: triggers.crisis.map(normalise), emergency: triggers.emergency.map(normalise) };
  const said = normalise(text);
  // Crisis first: those words also need the Samaritans line, not just 999.
  if (phrases.crisis.some((phrase) => said.includes(phrase))) return 'crisis';
  if (phrases.emergency.some((phrase) => said.includes(phrase))) return 'emergency';
  return undefined;
}
