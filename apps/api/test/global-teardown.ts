import pg from 'pg';
import type { EmbeddedServer } from '../src/database/embedded-postgres.js';

export default async function globalTeardown() {
  const server = (globalThis as { __dubanPg?: EmbeddedServer }).__dubanPg;
  if (server) {
    await server.stop();
    return;
  }
  // External server: drop what this run created.
  const url = process.env.DUBAN_TEST_SERVER_URL;
  const template = process.env.DUBAN_TEST_TEMPLATE;
  if (!url || !template) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
  await admin.end();
}
