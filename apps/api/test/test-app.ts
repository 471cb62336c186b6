import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import { createApp } from '../src/app.factory.js';
import { loadConfig, type AppConfig } from '../src/config/app-config.js';
import { configureLogger } from '../src/logging/logger.js';
import { createTestDatabase } from './test-database.js';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  databaseUrl: string;
  /** A pg pool on the test file's own database, for arranging data and checking results. */
  db: pg.Pool;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * Boots the real Nest app on a fresh copy of the migrated database. `env` may depend on that
 * database's URL (a read replica pointed at it, say).
 */
export async function createTestApp(
  env: Record<string, string> | ((databaseUrl: string) => Record<string, string>) = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    WEB_DIST: 'off',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(typeof env === 'function' ? env(database.url) : env),
  });
  configureLogger(config.logLevel);
  const app = await createApp(config, database.url);
  await app.init();
  const db = new pg.Pool({ connectionString: database.url, max: 4 });
  // end() resolves before its idle sockets have closed; drop() then ends their sessions (57P01), which
  // pg-pool re-emits on the pool, and an unheeded 'error' event fails a file whose tests all passed.
  db.on('error', () => undefined);
  return {
    app,
    config,
    databaseUrl: database.url,
    db,
    http: request(app.getHttpServer()),
    async close() {
      await app.close();
      await db.end();
      await database.drop();
    },
  };
}

/**
 * A second API process on the test file's database (a second Nest app here): it shares the database,
 * never this process's memory, as a deployment's other processes do. Jobs are off unless `env` says so.
 */
export async function createSecondApp(t: TestApp, env: Record<string, string> = {}): Promise<NestExpressApplication> {
  const app = await createApp(
    loadConfig({ NODE_ENV: 'test', WEB_DIST: 'off', JOBS_ENABLED: 'false', LOG_LEVEL: 'silent', ...env }),
    t.databaseUrl,
  );
  await app.init();
  return app;
}
