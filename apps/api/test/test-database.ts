import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { withDatabase } from '../src/database/database.js';

export const TEMPLATE_DATABASE = 'duban_template';

export function testRunDir(): string {
  return path.resolve(process.cwd(), '.test-data');
}

/** A fresh database for one test file: a copy of the migrated template (CREATE DATABASE … TEMPLATE). */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.DUBAN_TEST_SERVER_URL;
  const template = process.env.DUBAN_TEST_TEMPLATE;
  if (!serverUrl || !template) throw new Error('integration tests need the jest global setup (run them with npm test)');
  const name = `${template}_t${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A fresh database with a client on it, also shaped as the QueryRunner a migration's `up`/`down` take:
 * for running one migration over data from before it.
 */
export async function createMigrationDatabase(): Promise<{
  client: pg.Client;
  runner: QueryRunner;
  close(): Promise<void>;
}> {
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const runner = {
    query: (sql: string, params?: unknown[]) => client.query(sql, params).then((r) => r.rows),
  } as unknown as QueryRunner;
  return {
    client,
    runner,
    async close() {
      await client.end();
      await database.drop();
    },
  };
}
