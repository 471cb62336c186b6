import { Injectable } from '@nestjs/common';
import type { JsonResponse } from '../../../common/net/safe-fetch.js';
import type { RobotPlatform } from '../message-kinds.js';
import { MessageConfigService } from '../settings/message-config.service.js';
import { failed, judgeAnswer, TOKEN_ERRCODES, type SendResult } from './platform-answer.js';
import { PlatformHttp } from './platform-http.js';
import { PlatformTokens, type AppCredentials } from './platform-tokens.js';
import { truncateBytes } from './utf8.js';

/** How a person is found on the work apps. */
export interface WorkAppRecipient {
  mobile: string | null;
  wecomUserid: string | null;
  dingtalkUserid: string | null;
}

/** Both apps take text messages of at most 2,048 bytes. */
const MAX_TEXT_BYTES = 2048;
const NAMES: Record<RobotPlatform, string> = { WECOM: '企业微信', DINGTALK: '钉钉' };

/**
 * Messages to one person: 企业微信 application messages and 钉钉 work notifications. The person is
 * found by the platform userid, else by mobile number. A refused token is refreshed once.
 */
@Injectable()
export class WorkAppChannel {
  constructor(
    private readonly config: MessageConfigService,
    private readonly tokens: PlatformTokens,
    private readonly http: PlatformHttp,
  ) {}

  async send(
    tenantId: string,
    platform: RobotPlatform,
    to: WorkAppRecipient,
    text: string,
    now: Date,
  ): Promise<SendResult & { answer?: string }> {
    const app = await this.config.credentials(tenantId, platform);
    if (!app) return failed('NOT_CONFIGURED', `办公室尚未设置${NAMES[platform]}应用`);
    return this.withToken(tenantId, app, now, async (token) => {
      const userid = await this.userid(app, token, to, now);
      if (typeof userid !== 'string') return userid;
      const content = truncateBytes(text, MAX_TEXT_BYTES);
      const base = this.http.apiBase(platform);
      const res =
        platform === 'WECOM'
          ? await this.http.call(`${base}/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`, 'POST', {
              touser: userid,
              msgtype: 'text',
              agentid: Number(app.agentId),
              text: { content },
              // A retry after a lost answer is dropped by 企业微信 instead of arriving twice.
              enable_duplicate_check: 1,
              duplicate_check_interval: 1800,
            })
          : await this.http.call(
              `${base}/topapi/message/corpconversation/asyncsend_v2?access_token=${encodeURIComponent(token)}`,
              'POST',
              {
                agent_id: Number(app.agentId),
                userid_list: userid,
                msg: { msgtype: 'text', text: { content } },
              },
            );
      const judged = judgeAnswer(res, now);
      const invalid = (res.json as { invaliduser?: unknown } | null)?.invaliduser;
      if (judged.outcome === 'SENT' && typeof invalid === 'string' && invalid.split('|').includes(userid)) {
        return {
          ...failed('invaliduser', `${NAMES[platform]}中找不到接收人 ${userid}，或其不在应用的可见范围内`),
          answer: res.text,
        };
      }
      return { ...judged, answer: res.text };
    });
  }

  private async withToken(
    tenantId: string,
    app: AppCredentials,
    now: Date,
    call: (token: string) => Promise<SendResult>,
  ): Promise<SendResult> {
    const token = await this.tokens.token(tenantId, app, now);
    if (typeof token !== 'string') return token;
    const first = await call(token);
    if (!first.code || !TOKEN_ERRCODES.has(Number(first.code))) return first;
    const fresh = await this.tokens.token(tenantId, app, now, true);
    return typeof fresh === 'string' ? call(fresh) : fresh;
  }

  private async userid(
    app: AppCredentials,
    token: string,
    to: WorkAppRecipient,
    now: Date,
  ): Promise<string | SendResult> {
    const known = app.platform === 'WECOM' ? to.wecomUserid : to.dingtalkUserid;
    if (known) return known;
    if (!to.mobile) return failed('NO_ACCOUNT', `账号未填写${NAMES[app.platform]} userid 或手机号码`);
    const base = this.http.apiBase(app.platform);
    const res: JsonResponse =
      app.platform === 'WECOM'
        ? await this.http.call(`${base}/cgi-bin/user/getuserid?access_token=${encodeURIComponent(token)}`, 'POST', {
            mobile: to.mobile,
          })
        : await this.http.call(`${base}/topapi/v2/user/getbymobile?access_token=${encodeURIComponent(token)}`, 'POST', {
            mobile: to.mobile,
          });
    const judged = judgeAnswer(res, now);
    if (judged.outcome !== 'SENT') return { ...judged, detail: `按手机号查找接收人失败：${judged.detail}` };
    const body = res.json as { userid?: unknown; result?: { userid?: unknown } };
    const userid = app.platform === 'WECOM' ? body.userid : body.result?.userid;
    return typeof userid === 'string' && userid
      ? userid
      : failed('NO_ACCOUNT', `${NAMES[app.platform]}中没有手机号为 ${to.mobile} 的成员`);
  }
}
