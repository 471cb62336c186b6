import { createHmac } from 'node:crypto';
import type { RobotPlatform } from '../message-kinds.js';
import { truncateBytes } from './utf8.js';

/** Both robots take at most 20 messages a minute each. */
export const ROBOT_MESSAGES_PER_MINUTE = 20;

/** Published limits, in bytes of UTF-8. */
export const ROBOT_BYTE_LIMITS = {
  DINGTALK: { markdown: 20_000 },
  WECOM: { markdown: 4096, text: 2048 },
} as const;

export interface Mention {
  name: string;
  mobile: string | null;
  wecomUserid: string | null;
  /** The person whose mobile is read at send time (the outbox never holds a decrypted number). */
  userId?: string;
}

/** What a robot announces: a title and markdown lines, and the people to @ (the liaisons concerned). */
export interface RobotContent {
  title: string;
  markdown: string;
  mentions: Mention[];
}

export interface RobotRequest {
  url: string;
  body: Record<string, unknown>;
}

/**
 * 钉钉 加签: HMAC-SHA256 of "timestamp\nsecret" keyed with the secret, Base64, URL-encoded, sent with
 * the timestamp (milliseconds) in the URL. The robot refuses a timestamp more than an hour off.
 */
export function signDingtalkUrl(webhookUrl: string, secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
  const url = new URL(webhookUrl);
  url.searchParams.set('timestamp', String(timestampMs));
  url.searchParams.set('sign', sign);
  return url.toString();
}

/**
 * Markdown reduced to readable plain text, for the 企业微信 text message: a link `[text](url)` becomes
 * `text url`. Line by line, linear: neither part of the link pattern runs past a bracket, so the tries
 * starting at each `[` never scan the same characters twice.
 */
export function plainText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/, '')
        .replace(/^>\s?/, '')
        .replaceAll('**', '')
        .replace(/\[([^[\]]*)\]\((https?:\/\/[^()[\]\s]+)\)/g, '$1 $2'),
    )
    .join('\n');
}

function dingtalkBody(content: RobotContent): Record<string, unknown> {
  const mobiles = [...new Set(content.mentions.map((m) => m.mobile).filter((m): m is string => !!m))];
  // 钉钉 shows an @ only when the text itself names the mobile number.
  const at = mobiles.length ? `\n\n${mobiles.map((m) => `@${m}`).join(' ')}` : '';
  const limit = ROBOT_BYTE_LIMITS.DINGTALK.markdown;
  const text = truncateBytes(content.markdown, limit - Buffer.byteLength(at, 'utf8')) + at;
  return {
    msgtype: 'markdown',
    markdown: { title: truncateBytes(content.title, 128), text },
    at: { atMobiles: mobiles, isAtAll: false },
  };
}

function wecomBody(content: RobotContent): Record<string, unknown> {
  const byMobileOnly = content.mentions.filter((m) => !m.wecomUserid && m.mobile);
  if (byMobileOnly.length === 0) {
    // Markdown @s people by userid with <@userid>.
    const ats = [...new Set(content.mentions.map((m) => m.wecomUserid).filter((u): u is string => !!u))]
      .map((u) => `<@${u}>`)
      .join(' ');
    const suffix = ats ? `\n${ats}` : '';
    const limit = ROBOT_BYTE_LIMITS.WECOM.markdown;
    return {
      msgtype: 'markdown',
      markdown: { content: truncateBytes(content.markdown, limit - Buffer.byteLength(suffix, 'utf8')) + suffix },
    };
  }
  // Only the text message can @ by mobile number.
  return {
    msgtype: 'text',
    text: {
      content: truncateBytes(plainText(content.markdown), ROBOT_BYTE_LIMITS.WECOM.text),
      mentioned_list: [...new Set(content.mentions.map((m) => m.wecomUserid).filter((u): u is string => !!u))],
      mentioned_mobile_list: [...new Set(byMobileOnly.map((m) => m.mobile!))],
    },
  };
}

/**
 * The HTTP request that posts this content to the robot, signed when it has a 加签 secret. The signing
 * time is the machine's clock: the robot compares it with its own.
 */
export function robotRequest(
  platform: RobotPlatform,
  webhookUrl: string,
  signSecret: string | null,
  content: RobotContent,
  signedAtMs: number,
): RobotRequest {
  if (platform === 'DINGTALK') {
    return {
      url: signSecret ? signDingtalkUrl(webhookUrl, signSecret, signedAtMs) : webhookUrl,
      body: dingtalkBody(content),
    };
  }
  return { url: webhookUrl, body: wecomBody(content) };
}
