/**
 * Lambda entry point. The async form is required: nodejs24.x and later reject the SDK's callback-style
 * `.lambda()` handler. The skill is built once per container, outside the handler, to keep warm calls cheap.
 */
import type { Context } from 'aws-lambda';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { createSkill } from './skill';

// SKILL_ID is set on the function after the first deploy (README, Deploying); createSkill trims it, so a
// stray space pasted with it doesn't refuse the skill's own requests.
const skill = createSkill({ skillId: process.env.SKILL_ID });

export const handler = async (event: unknown, context?: Context): Promise<ResponseEnvelope> => skill.invoke(event, context);
