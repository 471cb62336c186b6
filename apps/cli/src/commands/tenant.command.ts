import type pg from 'pg';
import { hashPassword, passwordProblem, readablePassword } from '../../../api/src/modules/auth/password.js';
import { UPPER_CHAIN_CONTAINS_SQL } from '../../../api/src/modules/levels/tenant-link.sql.js';
import {
  MAX_UPPER_POINTS,
  replaceUpperPoints,
  UPPER_PUBLISHED_POINTS_SQL,
} from '../../../api/src/modules/levels/upper-plan-point.sql.js';
import { loadConfig } from '../../../api/src/config/app-config.js';
import type { CliCommand, CliIo } from '../command.js';
import { auditFromCli } from './cli-audit.js';
import { CliFailure, readOptions, withAppDatabase } from './tenant-database.js';

const USAGE = `tenant create --code <code> --name <name> --admin <username> [--admin-name <显示名>] [--password <pw>] [--two-factor on|off]
      tenant list
      tenant link --lower <code> --upper <code>     (上下联动: the lower tenant gets the upper one)
      tenant unlink --lower <code>
      tenant sso on|off --code <code>`;
const TENANT_CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;
const USERNAME = /^[A-Za-z0-9_.@-]{2,64}$/;

interface CreateArgs {
  code: string;
  name: string;
  admin: string;
  adminName: string;
  password: string | null;
  /** Office admins must use two-factor sign-in (the default policy); off until the security admin turns it on. */
  twoFactor: boolean;
}

function readCreateArgs(args: string[]): CreateArgs | string {
  const o = readOptions(args, ['code', 'name', 'admin', 'admin-name', 'password', 'two-factor']);
  if (typeof o === 'string') return o;
  for (const required of ['code', 'name', 'admin']) if (!o[required]) return `missing --${required}`;
  const code = o.code.trim().toLowerCase();
  if (!TENANT_CODE.test(code))
    return '--code must be 2–40 lowercase letters, digits or "-", starting with a letter or digit';
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
  const twoFactor = o['two-factor'] ?? 'on';
  if (twoFactor !== 'on' && twoFactor !== 'off') return '--two-factor must be on or off';
  return { code, name, admin: o.admin, adminName, password, twoFactor: twoFactor === 'on' };
}

async function createTenant(client: pg.Client, a: CreateArgs, io: CliIo) {
  const password = a.password ?? readablePassword();
  const passwordHash = await hashPassword(password, loadConfig(process.env).passwordHash);
  await client.query('BEGIN');
  try {
    const exists = await client.query('SELECT 1 FROM tenant WHERE code = $1', [a.code]);
    if (exists.rowCount) throw new CliFailure(`a tenant with code "${a.code}" already exists`);
    const tenant = (
      await client.query('INSERT INTO tenant (code, name) VALUES ($1, $2) RETURNING id', [a.code, a.name])
    ).rows[0];
    if (!a.twoFactor)
      await client.query(`INSERT INTO tenant_security_policy (tenant_id, two_factor_roles) VALUES ($1, '{}')`, [
        tenant.id,
      ]);
    // A generated password was seen on a terminal: its owner must replace it at first sign-in.
    // The first admin holds the system and the security admin's duties (三员分立) until they are split.
    const user = (
      await client.query(
        `INSERT INTO app_user (tenant_id, username, display_name, role, security_admin, password_hash, must_change_password)
         VALUES ($1, $2, $3, 'OFFICE_ADMIN', true, $4, $5) RETURNING id`,
        [tenant.id, a.admin, a.adminName, passwordHash, a.password === null],
      )
    ).rows[0];
    await auditFromCli(client, tenant.id, [
      { entityType: 'tenant', entityId: tenant.id, action: 'create', after: { code: a.code, name: a.name } },
      {
        entityType: 'user',
        entityId: user.id,
        action: 'create',
        after: {
          username: a.admin,
          displayName: a.adminName,
          role: 'OFFICE_ADMIN',
          roles: ['OFFICE_ADMIN', 'SECURITY_ADMIN'],
        },
      },
    ]);
    await client.query('COMMIT');
    io.stdout(`created tenant ${a.code} (${a.name}) with office admin ${a.admin} (system and security admin)\n`);
    if (a.password === null)
      io.stdout(`initial password (shown once, must be changed at first sign-in): ${password}\n`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function listTenants(client: pg.Client, io: CliIo) {
  const { rows } = await client.query(
    `SELECT t.code, t.name, to_char(t.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS created,
            (SELECT count(*) FROM app_user u WHERE u.tenant_id = t.id)::int AS users,
            (SELECT count(*) FROM unit n WHERE n.tenant_id = t.id)::int AS units,
            (SELECT u.code FROM tenant u WHERE u.id = t.upper_tenant_id) AS upper
       FROM tenant t ORDER BY t.code`,
  );
  if (!rows.length) {
    io.stdout('no tenants yet: npm run cli -- tenant create …\n');
    return;
  }
  const width = Math.max(4, ...rows.map((r) => r.code.length));
  io.stdout(`${'CODE'.padEnd(width)}  CREATED     USERS  UNITS  NAME\n`);
  for (const r of rows) {
    io.stdout(
      `${r.code.padEnd(width)}  ${r.created}  ${String(r.users).padStart(5)}  ${String(r.units).padStart(5)}  ${r.name}${r.upper ? `  (upper: ${r.upper})` : ''}\n`,
    );
  }
}

interface LinkArgs {
  lower: string;
  upper: string | null;
}

function readLinkArgs(args: string[], withUpper: boolean): LinkArgs | string {
  const o = readOptions(args, withUpper ? ['lower', 'upper'] : ['lower']);
  if (typeof o === 'string') return o;
  if (!o.lower) return 'missing --lower';
  if (withUpper && !o.upper) return 'missing --upper';
  return { lower: o.lower.trim().toLowerCase(), upper: withUpper ? o.upper.trim().toLowerCase() : null };
}

async function tenantByCode(client: pg.Client, code: string, lock = false) {
  const { rows } = await client.query(
    `SELECT id, code, name, upper_tenant_id FROM tenant WHERE code = $1${lock ? ' FOR UPDATE' : ''}`,
    [code],
  );
  if (!rows[0]) throw new CliFailure(`no tenant with code "${code}"`);
  return rows[0] as { id: string; code: string; name: string; upper_tenant_id: string | null };
}

/** The same history the web's link and unlink leave, in both tenants, marked as done from the CLI. */
async function auditLink(
  client: pg.Client,
  action: 'link' | 'unlink',
  upper: { id: string; name: string },
  lower: { id: string; name: string },
) {
  const after = {
    upperTenant: { id: upper.id, name: upper.name },
    lowerTenant: { id: lower.id, name: lower.name },
  };
  await auditFromCli(client, upper.id, [{ entityType: 'tenant_link', entityId: lower.id, action, after }]);
  await auditFromCli(client, lower.id, [{ entityType: 'tenant_link', entityId: upper.id, action, after }]);
}

async function inTransaction(client: pg.Client, work: () => Promise<void>) {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function linkTenants(client: pg.Client, a: LinkArgs, io: CliIo) {
  await inTransaction(client, async () => {
    const lower = await tenantByCode(client, a.lower, true);
    const upper = await tenantByCode(client, a.upper!);
    if (lower.id === upper.id) throw new CliFailure('a tenant cannot be its own upper tenant');
    if (lower.upper_tenant_id === upper.id) throw new CliFailure(`${lower.code} is already linked under ${upper.code}`);
    if (lower.upper_tenant_id)
      throw new CliFailure(
        `${lower.code} already has an upper tenant: unlink it first (tenant unlink --lower ${lower.code})`,
      );
    if ((await client.query(UPPER_CHAIN_CONTAINS_SQL, [upper.id, lower.id])).rowCount) {
      throw new CliFailure(`${upper.code} is below ${lower.code}: linking would make a cycle`);
    }
    await client.query(`UPDATE tenant SET upper_tenant_id = $2, linked_at = now() WHERE id = $1`, [lower.id, upper.id]);
    await auditLink(client, 'link', upper, lower);
    // The lower tenant's copy of the upper's published key points, as the web's accept makes it.
    await replaceUpperPoints(
      client,
      lower.id,
      upper.id,
      (await client.query(UPPER_PUBLISHED_POINTS_SQL, [upper.id, MAX_UPPER_POINTS])).rows,
    );
  });
  io.stdout(`linked ${a.lower} under ${a.upper}\n`);
}

async function unlinkTenant(client: pg.Client, a: LinkArgs, io: CliIo) {
  let upperCode = '';
  await inTransaction(client, async () => {
    const lower = await tenantByCode(client, a.lower, true);
    if (!lower.upper_tenant_id) throw new CliFailure(`${lower.code} has no upper tenant`);
    const upper = (await client.query(`SELECT id, code, name FROM tenant WHERE id = $1`, [lower.upper_tenant_id]))
      .rows[0];
    await client.query(`UPDATE tenant SET upper_tenant_id = NULL, linked_at = NULL WHERE id = $1`, [lower.id]);
    await auditLink(client, 'unlink', upper, lower);
    await replaceUpperPoints(client, lower.id, null, []);
    upperCode = upper.code;
  });
  io.stdout(`unlinked ${a.lower} from ${upperCode}\n`);
}

/**
 * Turns the tenant's 统一身份认证 on or off. Off lets every account sign in with its password again: the
 * way back in for an office admin locked out by a misconfigured provider.
 */
async function switchSso(client: pg.Client, code: string, on: boolean, io: CliIo) {
  let found!: { tenant_id: string; issuer: string; password_allowed: boolean };
  await inTransaction(client, async () => {
    const { rows } = await client.query(
      `UPDATE tenant_sso s SET enabled = $2, version = s.version + 1, updated_at = now() FROM tenant t
        WHERE t.id = s.tenant_id AND t.code = $1 RETURNING s.tenant_id, s.issuer, s.password_allowed`,
      [code, on],
    );
    if (!rows.length)
      throw new CliFailure(
        `tenant "${code}" has no single sign-on configured (the office admin sets it under 系统设置 → 统一身份认证)`,
      );
    await auditFromCli(client, rows[0].tenant_id, [
      { entityType: 'tenant', entityId: rows[0].tenant_id, action: 'sso.settings', after: { enabled: on } },
    ]);
    found = rows[0];
  });
  io.stdout(
    on
      ? `single sign-on is on for ${code} (${found.issuer})${found.password_allowed ? '; passwords stay allowed' : '; passwords are refused'}\n`
      : `single sign-on is off for ${code}: everyone signs in with a password\n`,
  );
}

/** `tenant create|list|link|unlink|sso`: sets up a government (tenant) and its first office admin from the server shell. */
export const tenantCommand: CliCommand = {
  summary:
    'create a tenant with its first office admin, list tenants, link a tenant under its upper tenant, turn single sign-on on or off',
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
    } else if (sub === 'sso' && (rest[0] === 'on' || rest[0] === 'off')) {
      const o = readOptions(rest.slice(1), ['code']);
      if (typeof o === 'string' || !o.code) {
        io.stderr(`${typeof o === 'string' ? o : 'missing --code'}\nusage: ${USAGE}\n`);
        return 2;
      }
      work = (client) => switchSso(client, o.code.trim().toLowerCase(), rest[0] === 'on', io);
    } else if (sub === 'list' && rest.length === 0) {
      work = (client) => listTenants(client, io);
    } else if (sub === 'link' || sub === 'unlink') {
      const parsed = readLinkArgs(rest, sub === 'link');
      if (typeof parsed === 'string') {
        io.stderr(`${parsed}\nusage: ${USAGE}\n`);
        return 2;
      }
      work = (client) => (sub === 'link' ? linkTenants(client, parsed, io) : unlinkTenant(client, parsed, io));
    } else {
      io.stderr(`${sub ? `unknown or malformed subcommand: ${sub}` : 'missing subcommand'}\nusage: ${USAGE}\n`);
      return 2;
    }
    try {
      await withAppDatabase(work);
      return 0;
    } catch (error) {
      // One line, exit 1, whatever went wrong: scripts check the code, people read the line.
      io.stderr(
        `${error instanceof CliFailure ? '' : 'failed: '}${(error as Error).message.replace(/\s*\n\s*/g, ' ')}\n`,
      );
      return 1;
    }
  },
};
