/**
 * Lambda entry point. The async form is required: nodejs24.x and later reject the SDK's callback-style
 * `.lambda()` handler. The skill is built once per container, outside the handler, to keep warm calls cheap.
 */
import type { Context } from 'aws-lambda';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { DynamoDbMemory } from './memory/dynamodb';
import { createSkill } from './skill';

// The stack (infrastructure/cfn-deployer/skill-stack.yaml) sets SKILL_ID to the skill's ID and
// MEMORY_TABLE to its table; createSkill trims the ID, so a stray space doesn't refuse the skill's own
// requests. MEMORY_ENDPOINT is only ever set locally, where the console points it at dynalite.
const { SKILL_ID, MEMORY_TABLE, MEMORY_ENDPOINT } = process.env;
const memory = MEMORY_TABLE ? new DynamoDbMemory({ tableName: MEMORY_TABLE, endpoint: MEMORY_ENDPOINT || undefined }) : undefined;
const skill = createSkill({ skillId: SKILL_ID, memory });

export const handler = async (event: unknown, context?: Context): Promise<ResponseEnvelope> => skill.invoke(event, context);
