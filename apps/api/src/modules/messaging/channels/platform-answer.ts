import { startOfNextDayShanghai } from '@duban/domain';
import type { JsonResponse } from '../../../common/net/safe-fetch.js';

/** What came of one delivery attempt; the outbox records it and decides about retrying. */
export interface SendResult {
  outcome: 'SENT' | 'RETRY' | 'FAILED';
  /** The platform's errcode, an SMTP reply code, an HTTP status or a transport status. */
  code: string | null;
  /** Why, for the office: the platform's own words, with a Chinese explanation when we know one. */
  detail: string | null;
  /** Not before this instant (rate limits say when). */
  retryAt?: Date;
}

export const sent = (code: string | null = '0'): SendResult => ({ outcome: 'SENT', code, detail: null });
export const failed = (code: string | null, detail: string): SendResult => ({ outcome: 'FAILED', code, detail });
export const retry = (code: string | null, detail: string, retryAt?: Date): SendResult => ({
  outcome: 'RETRY',
  code,
  detail,
  retryAt,
});

/** The access token was refused as invalid or expired: fetch a new one and try once more. */
export const TOKEN_ERRCODES = new Set([40014, 42001, 40082, 88]);

// Throttling answers of both platforms (robots and open APIs). The message is fine; send it later.
const RATE_LIMIT_ERRCODES = new Set([45009, 45033, 45011, 410100, 130101, 90002, 90005, 90006, 90018]);

const EXPLAINED: Record<number, string> = {
  40001: '应用 Secret 不正确',
  40013: '企业 ID（CorpID）不正确',
  40014: '访问令牌无效',
  40056: '应用 AgentId 不正确',
  40058: '消息内容超出长度限制或格式不正确',
  40089: '应用 AppKey 或 AppSecret 不正确',
  42001: '访问令牌已过期',
  45009: '调用过于频繁，已被限流',
  46004: '企业微信中没有该手机号的成员',
  60020: '服务器 IP 不在企业微信应用的可信 IP 列表中',
  60121: '钉钉中找不到该用户',
  81013: '接收人在企业微信中不存在',
  93000: '机器人 Webhook 地址无效',
  300001: '机器人 Webhook 地址中的 access_token 无效',
  400101: '机器人 access_token 不存在',
  400102: '机器人已停用',
  400013: '机器人所在的群已解散',
  410100: '发送过于频繁，已被限流',
  130101: '发送过于频繁，已被限流',
};

/** 钉钉 answers every robot security failure with 310000; its errmsg says which check failed. */
function explain310000(errmsg: string): string {
  if (/sign/i.test(errmsg)) return '加签校验失败，请核对加签密钥（SEC 开头）';
  if (/keyword/i.test(errmsg)) return '消息不含机器人设置的自定义关键词';
  if (/ip/i.test(errmsg)) return '服务器 IP 不在机器人的 IP 地址段中';
  return '未通过机器人的安全设置校验';
}

export function explainErrcode(errcode: number, errmsg: string): string {
  const why = errcode === 310000 ? explain310000(errmsg) : EXPLAINED[errcode];
  return `错误码 ${errcode}：${errmsg || '（无说明）'}${why ? `（${why}）` : ''}`;
}

const TRANSPORT_EXPLAINED: Record<string, string> = {
  BLOCKED: '地址不在允许范围内（只允许钉钉、企业微信的接口地址，或运维人员另行允许的地址）',
  TIMEOUT: '对方在规定时间内没有应答',
  UNREACHABLE: '无法连接到对方服务器',
  TOO_LARGE: '对方应答过大',
};

/**
 * Reads a 钉钉/企业微信 answer. Both answer HTTP 200 with an errcode in the body, so only errcode 0 is
 * success; throttling is retried later (a daily cap, "over limit", the next day); the rest failed and
 * says why. A transport failure (no answer, 5xx) is retried.
 */
export function judgeAnswer(res: JsonResponse, now: Date): SendResult {
  if (res.status !== 'REACHABLE') {
    const why = TRANSPORT_EXPLAINED[res.status] ?? res.status;
    return res.status === 'BLOCKED' ? failed(res.status, why) : retry(res.status, why);
  }
  const body = res.json as { errcode?: unknown; errmsg?: unknown } | null;
  if (res.httpStatus !== null && res.httpStatus >= 500)
    return retry(`HTTP ${res.httpStatus}`, `对方服务器错误（HTTP ${res.httpStatus}）`);
  if (!body || typeof body !== 'object' || typeof body.errcode !== 'number') {
    const status = res.httpStatus ?? 0;
    return failed(
      `HTTP ${status}`,
      `对方的应答不是钉钉/企业微信接口的格式（HTTP ${status}）：${res.text.slice(0, 200)}`,
    );
  }
  const errcode = body.errcode;
  const errmsg = typeof body.errmsg === 'string' ? body.errmsg : '';
  if (errcode === 0) return sent();
  const detail = explainErrcode(errcode, errmsg);
  if (/over ?limit/i.test(errmsg)) return retry(String(errcode), detail, startOfNextDayShanghai(now));
  // -1: 系统繁忙 (企业微信).
  if (errcode === -1 || RATE_LIMIT_ERRCODES.has(errcode))
    return retry(String(errcode), detail, new Date(now.getTime() + 60_000));
  return failed(String(errcode), detail);
}
