/**
 * ask-sdk's PersistenceAdapter on DynamoDB, with the AWS SDK for JavaScript v3. ask-sdk's own adapter
 * (ask-sdk-dynamodb-persistence-adapter 2.14) is built on aws-sdk v2, out of support since September 2025
 * and far too heavy to bundle. The Lambda Node.js runtimes include SDK v3, so these packages are left
 * out of the bundle (tools/bundle.ts) and package.json pins the version the runtime was reported to ship.
 *
 * Storage is a convenience: a turn must answer without it. Every call has a deadline and at most one
 * retry, so an unreachable table costs a turn well under a second (the caller then carries on without).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { createHash } from 'node:crypto';
import { KEY_ATTRIBUTE } from './record';

/** How long one storage call may take, retry included, before the turn goes on without it. */
export const STORAGE_DEADLINE_MS = 450;

export interface DynamoDbMemoryOptions {
  tableName: string;
  /** A local DynamoDB-compatible server (dynalite) for the console and tests; unset on Lambda. */
  endpoint?: string;
  deadlineMs?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const at = (value: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, key) => (isRecord(v) && Object.hasOwn(v, key) ? v[key] : undefined), value);

/** Alexa's user IDs: "amzn1.ask.account." and an opaque tail, a few hundred characters at most. */
const USER_ID = /^amzn1\.ask\.account\.[A-Za-z0-9._-]{1,1000}$/;

/**
 * The item key for a request's user: a SHA-256 of Alexa's user ID, never the ID itself. The ID is
 * already specific to this skill (and changes if the skill is disabled and enabled again), but stored
 * as a hash the table holds no Amazon identifier: a copy of it cannot be matched against anything else
 * keyed by the ID, such as Amazon's own records or another service the ID was given to. It is
 * pseudonymous, not anonymous: whoever has a user ID can still find that user's item. A request with
 * no well-formed user ID has no key, and is not remembered.
 */
export function memoryKey(envelope: RequestEnvelope): string | undefined {
  const userId = at(envelope, 'context', 'System', 'user', 'userId') ?? at(envelope, 'session', 'user', 'userId');
  return typeof userId === 'string' && USER_ID.test(userId) ? createHash('sha256').update(userId).digest('hex') : undefined;
}

export class DynamoDbMemory implements PersistenceAdapter {
  private readonly client: DynamoDBClient;
  private readonly documents: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly deadlineMs: number;

  constructor({ tableName, endpoint, deadlineMs = STORAGE_DEADLINE_MS }: DynamoDbMemoryOptions) {
    this.tableName = tableName;
    this.deadlineMs = deadlineMs;
    this.client = new DynamoDBClient({
      // One retry: a second attempt rescues a dropped connection; more would only make the listener wait.
      maxAttempts: 2,
      requestHandler: { connectionTimeout: Math.min(250, deadlineMs), requestTimeout: deadlineMs },
      // Locally there are no AWS credentials or region to find, and dynalite checks neither.
      ...(endpoint ? { endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    });
    this.documents = DynamoDBDocumentClient.from(this.client, { marshallOptions: { removeUndefinedValues: true } });
  }

  /** The deadline for one call: the SDK stops waiting (and retrying) when it passes. */
  private deadline() {
    return { abortSignal: AbortSignal.timeout(this.deadlineMs) };
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const id = memoryKey(envelope);
    if (id === undefined) return {};
    // Strongly consistent: a session often starts seconds after the last one wrote.
    const out = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: { [KEY_ATTRIBUTE]: id }, ConsistentRead: true }), this.deadline());
    const { [KEY_ATTRIBUTE]: _key, ...attributes } = out.Item ?? {};
    return attributes;
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const id = memoryKey(envelope);
    if (id === undefined) return;
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...attributes, [KEY_ATTRIBUTE]: id } }), this.deadline());
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const id = memoryKey(envelope);
    if (id === undefined) return;
    await this.documents.send(new DeleteCommand({ TableName: this.tableName, Key: { [KEY_ATTRIBUTE]: id } }), this.deadline());
  }

  /** Closes the client's connections (the console and tests, so Node can exit). */
  close(): void {
    this.documents.destroy();
    this.client.destroy();
  }
}
