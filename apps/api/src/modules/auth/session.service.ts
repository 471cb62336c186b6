import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { Viewer } from '../../common/viewer.js';
import { SessionPolicy } from './session-policy.js';
import { isUuid } from '../../common/validation.js';
import { one, rows } from '../../common/sql.js';
import { secretHash } from '../../common/secret-hash.js';
import { AuditService, type AuditOrigin } from '../audit/index.js';

/** A live session with the person it signs in. */
interface SessionRow {
  csrf_token: string;
  last_seen_at: Date;
  user_id: string;
  role: Viewer['role'];
  unit_id: string | null;
  username: string;
  display_name: string;
  must_change_password: boolean;
}

export const SESSION_COOKIE = 'duban_session';
export const CSRF_COOKIE = 'duban_csrf';

/**
 * Over HTTPS the cookies carry the `__Host-` prefix: the browser then accepts them only Secure, for
 * path /, from this exact host (no sibling subdomain can set or shadow them). Plain HTTP (a developer's
 * machine) cannot use the prefix.
 */
export const cookieName = (name: string, secure: boolean) => (secure ? `__Host-${name}` : name);

/** The session cookie of a request, whichever form it came in. */
export const sessionCookieOf = (cookies: Record<string, string> | undefined) =>
  cookies?.[`__Host-${SESSION_COOKIE}`] ?? cookies?.[SESSION_COOKIE];
/** Cookie attributes: Secure whenever the request came over HTTPS (directly, or via a trusted proxy). */
export const sessionCookieOptions = (req: Request, trustProxy: boolean) => ({
  sameSite: 'lax' as const,
  secure: req.secure || trustProxy,
  path: '/',
});

/** Hands a new session to the browser: the HttpOnly session cookie and the CSRF token the web app reads. */
export function setSessionCookies(
  req: Request,
  res: Response,
  session: { cookie: string; csrfToken: string; expiresAt: Date },
  trustProxy: boolean,
) {
  const base = sessionCookieOptions(req, trustProxy);
  res.cookie(cookieName(SESSION_COOKIE, base.secure), session.cookie, {
    ...base,
    httpOnly: true,
    expires: session.expiresAt,
  });
  res.cookie(cookieName(CSRF_COOKIE, base.secure), session.csrfToken, {
    ...base,
    httpOnly: false,
    expires: session.expiresAt,
  });
}

/** last_seen_at is refreshed at most this often, so reads do not turn into writes. */
const TOUCH_AFTER_MS = 5 * 60 * 1000;

/**
 * Server-side sessions in PostgreSQL: any API process can serve any request, and signing out deletes
 * the row, so the cookie is dead everywhere at once. The cookie is `<tenantId>.<secret>`; the table
 * stores only the secret's hash, keyed by tenant like every other table.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly policy: SessionPolicy,
    private readonly audit: AuditService,
  ) {}

  /** A session for someone who has just proved who they are: the sign-in's success is audited with it. */
  async create(tenantId: string, userId: string, meta: { ip?: string; userAgent?: string; viaSso?: boolean }) {
    const secret = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600 * 1000);
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO user_session (tenant_id, id, user_id, csrf_token, expires_at, ip, user_agent, via_sso) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          tenantId,
          secretHash(secret),
          userId,
          csrfToken,
          expiresAt,
          meta.ip ?? null,
          meta.userAgent?.slice(0, 300) ?? null,
          meta.viaSso ?? false,
        ],
      );
      await this.audit.record(
        m,
        { tenantId, userId },
        { entityType: 'user', entityId: userId, action: 'sign_in', after: { via: meta.viaSso ? 'sso' : 'password' } },
        meta,
      );
    });
    return { cookie: `${tenantId}.${secret}`, csrfToken, expiresAt };
  }

  /** The viewer behind a cookie value, or null when it is unknown, expired, or its user is disabled. */
  async resolve(cookie: string | undefined): Promise<Viewer | null> {
    if (!cookie) return null;
    const dot = cookie.indexOf('.');
    const tenantId = cookie.slice(0, dot);
    const secret = cookie.slice(dot + 1);
    if (dot < 0 || !isUuid(tenantId) || secret.length < 20 || secret.length > 100) return null;
    const id = secretHash(secret);
    const idleMinutes = await this.policy.idleMinutes(tenantId);
    const row = await one<SessionRow>(
      this.dataSource,
      `SELECT s.csrf_token, s.last_seen_at, u.id AS user_id, u.role, u.unit_id, u.username, u.display_name, u.must_change_password
         FROM user_session s JOIN app_user u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
        WHERE s.tenant_id = $1 AND s.id = $2 AND s.expires_at > now() AND u.active
          AND s.last_seen_at > now() - make_interval(mins => $3)`,
      [tenantId, id, idleMinutes],
    );
    if (!row) {
      await this.endTimedOut(tenantId, id, idleMinutes);
      return null;
    }
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_AFTER_MS) {
      await this.dataSource.query(`UPDATE user_session SET last_seen_at = now() WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        id,
      ]);
    }
    return {
      tenantId,
      sessionId: id,
      userId: row.user_id,
      role: row.role,
      unitId: row.unit_id,
      username: row.username,
      displayName: row.display_name,
      csrfToken: row.csrf_token,
      mustChangePassword: row.must_change_password,
    };
  }

  /**
   * Deletes the tenant's sessions that can no longer be used (expired or idle past the limit), which
   * would otherwise stay forever; the daily supervision run calls it. Returns how many went.
   */
  async deleteExpired(tenantId: string): Promise<number> {
    const [, deleted] = await this.dataSource.query(
      `DELETE FROM user_session WHERE tenant_id = $1 AND (expires_at <= now() OR last_seen_at <= now() - make_interval(mins => $2))`,
      [tenantId, await this.policy.idleMinutes(tenantId)],
    );
    return deleted as number;
  }

  /**
   * A cookie whose session still exists but is past its lifetime or idle limit: the session ends on the
   * server now (not at the nightly sweep), and the timeout is audited once, by whichever request ends it.
   */
  private async endTimedOut(tenantId: string, id: string, idleMinutes: number) {
    await this.dataSource.transaction(async (m) => {
      const [ended] = await rows<{ user_id: string; expired: boolean }>(
        m,
        `DELETE FROM user_session WHERE tenant_id = $1 AND id = $2
            AND (expires_at <= now() OR last_seen_at <= now() - make_interval(mins => $3))
          RETURNING user_id, expires_at <= now() AS expired`,
        [tenantId, id, idleMinutes],
      );
      if (ended)
        await this.audit.record(
          m,
          { tenantId, userId: ended.user_id },
          {
            entityType: 'user',
            entityId: ended.user_id,
            action: 'session.timeout',
            after: { reason: ended.expired ? 'lifetime' : 'idle' },
          },
        );
    });
  }

  async destroy(viewer: Pick<Viewer, 'tenantId' | 'sessionId' | 'userId'>, origin: AuditOrigin = {}) {
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM user_session WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, viewer.sessionId]);
      await this.audit.record(m, viewer, { entityType: 'user', entityId: viewer.userId, action: 'sign_out' }, origin);
    });
  }

  /** Ends every session of a user (password changed or reset), optionally keeping the current one. */
  async destroyAllOf(tenantId: string, userId: string, keepSessionId?: string) {
    await this.dataSource.query(`DELETE FROM user_session WHERE tenant_id = $1 AND user_id = $2 AND id <> $3`, [
      tenantId,
      userId,
      keepSessionId ?? '',
    ]);
  }
}
