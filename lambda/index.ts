/**
 * Lambda entry point. The async form is required: nodejs24.x and later reject the SDK's callback-style
 * `.lambda()` handler. The skill is built once per container, outside the handler, to keep warm calls cheap.
 */
import type { Context } from 'aws-lambda';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createSkill } from './skill';

const skill = createSkill({ skillId: process.env.SKILL_ID || undefined });

export const handler = async (event: RequestEnvelope, context?: Context): Promise<ResponseEnvelope> => skill.invoke(event, context);
