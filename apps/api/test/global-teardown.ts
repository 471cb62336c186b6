import fs from 'node:fs/promises';
import pg from 'pg';
import type { EmbeddedServer } from '../src/database/embedded-postgres.js';

export default async function globalTeardown() {
  const { __dubanPg: server, __dubanPgDir: dir } = globalThis as { __dubanPg?: EmbeddedServer; __dubanPgDir?: string };
  if (server) {
    await server.stop();
    // The cluster is gone with the server (not persistent); its password file goes with the run's folder.
    if (dir) await fs.rm(dir, { recursive: true, force: true });
    return;
  }
  // External server: drop what this run created.
  const url = process.env.DUBAN_TEST_SERVER_URL;
  const template = process.env.DUBAN_TEST_TEMPLATE;
  if (!url || !template) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`]);
  for (const { datname } of rows)
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
  await admin.end();
}
