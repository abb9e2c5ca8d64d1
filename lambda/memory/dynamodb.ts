/**
 * ask-sdk's PersistenceAdapter on DynamoDB: GetItem, PutItem and DeleteItem, sent over Node's own
 * HTTP client as DynamoDB's JSON protocol, signed by AWS's SigV4 signer (@smithy/signature-v4, the one
 * inside every AWS SDK v3 client) and marshalled by AWS's @aws-sdk/util-dynamodb. Both are bundled.
 *
 * Why not the AWS SDK's DynamoDB client: loading it was nearly all of a cold start. Measured with
 * `npm run bench` on a 2-core machine: a cold LaunchRequest took 95 ms against 4.9 ms for a hello-world
 * skill, 73 ms of it `require`-ing @aws-sdk/client-dynamodb and lib-dynamodb (59 ms even bundled and
 * tree-shaken, at 595 KB). The signer and marshaller bundled are about 20 KB and load in a few
 * milliseconds. On Lambda a 256 MB function has about a seventh of a vCPU, so the difference is a
 * pause the listener hears on the first "open second opinion guide" after a quiet spell. ask-sdk's own
 * adapter (ask-sdk-dynamodb-persistence-adapter 2.14) is built on aws-sdk v2, out of support since
 * September 2025.
 *
 * Storage is a convenience: a turn must answer without it. Every call has a deadline and at most one
 * retry, so an unreachable table costs a turn well under a second (the caller then carries on without).
 */
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { SignatureV4 } from '@smithy/signature-v4';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import { setTimeout as delay } from 'node:timers/promises';
import { KEY_ATTRIBUTE } from './record';

/** How long one storage call may take, retry included, before the turn goes on without it. */
export const STORAGE_DEADLINE_MS = 450;

/** The longest a new connection may take to open (TLS included): past it, the retry still fits in the deadline. */
const CONNECT_TIMEOUT_MS = 250;

/**
 * The longest an answer may take to start on a connection kept from an earlier turn. A connection can
 * die silently while Lambda freezes the function between requests; without this the first try would
 * wait out the whole deadline on it. DynamoDB answers a GetItem in single-digit milliseconds, so 150 ms
 * leaves the retry, on a fresh connection, room inside the 450 ms.
 */
const REUSED_ANSWER_TIMEOUT_MS = 150;

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface DynamoDbMemoryOptions {
  tableName: string;
  /** A local DynamoDB-compatible server (dynalite) for the console and tests; unset on Lambda. */
  endpoint?: string;
  deadlineMs?: number;
  /** Unset on Lambda: the region the function runs in (AWS_REGION); eu-west-1 for a local endpoint without one. */
  region?: string;
  /**
   * Unset on Lambda: the function's role, from the environment the runtime sets (AWS_ACCESS_KEY_ID,
   * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), which is where the AWS SDK's default chain finds them
   * there too; a local endpoint without them signs with placeholders. Read at each call, never kept in a
   * log or an error.
   */
  credentials?: Credentials;
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

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): Buffer =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);

/**
 * SHA-256 and HMAC-SHA-256 from node:crypto, in the shape the signer asks for. (AWS's own,
 * @smithy/hash-node, does the same but brings its stream utilities: 18 ms to load, measured.)
 */
class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** A refusal from DynamoDB, named by its error type ("ResourceNotFoundException"); the message is not kept. */
export class DynamoDbError extends Error {
  constructor(
    name: string,
    readonly statusCode: number,
  ) {
    super(`DynamoDB answered ${statusCode}`);
    this.name = name;
  }
}

/** The credentials are not in the environment: not on Lambda, and none given. */
class MissingCredentials extends Error {
  override name = 'MissingCredentials';
}

/** No region in the environment and no endpoint given: nowhere to send to. */
class MissingRegion extends Error {
  override name = 'MissingRegion';
}

/** Error types worth one more try: DynamoDB asks the caller to slow down or had a fault of its own. */
const RETRYABLE = new Set(['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'InternalServerError', 'ServiceUnavailable']);
const retryable = (error: unknown): boolean =>
  error instanceof DynamoDbError
    ? error.statusCode >= 500 || RETRYABLE.has(error.name)
    : !(error instanceof MissingCredentials) && !(error instanceof MissingRegion) && (error as { name?: unknown }).name !== 'AbortError';

/** A short pause before the retry, with jitter, so many functions failing at once don't retry in step. */
const backoff = (signal: AbortSignal) => delay(20 + Math.random() * 30, undefined, { signal });

type Operation = 'GetItem' | 'PutItem' | 'DeleteItem';

export class DynamoDbMemory implements PersistenceAdapter {
  private readonly tableName: string;
  private readonly deadlineMs: number;
  private readonly url: URL | undefined;
  private readonly signer: SignatureV4;
  /** Connections kept open between turns of a warm function, as the AWS SDK keeps them. */
  private readonly agent: http.Agent;

  constructor({ tableName, endpoint, deadlineMs = STORAGE_DEADLINE_MS, region, credentials }: DynamoDbMemoryOptions) {
    this.tableName = tableName;
    this.deadlineMs = deadlineMs;
    // Locally there may be no AWS credentials or region to find, and dynalite checks neither.
    const local = endpoint !== undefined;
    const signingRegion = region ?? process.env.AWS_REGION ?? (local ? 'eu-west-1' : '');
    // Off Lambda, with no region and no endpoint, there is no address: each call fails at once, by name,
    // rather than as ENOTFOUND (and never the skill's start-up, which must answer without storage).
    this.url = signingRegion || local ? new URL(endpoint ?? `https://dynamodb.${signingRegion}.amazonaws.com`) : undefined;
    this.agent = this.url?.protocol === 'http:' ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true });
    this.signer = new SignatureV4({
      service: 'dynamodb',
      region: signingRegion,
      sha256: NodeSha256,
      credentials: () => Promise.resolve(credentials ?? fromEnvironment(local ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined)),
    });
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const id = memoryKey(envelope);
    if (id === undefined) return {};
    // Strongly consistent: a session often starts seconds after the last one wrote.
    const out = await this.call('GetItem', { TableName: this.tableName, Key: marshall({ [KEY_ATTRIBUTE]: id }), ConsistentRead: true });
    const item = at(out, 'Item');
    const { [KEY_ATTRIBUTE]: _key, ...attributes } = isRecord(item) ? (unmarshall(item as Parameters<typeof unmarshall>[0]) as Record<string, unknown>) : {};
    return attributes;
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const id = memoryKey(envelope);
    if (id === undefined) return;
    await this.call('PutItem', { TableName: this.tableName, Item: marshall({ ...attributes, [KEY_ATTRIBUTE]: id }, { removeUndefinedValues: true }) });
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const id = memoryKey(envelope);
    if (id === undefined) return;
    await this.call('DeleteItem', { TableName: this.tableName, Key: marshall({ [KEY_ATTRIBUTE]: id }) });
  }

  /** Closes the kept-open connections (the console and tests, so Node can exit). */
  close(): void {
    this.agent.destroy();
  }

  /** One operation within the deadline: a first try and, if it failed in a way worth it, one more. */
  private async call(operation: Operation, input: object): Promise<unknown> {
    const signal = AbortSignal.timeout(this.deadlineMs);
    try {
      return await this.send(operation, input, signal);
    } catch (error) {
      if (signal.aborted || !retryable(error)) throw error;
      await backoff(signal);
      return await this.send(operation, input, signal);
    }
  }

  private async send(operation: Operation, input: object, signal: AbortSignal): Promise<unknown> {
    if (!this.url) throw new MissingRegion('no AWS region in the environment');
    const body = JSON.stringify(input);
    const { hostname, port, host, protocol } = this.url;
    const signed = await this.signer.sign({
      method: 'POST',
      protocol,
      hostname,
      port: port ? Number(port) : undefined,
      path: '/',
      query: {},
      headers: {
        host,
        'content-type': 'application/x-amz-json-1.0',
        'content-length': String(Buffer.byteLength(body)),
        'x-amz-target': `DynamoDB_20120810.${operation}`,
      },
      body,
    });
    const request = protocol === 'http:' ? http.request : https.request;
    return new Promise((resolve, reject) => {
      const outgoing = request({ method: 'POST', hostname, port: port || undefined, path: '/', headers: signed.headers, agent: this.agent, signal }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          let parsed: unknown;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            parsed = undefined;
          }
          if (status === 200 && parsed !== undefined) return resolve(parsed);
          // "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException" → "ResourceNotFoundException".
          const type = at(parsed, '__type');
          reject(new DynamoDbError(typeof type === 'string' ? (type.split('#').pop() ?? 'DynamoDbError') : 'DynamoDbError', status));
        });
      });
      // A new connection that doesn't open in time, or a kept one that doesn't answer in time: give up on
      // this try, leaving time for the retry.
      outgoing.on('socket', (socket) => {
        const reused = outgoing.reusedSocket;
        if (!reused && !socket.connecting) return;
        const timer = setTimeout(
          () => outgoing.destroy(Object.assign(new Error(reused ? 'no answer on a kept connection' : 'connect timed out'), { code: 'ETIMEDOUT' })),
          reused ? REUSED_ANSWER_TIMEOUT_MS : CONNECT_TIMEOUT_MS,
        );
        const done = () => clearTimeout(timer);
        if (reused) outgoing.once('response', done);
        else socket.once(protocol === 'https:' ? 'secureConnect' : 'connect', done);
        socket.once('close', done);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}

/** The function's credentials, as the Lambda runtime puts them in the environment; else `otherwise`. */
function fromEnvironment(otherwise?: Credentials): Credentials {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
  if (!accessKeyId || !secretAccessKey) {
    if (otherwise) return otherwise;
    throw new MissingCredentials('no AWS credentials in the environment');
  }
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
