/**
 * A real, local DynamoDB-compatible database for the console and the tests: dynalite (DynamoDB's API on
 * LevelDB) on a free port on 127.0.0.1, in memory unless given a folder, with the skill's table made as
 * the stack makes it (same key; dynalite has no TTL, which is why the skill ignores expired items itself).
 */
import { CreateTableCommand, DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';
import { DynamoDbMemory, type DynamoDbMemoryOptions } from '../../lambda/memory/dynamodb';
import { KEY_ATTRIBUTE } from '../../lambda/memory/record';

export const LOCAL_TABLE = 'second-opinion-guide-memory';

export interface LocalMemory {
  endpoint: string;
  tableName: string;
  /** A document client on the same table, for tests that look at or plant items directly. */
  documents: DynamoDBDocumentClient;
  /** The skill's own adapter on this database. */
  adapter(options?: Partial<DynamoDbMemoryOptions>): DynamoDbMemory;
  stop(): Promise<void>;
}

export async function startLocalMemory({ path }: { path?: string } = {}): Promise<LocalMemory> {
  // No artificial CREATING delay: the table is usable as soon as it is made.
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({ endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await client.send(
      new CreateTableCommand({
        TableName: LOCAL_TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: KEY_ATTRIBUTE, KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: KEY_ATTRIBUTE, AttributeType: 'S' }],
      }),
    );
  } catch (error) {
    // A folder kept from an earlier run already has the table.
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const documents = DynamoDBDocumentClient.from(client);
  const adapters: DynamoDbMemory[] = [];
  return {
    endpoint,
    tableName: LOCAL_TABLE,
    documents,
    adapter(options = {}) {
      const adapter = new DynamoDbMemory({ tableName: LOCAL_TABLE, endpoint, ...options });
      adapters.push(adapter);
      return adapter;
    },
    async stop() {
      adapters.forEach((adapter) => adapter.close());
      client.destroy();
      // Clients keep connections alive; close them, or the server waits for them to time out.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
