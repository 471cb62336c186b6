import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { personalData } from '../../common/crypto/personal-data.js';
import { one, rows } from '../../common/sql.js';
import { isUuid } from '../../common/validation.js';
import { secretHash } from '../../common/secret-hash.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { logger } from '../../logging/logger.js';
import { AuditService } from '../audit/index.js';
import { AuthService, hashPassword, SessionService } from '../auth/index.js';
import { refuse, refusalOf, SsoRefusal } from './sso-refusal.js';
import { safeReturnPath } from './sso-settings.js';
import { SsoSettingsService, type SsoProvider } from './sso-settings.service.js';

/** A started sign-in may be finished within this time (the person types their password at the provider). */
export const SSO_ATTEMPT_MINUTES = 10;
const DISCOVERY_TIMEOUT_SECONDS = 10;

export interface SsoStart {
  /** The provider's authorization URL to send the browser to. */
  url: string;
  /** `<tenantId>.<state>`: binds the callback to the browser that started it (short-lived HttpOnly cookie). */
  cookie: string;
}

export interface SsoSignedIn {
  session: { cookie: string; csrfToken: string; expiresAt: Date };
  returnTo: string;
}

interface Meta {
  ip?: string;
  userAgent?: string;
}

/**
 * OpenID Connect sign-in (authorization code + PKCE) with the tenant's 统一身份认证 platform.
 * The state, nonce and PKCE verifier live in an sso_attempt row, found by the state's hash and deleted
 * when used: any API process can finish a sign-in, and none can finish it twice. Every refusal is
 * logged and audited in the tenant with the check that failed.
 */
@Injectable()
export class SsoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SsoSettingsService,
    private readonly sessions: SessionService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Discovery every time: a fresh configuration also fetches the provider's current keys (rotation). */
  private async configuration(provider: SsoProvider): Promise<oidc.Configuration> {
    const insecure = new URL(provider.issuer).protocol === 'http:';
    const config = await oidc.discovery(
      new URL(provider.issuer),
      provider.clientId,
      // Token expiry is judged by the app's clock (the one tests and jobs can set).
      {
        client_secret: provider.clientSecret ?? undefined,
        [oidc.clockSkew]: Math.round((this.clock.now().getTime() - Date.now()) / 1000),
      },
      provider.clientSecret ? oidc.ClientSecretPost(provider.clientSecret) : oidc.None(),
      { execute: insecure ? [oidc.allowInsecureRequests] : [], timeout: DISCOVERY_TIMEOUT_SECONDS },
    );
    // The ID token's signature is checked against the provider's published keys, not only trusted for
    // having come over TLS from the token endpoint.
    oidc.enableNonRepudiationChecks(config);
    return config;
  }

  /** The tenant's provider, if single sign-on is on; null otherwise (the sign-in page shows no button). */
  async enabledProvider(tenantCode: string): Promise<SsoProvider | null> {
    const provider = await this.settings.provider({ tenantCode });
    return provider?.enabled ? provider : null;
  }

  async start(tenantCode: string, next: unknown, requestOrigin: string): Promise<SsoStart> {
    const provider = await this.enabledProvider(tenantCode);
    if (!provider)
      throw refuse(
        'single sign-on is not enabled for this tenant code',
        '该机构未启用统一身份认证，请使用账号密码登录',
      );
    let config: oidc.Configuration;
    try {
      config = await this.configuration(provider);
    } catch (error) {
      throw await this.refused(provider.tenantId, refusalOf(error));
    }
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const verifier = oidc.randomPKCECodeVerifier();
    await this.dataSource.query(`DELETE FROM sso_attempt WHERE expires_at < now()`);
    await this.dataSource.query(
      `INSERT INTO sso_attempt (tenant_id, id, nonce, code_verifier, return_to, expires_at) VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
      [provider.tenantId, secretHash(state), nonce, verifier, safeReturnPath(next), SSO_ATTEMPT_MINUTES],
    );
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri(requestOrigin),
      scope: 'openid profile email phone',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, cookie: `${provider.tenantId}.${state}` };
  }

  /**
   * Finishes a sign-in: the state must be the one this browser started (cookie) and not used before;
   * the code is exchanged with the PKCE verifier, and the ID token's issuer, audience, nonce, expiry and
   * signature are checked; the claim then names an active account of this tenant.
   */
  async finish(callbackUrl: URL, cookie: string | undefined, requestOrigin: string, meta: Meta): Promise<SsoSignedIn> {
    const dot = cookie?.indexOf('.') ?? -1;
    const tenantId = dot > 0 ? cookie!.slice(0, dot) : null;
    const cookieState = dot > 0 ? cookie!.slice(dot + 1) : null;
    if (!tenantId || !isUuid(tenantId) || !cookieState) {
      throw await this.refused(
        null,
        refuse(
          'no sign-in was started in this browser (cookie missing)',
          '登录请求已失效（超过 10 分钟或不是从本浏览器发起），请返回登录页重新登录',
        ),
      );
    }
    const state = callbackUrl.searchParams.get('state') ?? '';
    if (state !== cookieState)
      throw await this.refused(
        tenantId,
        refuse('state does not match this browser’s sign-in', '登录请求与本浏览器不匹配，请返回登录页重新登录'),
      );
    // Deleting the row is what makes a state (and so its code) usable once.
    const [attempt] = await rows<{ nonce: string; code_verifier: string; return_to: string; live: boolean }>(
      this.dataSource,
      `DELETE FROM sso_attempt WHERE tenant_id = $1 AND id = $2 RETURNING nonce, code_verifier, return_to, expires_at > now() AS live`,
      [tenantId, secretHash(state)],
    );
    if (!attempt)
      throw await this.refused(
        tenantId,
        refuse('state unknown or already used (replay)', '该登录请求已使用过或已失效，请返回登录页重新登录'),
      );
    if (!attempt.live)
      throw await this.refused(
        tenantId,
        refuse('sign-in attempt expired', '登录请求已超过 10 分钟，请返回登录页重新登录'),
      );
    const provider = await this.settings.provider({ tenantId });
    if (!provider?.enabled)
      throw await this.refused(
        tenantId,
        refuse('single sign-on was turned off meanwhile', '该机构未启用统一身份认证，请使用账号密码登录'),
      );
    let claims: Record<string, unknown>;
    try {
      const config = await this.configuration(provider);
      // The redirect_uri sent with the code must be the one it was issued for.
      const current = new URL(`${this.settings.redirectUri(requestOrigin)}${callbackUrl.search}`);
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: attempt.code_verifier,
        expectedState: state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims()! };
      if (claims[provider.claim] == null && tokens.access_token) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub));
        claims = { ...info, ...claims };
      }
    } catch (error) {
      throw await this.refused(tenantId, refusalOf(error));
    }
    const userId = await this.account(provider, claims);
    const session = await this.sessions.create(tenantId, userId, { ...meta, viaSso: true });
    return { session, returnTo: attempt.return_to };
  }

  /** The Duban account the claim names in this tenant; made now when the office allows it. */
  private async account(provider: SsoProvider, claims: Record<string, unknown>): Promise<string> {
    const raw = claims[provider.claim];
    const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
    const tenantId = provider.tenantId;
    if (!value)
      throw await this.refused(
        tenantId,
        refuse(
          `claim ${provider.claim} missing in the ID token and userinfo`,
          `统一身份认证平台未提供“${provider.claim}”，无法匹配督办账号，请联系管理员`,
        ),
      );
    // Phone and e-mail are encrypted: matched by their blind index (so +86 138… finds 138…).
    const people = personalData(this.config);
    const [column, key] = {
      USERNAME: ['username', value],
      PHONE: ['phone_index', people.index(tenantId, 'phone', value)],
      EMAIL: ['email_index', people.index(tenantId, 'email', value)],
    }[provider.matchField];
    const found = await rows<{ id: string; active: boolean }>(
      this.dataSource,
      `SELECT id, active FROM app_user WHERE tenant_id = $1 AND ${column} = $2 LIMIT 2`,
      [tenantId, key],
    );
    if (found.length > 1)
      throw await this.refused(
        tenantId,
        refuse(
          `claim ${provider.claim} matches several accounts`,
          '统一身份认证账号对应了多个督办账号，请联系管理员处理',
        ),
      );
    const user = found[0];
    if (user && !user.active)
      throw await this.refused(
        tenantId,
        refuse('account deactivated', await this.auth.deactivatedMessage(tenantId)),
        user.id,
      );
    if (user) {
      await this.dataSource.query(`UPDATE app_user SET last_sign_in_at = now() WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        user.id,
      ]);
      return user.id;
    }
    if (!provider.createUsers) {
      throw await this.refused(
        tenantId,
        refuse(
          `no account matches ${provider.claim}`,
          '督办系统中没有与您的统一身份认证账号对应的账号，请联系政务公开办公室开通',
        ),
      );
    }
    return this.createAccount(provider, value, claims);
  }

  private async createAccount(provider: SsoProvider, value: string, claims: Record<string, unknown>): Promise<string> {
    const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string).trim() : '');
    const username =
      provider.matchField === 'USERNAME' && /^[A-Za-z0-9_.@-]{2,64}$/.test(value)
        ? value
        : `sso.${secretHash(`${claims.sub}`).slice(0, 16)}`;
    // Nobody knows this password: the account signs in through the provider (or after an admin reset).
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'), this.config.passwordHash);
    const id = randomUUID();
    const personal = personalData(this.config).columns(provider.tenantId, id, {
      email: provider.matchField === 'EMAIL' ? value : text('email') || null,
      phone: provider.matchField === 'PHONE' ? value : text('phone_number') || null,
    });
    return this.dataSource.transaction(async (m) => {
      const created = await one<{ id: string }>(
        m,
        `INSERT INTO app_user (tenant_id, id, username, display_name, role, unit_id, email, phone, email_index, phone_index, phone_mobile, password_hash, last_sign_in_at)
         VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $8, $9, $10, $11, now()) ON CONFLICT (tenant_id, username) DO NOTHING RETURNING id`,
        [
          provider.tenantId,
          id,
          username,
          (text('name') || value).slice(0, 100),
          provider.defaultRole,
          personal.email,
          personal.phone,
          personal.email_index,
          personal.phone_index,
          personal.phone_mobile,
          passwordHash,
        ],
      );
      if (!created)
        throw await this.refused(
          provider.tenantId,
          refuse(`username ${username} taken`, `用户名“${username}”已被其他账号使用，请联系管理员`),
        );
      await this.audit.record(
        m,
        { tenantId: provider.tenantId, userId: null },
        {
          entityType: 'user',
          entityId: created.id,
          action: 'user.create.sso',
          after: { username, role: provider.defaultRole, claim: provider.claim },
        },
      );
      return created.id;
    });
  }

  /** Logs and audits a refusal in its tenant (when known), and hands it back to be thrown. */
  private async refused(tenantId: string | null, refusal: SsoRefusal, userId?: string): Promise<SsoRefusal> {
    logger().warn({ tenantId, reason: refusal.reason }, 'single sign-on refused');
    if (tenantId) {
      try {
        await this.dataSource.transaction((m) =>
          this.audit.record(
            m,
            { tenantId, userId: null },
            {
              entityType: 'tenant',
              entityId: userId ?? tenantId,
              action: 'sso.refused',
              note: refusal.reason.slice(0, 1000),
            },
          ),
        );
      } catch (error) {
        // An unknown tenant in a forged cookie: nothing to audit into.
        logger().warn({ err: (error as Error).message }, 'single sign-on refusal not audited');
      }
    }
    return refusal;
  }

  /** The provider's logout for the tenant, returning to the sign-in page; null when it has none. */
  async logoutUrl(tenantId: string, requestOrigin: string): Promise<string | null> {
    if (!isUuid(tenantId)) return null;
    const provider = await this.settings.provider({ tenantId });
    if (!provider?.enabled) return null;
    try {
      const config = await this.configuration(provider);
      if (!config.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, {
        post_logout_redirect_uri: `${this.settings.redirectUri(requestOrigin).replace(/\/auth\/sso\/callback$/, '')}/login`,
      }).href;
    } catch (error) {
      logger().warn({ tenantId, err: (error as Error).message }, 'provider logout unavailable');
      return null;
    }
  }
}
