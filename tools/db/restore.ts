// `npm run db:restore -- --file <dump> [--database-url <url>] [--yes]`: pg_restore into DATABASE_URL (or
// the embedded database in DATA_DIR). A database that already holds tables is replaced only with --yes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { checkVersions, libpqEnv, main, openTarget, parseArgs, runTool, ToolFailure } from './db-tools.js';

/** The tables whose counts tell an operator the restore brought the data back. */
const MAIN_TABLES = [
  'tenant',
  'unit',
  'app_user',
  'plan',
  'key_point',
  'task',
  'progress_report',
  'report_evidence',
  'stored_file',
  'delay_request',
  'urge',
  'audit_log',
];

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const userTableCount = (c: pg.Client) =>
  c
    .query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`)
    .then((r) => r.rows[0].n as number);

await main(async () => {
  const args = parseArgs(process.argv.slice(2), ['file', 'database-url'], ['yes']);
  if (typeof args.file !== 'string')
    throw new ToolFailure('usage: npm run db:restore -- --file <backup.dump> [--database-url <url>] [--yes]');
  const file = path.resolve(args.file);
  if (!existsSync(file)) throw new ToolFailure(`backup file not found: ${file}`);
  const target = await openTarget(typeof args['database-url'] === 'string' ? args['database-url'] : undefined, true);
  try {
    await checkVersions('pg_restore', target.url);
    const tables = await withClient(target.url, userTableCount);
    if (tables > 0 && args.yes !== true) {
      throw new ToolFailure(
        `${target.label} already holds ${tables} tables: add --yes to replace its contents with the backup`,
      );
    }
    // Owners and grants are the target's business: the roles they name (such as duban_tenant) may not exist
    // in its cluster yet. The app's start-up grants the tenant role again (secureTenantTables).
    await runTool(
      'pg_restore',
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-acl',
        '--no-password',
        '--exit-on-error',
        '--single-transaction',
        `--dbname=${libpqEnv(target.url).PGDATABASE}`,
        file,
      ],
      libpqEnv(target.url),
    );
    const counts = await withClient(target.url, async (c) => {
      const out: string[] = [];
      for (const table of MAIN_TABLES) {
        const exists = await c.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`public.${table}`]);
        if (exists.rows[0].ok)
          out.push(`${table} ${(await c.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n}`);
      }
      return out;
    });
    console.log(`restored ${file} into ${target.label}`);
    console.log(counts.join('\n'));
  } finally {
    await target.stop();
  }
});
