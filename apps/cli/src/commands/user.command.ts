import type pg from 'pg';
import { hashPassword, ONE_TIME_PASSWORD_HOURS, readablePassword } from '../../../api/src/modules/auth/password.js';
import { DEFAULT_SECURITY_POLICY } from '../../../api/src/modules/auth/security-policy.js';
import { loadConfig } from '../../../api/src/config/app-config.js';
import type { CliCommand, CliIo } from '../command.js';
import { auditFromCli } from './cli-audit.js';
import { CliFailure, readOptions, withAppDatabase } from './tenant-database.js';

const USAGE = 'user reset-password --tenant <code> --username <username>';

/**
 * Sets a one-time password and unlocks the account: the way back in when the only office admin has
 * forgotten theirs (inside the app an admin resets others' passwords).
 */
async function resetPassword(client: pg.Client, tenantCode: string, username: string, io: CliIo) {
  let password = '';
  await client.query('BEGIN');
  try {
    const found = await client.query(
      `SELECT u.tenant_id, u.id, p.password_min_length, p.password_min_classes
         FROM app_user u JOIN tenant t ON t.id = u.tenant_id LEFT JOIN tenant_security_policy p ON p.tenant_id = u.tenant_id
        WHERE t.code = $1 AND u.username = $2 FOR UPDATE OF u`,
      [tenantCode, username],
    );
    if (!found.rowCount) throw new CliFailure(`no user "${username}" in tenant "${tenantCode}"`);
    const { tenant_id: tenantId, id, password_min_length: minLength, password_min_classes: minClasses } = found.rows[0];
    // The tenant's own password rules hold for a one-time password too.
    password = readablePassword({
      passwordMinLength: minLength ?? DEFAULT_SECURITY_POLICY.passwordMinLength,
      passwordMinClasses: minClasses ?? DEFAULT_SECURITY_POLICY.passwordMinClasses,
    });
    const passwordHash = await hashPassword(password, loadConfig(process.env).passwordHash);
    // The forgotten password joins the history, so it cannot be chosen again right away.
    await client.query(
      `INSERT INTO password_history (tenant_id, user_id, password_hash) SELECT tenant_id, id, password_hash FROM app_user WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    await client.query(
      `UPDATE app_user SET password_hash = $3, must_change_password = true, failed_logins = 0, locked_until = NULL,
              password_expires_at = now() + make_interval(hours => $4), password_changed_at = now(), version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, passwordHash, ONE_TIME_PASSWORD_HOURS],
    );
    // An attack on the tenant may have blocked sign-ins to it as a whole; the admin being let back in is the point.
    await client.query(`DELETE FROM sign_in_throttle WHERE scope = 'tenant' AND key = $1`, [tenantCode]);
    await client.query(`DELETE FROM user_session WHERE tenant_id = $1 AND user_id = $2`, [tenantId, id]);
    await auditFromCli(client, tenantId, [
      { entityType: 'user', entityId: id, action: 'password.reset', after: { unlocked: true } },
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  io.stdout(`one-time password for ${username} (must be changed at next sign-in): ${password}\n`);
}

export const userCommand: CliCommand = {
  summary: "reset a user's password (signs the user out everywhere)",
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    const o =
      sub === 'reset-password'
        ? readOptions(rest, ['tenant', 'username'])
        : `${sub ? `unknown subcommand: ${sub}` : 'missing subcommand'}`;
    if (typeof o === 'string' || !o.tenant || !o.username) {
      io.stderr(`${typeof o === 'string' ? o : 'missing --tenant or --username'}\nusage: ${USAGE}\n`);
      return 2;
    }
    try {
      await withAppDatabase((client) => resetPassword(client, o.tenant.trim().toLowerCase(), o.username.trim(), io));
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
