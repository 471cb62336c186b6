import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { runMigrations, withDatabase } from '../src/database/database.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { configureLogger } from '../src/logging/logger.js';
import { TEMPLATE_DATABASE, testRunDir } from './test-database.js';

/** Runs `start` with `extra` added to EMBEDDED_PG_SETTINGS, which the workers then inherit unchanged. */
async function withSettings<T>(extra: string[], start: () => Promise<T>): Promise<T> {
  const settings = process.env.EMBEDDED_PG_SETTINGS;
  process.env.EMBEDDED_PG_SETTINGS = [settings ?? '', ...extra].join(' ');
  try {
    return await start();
  } finally {
    if (settings === undefined) delete process.env.EMBEDDED_PG_SETTINGS;
    else process.env.EMBEDDED_PG_SETTINGS = settings;
  }
}

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
    // The tests reach this server through a Unix socket in the cluster's own folder (the server's user
    // can write there): every query is a write and a read on the connection, and over loopback TCP the
    // kernel's TCP path costs the client ~20–30 µs more CPU a query (measured with 5,000 in a row). It
    // still listens on 127.0.0.1, for whatever takes only the URL's host and port (PgBouncer's config,
    // libpq's PGHOST for pg_dump).
    const socketDir = path.join(dir, 'pg');
    const sockets = socketDir.length < 90 && !/[\s,]/.test(socketDir);
    const server = await withSettings(sockets ? [`unix_socket_directories=${socketDir}`] : [], () =>
      startEmbeddedPostgres({ dataDir: dir, persistent: false }),
    );
    Object.assign(globalThis, { __dubanPg: server, __dubanPgDir: dir });
    serverUrl = sockets ? `${server.url}?host=${encodeURIComponent(socketDir)}` : server.url;
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
