/** Spots words that need 999 before anything else. Phrases come from content/<locale>/framing.yaml. */
import { content } from '../content';

export type Urgency = 'emergency' | 'crisis';

// Padded with spaces so phrases match whole words only ("stroke" must not match "strokes of luck" partially).
const normalise = (text: string) => ` ${text.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, ' ').trim()} `;

const { emergency, crisis } = content.framing.urgent.triggers;
const crisisPhrases = crisis.map(normalise);
const emergencyPhrases = emergency.map(normalise);

export function detectUrgency(text: string): Urgency | undefined {
  const said = normalise(text);
  if (crisisPhrases.some((phrase) => said.includes(phrase))) return 'crisis';
  if (emergencyPhrases.some((phrase) => said.includes(phrase))) return 'emergency';
  return undefined;
}
