import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SECRET, SecretStore } from '../secrets/secret-store.service.js';
import type { RobotPlatform } from '../message-kinds.js';
import { failed, judgeAnswer, type SendResult } from './platform-answer.js';
import { PlatformHttp } from './platform-http.js';

/** The credentials of an office's 企业微信 application or 钉钉 enterprise app. */
export interface AppCredentials {
  platform: RobotPlatform;
  /** corpid (企业微信) or AppKey (钉钉). */
  id: string;
  secret: string;
  agentId: string;
}

// Refresh a little before the platform's expiry so a token never dies between reading and use.
const EARLY_MS = 5 * 60_000;
const TOKEN_NAME: Record<RobotPlatform, string> = { WECOM: SECRET.wecomToken, DINGTALK: SECRET.dingtalkToken };

/**
 * Access tokens of the office's apps, cached in the database (tenant_secret) so every API process
 * shares one token per tenant and platform instead of each fetching its own. Both platforms hand out
 * the same token again while it is valid, so two processes refreshing at once is harmless.
 */
@Injectable()
export class PlatformTokens {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretStore,
    private readonly http: PlatformHttp,
  ) {}

  /** A valid token, or why there is none (a wrong secret fails; an unreachable platform retries). */
  async token(tenantId: string, app: AppCredentials, now: Date, refresh = false): Promise<string | SendResult> {
    const name = TOKEN_NAME[app.platform];
    if (!refresh) {
      const cached = await this.secrets.get(this.dataSource, tenantId, name);
      if (cached?.expiresAt && cached.expiresAt.getTime() - EARLY_MS > now.getTime()) return cached.value;
    }
    const base = this.http.apiBase(app.platform);
    const url =
      app.platform === 'WECOM'
        ? `${base}/cgi-bin/gettoken?corpid=${encodeURIComponent(app.id)}&corpsecret=${encodeURIComponent(app.secret)}`
        : `${base}/gettoken?appkey=${encodeURIComponent(app.id)}&appsecret=${encodeURIComponent(app.secret)}`;
    const res = await this.http.call(url, 'GET');
    const judged = judgeAnswer(res, now);
    if (judged.outcome !== 'SENT') return { ...judged, detail: `获取访问令牌失败：${judged.detail}` };
    const body = res.json as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string' || !body.access_token)
      return failed('token', '获取访问令牌失败：应答中没有 access_token');
    const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 7200;
    await this.secrets.set(
      this.dataSource,
      tenantId,
      name,
      body.access_token,
      new Date(now.getTime() + seconds * 1000),
    );
    return body.access_token;
  }

  /** Forget the cached token (the secret changed, or the platform refused it). */
  async forget(tenantId: string, platform: RobotPlatform): Promise<void> {
    await this.secrets.remove(this.dataSource, tenantId, [TOKEN_NAME[platform]]);
  }
}
