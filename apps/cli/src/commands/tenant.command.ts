import type pg from 'pg';
import { hashPassword, passwordProblem, readablePassword } from '../../../api/src/modules/auth/password.js';
import type { CliCommand, CliIo } from '../command.js';
import { CliFailure, readOptions, withAppDatabase } from './tenant-database.js';

const USAGE = `tenant create --code <code> --name <name> --admin <username> [--admin-name <显示名>] [--password <pw>]
      tenant list`;
const TENANT_CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;
const USERNAME = /^[A-Za-z0-9_.@-]{2,64}$/;

interface CreateArgs {
  code: string;
  name: string;
  admin: string;
  adminName: string;
  password: string | null;
}

function readCreateArgs(args: string[]): CreateArgs | string {
  const o = readOptions(args, ['code', 'name', 'admin', 'admin-name', 'password']);
  if (typeof o === 'string') return o;
  for (const required of ['code', 'name', 'admin']) if (!o[required]) return `missing --${required}`;
  const code = o.code.trim().toLowerCase();
  if (!TENANT_CODE.test(code)) return '--code must be 2–40 lowercase letters, digits or "-", starting with a letter or digit';
  const name = o.name.trim();
  if (!name || [...name].length > 100) return '--name must be 1–100 characters';
  if (!USERNAME.test(o.admin)) return '--admin must be 2–64 letters, digits or _ . @ -';
  const adminName = (o['admin-name'] ?? '管理员').trim();
  if (!adminName || [...adminName].length > 50) return '--admin-name must be 1–50 characters';
  const password = o.password ?? null;
  if (password !== null) {
    const problem = passwordProblem(password);
    if (problem) return `--password: ${problem}`;
  }
  return { code, name, admin: o.admin, adminName, password };
}

async function createTenant(client: pg.Client, a: CreateArgs, io: CliIo) {
  const password = a.password ?? readablePassword();
  const passwordHash = await hashPassword(password);
  await client.query('BEGIN');
  try {
    const exists = await client.query('SELECT 1 FROM tenant WHERE code = $1', [a.code]);
    if (exists.rowCount) throw new CliFailure(`a tenant with code "${a.code}" already exists`);
    const tenant = (await client.query('INSERT INTO tenant (code, name) VALUES ($1, $2) RETURNING id', [a.code, a.name])).rows[0];
    // A generated password was seen on a terminal: its owner must replace it at first sign-in.
    const user = (
      await client.query(
        `INSERT INTO app_user (tenant_id, username, display_name, role, password_hash, must_change_password)
         VALUES ($1, $2, $3, 'OFFICE_ADMIN', $4, $5) RETURNING id`,
        [tenant.id, a.admin, a.adminName, passwordHash, a.password === null],
      )
    ).rows[0];
    await client.query(
      `INSERT INTO audit_log (tenant_id, actor_id, entity_type, entity_id, action, after, note)
       VALUES ($1, NULL, 'tenant', $1, 'create', $2::jsonb, 'cli'), ($1, NULL, 'user', $3, 'create', $4::jsonb, 'cli')`,
      [tenant.id, JSON.stringify({ code: a.code, name: a.name }), user.id, JSON.stringify({ username: a.admin, displayName: a.adminName, role: 'OFFICE_ADMIN' })],
    );
    await client.query('COMMIT');
    io.stdout(`created tenant ${a.code} (${a.name}) with office admin ${a.admin}\n`);
    if (a.password === null) io.stdout(`initial password (shown once, must be changed at first sign-in): ${password}\n`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function listTenants(client: pg.Client, io: CliIo) {
  const { rows } = await client.query(
    `SELECT t.code, t.name, to_char(t.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS created,
            (SELECT count(*) FROM app_user u WHERE u.tenant_id = t.id)::int AS users,
            (SELECT count(*) FROM unit n WHERE n.tenant_id = t.id)::int AS units
       FROM tenant t ORDER BY t.code`,
  );
  if (!rows.length) {
    io.stdout('no tenants yet: npm run cli -- tenant create …\n');
    return;
  }
  const width = Math.max(4, ...rows.map((r) => r.code.length));
  io.stdout(`${'CODE'.padEnd(width)}  CREATED     USERS  UNITS  NAME\n`);
  for (const r of rows) {
    io.stdout(`${r.code.padEnd(width)}  ${r.created}  ${String(r.users).padStart(5)}  ${String(r.units).padStart(5)}  ${r.name}\n`);
  }
}

/** `tenant create|list`: sets up a government (tenant) and its first office admin from the server shell. */
export const tenantCommand: CliCommand = {
  summary: 'create a tenant with its first office admin, or list tenants',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    let work: (client: pg.Client) => Promise<void>;
    if (sub === 'create') {
      const parsed = readCreateArgs(rest);
      if (typeof parsed === 'string') {
        io.stderr(`${parsed}\nusage: ${USAGE}\n`);
        return 2;
      }
      work = (client) => createTenant(client, parsed, io);
    } else if (sub === 'list' && rest.length === 0) {
      work = (client) => listTenants(client, io);
    } else {
      io.stderr(`${sub ? `unknown or malformed subcommand: ${sub}` : 'missing subcommand'}\nusage: ${USAGE}\n`);
      return 2;
    }
    try {
      await withAppDatabase(work);
      return 0;
    } catch (error) {
      // One line, exit 1, whatever went wrong: scripts check the code, people read the line.
      io.stderr(`${error instanceof CliFailure ? '' : 'failed: '}${(error as Error).message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 1;
    }
  },
};
