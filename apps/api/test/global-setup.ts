import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { runMigrations, withDatabase } from '../src/database/database.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { configureLogger } from '../src/logging/logger.js';
import { TEMPLATE_DATABASE, testRunDir } from './test-database.js';

/**
 * Once per jest run: one PostgreSQL (embedded, or the server of DATABASE_URL), migrations applied once
 * into a template database. Each test file then clones it (see test-database.ts).
 */
export default async function globalSetup() {
  // Its info lines ("initialising a new PostgreSQL cluster") would land in the middle of jest's report.
  configureLogger(process.env.TEST_LOG_LEVEL ?? 'warn');
  const external = process.env.DATABASE_URL;
  let serverUrl: string;
  if (external) {
    serverUrl = external;
  } else {
    const dir = path.join(testRunDir(), `pg-${process.pid}`);
    await fs.rm(dir, { recursive: true, force: true });
    const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
    Object.assign(globalThis, { __dubanPg: server, __dubanPgDir: dir });
    serverUrl = server.url;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const template = `${TEMPLATE_DATABASE}_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  await runMigrations(withDatabase(serverUrl, template));
  process.env.DUBAN_TEST_SERVER_URL = serverUrl;
  process.env.DUBAN_TEST_TEMPLATE = template;
}
