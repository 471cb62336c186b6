import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import { createApp } from '../../app.factory.js';
import { loadConfig } from '../../config/app-config.js';
import { configureLogger } from '../../logging/logger.js';
import { runMigrations, withDatabase } from '../../database/database.js';
import { testRunDir } from '../../../test/test-database.js';
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from '../../database/embedded-postgres.js';

/**
 * A PostgreSQL of the test's own (not the shared one of the jest run), on a fixed port so it can be
 * stopped and started again under a running app, migrated into database `duban`.
 */
export class OwnPostgres {
  private server: EmbeddedServer | null = null;
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<OwnPostgres> {
    // Under the run's .test-data like the shared server: initdb runs as `postgres` when we are root,
    // and mkdtemp's private (0700) directories would be closed to it.
    const dir = path.join(testRunDir(), `fault-pg-${randomBytes(4).toString('hex')}`);
    mkdirSync(dir, { recursive: true });
    const own = new OwnPostgres(dir, await freePort());
    await own.up();
    const admin = new pg.Client({ connectionString: own.serverUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE duban');
    await admin.end();
    await runMigrations(own.url);
    return own;
  }

  get serverUrl(): string {
    if (!this.server) throw new Error('PostgreSQL is down');
    return this.server.url;
  }

  /** The app's database; stays valid across restarts (same port, same password file). */
  url = '';

  async up(): Promise<void> {
    this.server = await startEmbeddedPostgres({ dataDir: this.dir, port: this.port, persistent: true });
    this.url = withDatabase(this.server.url, 'duban');
  }

  /** The postmaster's process id, to kill it as a crash would. */
  async postmasterPid(): Promise<number | null> {
    return (await this.server?.postmasterPid()) ?? null;
  }

  async down(): Promise<void> {
    await this.server?.stop();
    this.server = null;
  }

  async destroy(): Promise<void> {
    await this.down().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The real app on an OwnPostgres, and a small pool whose idle clients may die with the server. */
export async function appOn(own: OwnPostgres): Promise<{ app: NestExpressApplication; db: pg.Pool }> {
  const config = loadConfig({
    NODE_ENV: 'test',
    WEB_DIST: 'off',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: own.url,
  });
  configureLogger(config.logLevel);
  const app = await createApp(config, own.url);
  await app.init();
  const db = new pg.Pool({ connectionString: own.url, max: 2 });
  db.on('error', () => undefined); // idle clients die with the server; the pool replaces them
  return { app, db };
}
