import { randomBytes } from 'node:crypto';
import { heldRoles } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { RequestWithViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService, type AuditOrigin } from '../audit/index.js';
import { SecurityPolicyService } from './security-policy.service.js';
import { passwordExpired, type SecurityPolicy } from './security-policy.js';
import { sessionEnded, sessionNeedsTouch, type SessionEnd } from './session-lifetime.js';
import { isUuid } from '../../common/validation.js';
import { answerStampSql, lowerAnswerStampSql } from '../../common/answer-stamp.js';
import { one, rows } from '../../common/sql.js';
import { secretHash } from '../../common/secret-hash.js';

/** A live session with the person it signs in. */
interface SessionRow extends SecurityPolicy {
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  password_changed_at: Date;
  via_sso: boolean;
  totp_enrolled: boolean;
  user_id: string;
  role: Viewer['role'];
  security_admin: boolean;
  unit_id: string | null;
  username: string;
  display_name: string;
  must_change_password: boolean;
  answer_stamp: string;
  lower_answer_stamp: string | null;
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

/** What a session cookie leads to: a viewer, a session the server has just ended (and why), or nothing. */
export type ResolvedSession =
  | { viewer: Viewer; ended?: undefined; answerStamp: string; lowerAnswerStamp: string | undefined }
  | { viewer?: undefined; ended: SessionEnd; answerStamp?: undefined; lowerAnswerStamp?: undefined };

/**
 * Server-side sessions in PostgreSQL: any API process can serve any request, and signing out deletes
 * the row, so the cookie is dead everywhere at once. The cookie is `<tenantId>.<secret>`; the table
 * stores only the secret's hash, keyed by tenant like every other table.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: SecurityPolicyService,
    private readonly audit: AuditService,
  ) {}

  /** A session for someone who has just proved who they are: the sign-in's success is audited with it. */
  async create(tenantId: string, userId: string, meta: { ip?: string; userAgent?: string; viaSso?: boolean }) {
    const secret = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const { sessionMaxHours } = await this.policy.get(tenantId);
    const expiresAt = new Date(Date.now() + sessionMaxHours * 3600 * 1000);
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

  private readonly ofRequest = new WeakMap<object, Promise<ResolvedSession | null>>();

  /**
   * The request's session, read once however many callers ask (the guard for each root field, the
   * answer cache before execution): a session past its time is ended, and audited, once. `lowerStamp`:
   * the lower tenants' stamp is read with it too (the answer cache asks, for a 上下联动 read, before
   * anyone else reads the session; whoever reads it first decides).
   */
  async resolveRequest(req: RequestWithViewer, options: { lowerStamp?: boolean } = {}): Promise<Viewer | undefined> {
    if (req.viewer === undefined && req.sessionEnded === undefined) {
      let resolving = this.ofRequest.get(req);
      if (!resolving) {
        resolving = this.resolve(sessionCookieOf(req.cookies), {
          background: req.header('x-duban-background') === '1',
          lowerStamp: options.lowerStamp,
        });
        this.ofRequest.set(req, resolving);
      }
      const resolved = await resolving;
      req.viewer = resolved?.viewer;
      req.sessionEnded = resolved?.ended;
      req.answerStamp = resolved?.answerStamp;
      req.lowerAnswerStamp = resolved?.lowerAnswerStamp;
    }
    return req.viewer;
  }

  /**
   * The request's viewer for a read that is not the app's own (the page's first screen): a session past
   * its time reads as nothing but is left for the app's first query to end, whose answer says why
   * (idle or too old), where ending it here would leave that query only "signed out".
   */
  async peekRequest(req: RequestWithViewer): Promise<Viewer | undefined> {
    return (await this.resolve(sessionCookieOf(req.cookies), { leaveEnded: true }))?.viewer;
  }

  /**
   * The viewer behind a cookie value. A session past the tenant's idle or absolute limit is deleted
   * here (the server ends it, whichever process sees it first) and reported as ended; an unknown
   * cookie or a disabled user reads as nothing. `background` requests (the web's polling) do not count
   * as activity, so a page left open still times out. `lowerStamp`: also read the lower tenants' stamp
   * (it costs a tenant with lower tenants a few tenths of a millisecond; only 上下联动's reads use it).
   */
  async resolve(
    cookie: string | undefined,
    options: { background?: boolean; lowerStamp?: boolean; leaveEnded?: boolean } = {},
  ): Promise<ResolvedSession | null> {
    if (!cookie) return null;
    const dot = cookie.indexOf('.');
    const tenantId = cookie.slice(0, dot);
    const secret = cookie.slice(dot + 1);
    if (dot < 0 || !isUuid(tenantId) || secret.length < 20 || secret.length > 100) return null;
    const id = secretHash(secret);
    const row = await one<SessionRow>(
      this.dataSource,
      `SELECT s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, u.id AS user_id, u.role, u.security_admin, u.unit_id, u.username,
              u.display_name, u.must_change_password, u.password_changed_at, s.via_sso, ${this.policy.columnsSql('p')},
              EXISTS (SELECT 1 FROM user_totp t WHERE t.tenant_id = s.tenant_id AND t.user_id = s.user_id AND t.enabled_at IS NOT NULL) AS totp_enrolled,
              ${answerStampSql('$1')} AS answer_stamp, ${options.lowerStamp ? lowerAnswerStampSql('$1') : 'NULL'} AS lower_answer_stamp
         FROM user_session s JOIN app_user u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
         LEFT JOIN tenant_security_policy p ON p.tenant_id = s.tenant_id
        WHERE s.tenant_id = $1 AND s.id = $2 AND u.active`,
      [tenantId, id],
    );
    if (!row) return null;
    const now = new Date();
    const session = { createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at };
    const ended = sessionEnded(session, row, now);
    if (ended) {
      if (!options.leaveEnded) await this.endTimedOut(tenantId, id, row.user_id, ended);
      return { ended };
    }
    if (!options.background && sessionNeedsTouch(session, now)) {
      await this.dataSource.query(`UPDATE user_session SET last_seen_at = now() WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        id,
      ]);
    }
    const expired = !row.must_change_password && passwordExpired(row.password_changed_at, row, now);
    const roles = heldRoles(row.role, row.security_admin);
    return {
      answerStamp: row.answer_stamp,
      lowerAnswerStamp: row.lower_answer_stamp ?? undefined,
      viewer: {
        tenantId,
        sessionId: id,
        userId: row.user_id,
        role: row.role,
        roles,
        unitId: row.unit_id,
        username: row.username,
        displayName: row.display_name,
        csrfToken: row.csrf_token,
        mustChangePassword: row.must_change_password || expired,
        passwordExpired: expired,
        // A person who came through the tenant's 统一身份认证 follows the provider's own factors.
        mustEnrolTwoFactor: !row.via_sso && !row.totp_enrolled && roles.some((r) => row.twoFactorRoles.includes(r)),
      },
    };
  }

  /**
   * Deletes the tenant's sessions that can no longer be used (expired or idle past the limit), which
   * would otherwise stay forever; the daily supervision run calls it. Returns how many went.
   */
  async deleteExpired(tenantId: string): Promise<number> {
    const policy = await this.policy.get(tenantId);
    const [, deleted] = await this.dataSource.query(
      `DELETE FROM user_session WHERE tenant_id = $1 AND (expires_at <= now() OR last_seen_at <= now() - make_interval(mins => $2)
         OR created_at <= now() - make_interval(hours => $3))`,
      [tenantId, policy.sessionIdleMinutes, policy.sessionMaxHours],
    );
    return deleted as number;
  }

  /**
   * Ends a session the lifetime rule says is over, on the server now (not at the nightly sweep). Only
   * the request whose DELETE removes the row records the timeout, so two processes seeing the same
   * stale cookie at once leave one audit record.
   */
  private async endTimedOut(tenantId: string, id: string, userId: string, ended: SessionEnd) {
    await this.dataSource.transaction(async (m) => {
      const gone = await rows(m, `DELETE FROM user_session WHERE tenant_id = $1 AND id = $2 RETURNING id`, [
        tenantId,
        id,
      ]);
      if (gone.length)
        await this.audit.record(
          m,
          { tenantId, userId },
          { entityType: 'user', entityId: userId, action: 'session.timeout', note: ended },
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
