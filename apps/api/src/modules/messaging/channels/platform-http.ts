import { Inject, Injectable } from '@nestjs/common';
import type { LookupAddress } from 'node:dns';
import { AddressPolicy, PUBLIC_ONLY } from '../../../common/net/address-policy.js';
import { requestJson, type JsonResponse } from '../../../common/net/safe-fetch.js';
import type { AppConfig } from '../../../config/app-config.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { RobotPlatform } from '../message-kinds.js';

/** The platforms' public hosts: reachable only over https, and only at public addresses. */
export const PUBLIC_ORIGINS: Record<RobotPlatform, string> = {
  DINGTALK: 'https://oapi.dingtalk.com',
  WECOM: 'https://qyapi.weixin.qq.com',
};
const ROBOT_PATHS: Record<RobotPlatform, string> = { DINGTALK: '/robot/send', WECOM: '/cgi-bin/webhook/send' };
const PLATFORM_NAMES: Record<RobotPlatform, string> = { DINGTALK: '钉钉', WECOM: '企业微信' };

const TIMEOUT_MS = 8000;

/**
 * Every call to 钉钉 and 企业微信 goes through here: only to their hosts or to origins the operator
 * added (MESSAGE_EXTRA_ORIGINS, or a private deployment's API base), through the pinned,
 * address-checked fetcher. The public hosts must resolve to public addresses; operator-added origins may
 * also be in the private networks the operator allows (EVIDENCE_ALLOWED_NETWORKS, the one address policy
 * of outgoing requests) — never loopback, link-local or cloud metadata addresses.
 */
@Injectable()
export class PlatformHttp {
  private readonly operatorOrigins: Set<string>;
  /** Name resolution; replaceable in tests to point a public host name at a chosen address. */
  resolve: ((hostname: string) => Promise<LookupAddress[]>) | undefined;
  /** Where operator-added origins may be; tests replace it to reach their platform servers on loopback. */
  operatorPolicy: AddressPolicy;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const publicOrigins = new Set(Object.values(PUBLIC_ORIGINS));
    this.operatorOrigins = new Set(
      [config.wecomApiBase, config.dingtalkApiBase, ...config.messageExtraOrigins].filter((o) => !publicOrigins.has(o)),
    );
    this.operatorPolicy = new AddressPolicy(config.evidenceAllowedNetworks);
  }

  apiBase(platform: RobotPlatform): string {
    return platform === 'WECOM' ? this.config.wecomApiBase : this.config.dingtalkApiBase;
  }

  /** Why a robot webhook address is refused, in Chinese; null when it is acceptable. */
  robotUrlProblem(platform: RobotPlatform, raw: string): string | null {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'Webhook 地址不是有效的网址';
    }
    if (this.operatorOrigins.has(url.origin)) return null;
    const expected = PUBLIC_ORIGINS[platform];
    if (url.origin !== expected || url.pathname !== ROBOT_PATHS[platform]) {
      return `${PLATFORM_NAMES[platform]}群机器人的 Webhook 地址应以 ${expected}${ROBOT_PATHS[platform]} 开头`;
    }
    if (!url.searchParams.get(platform === 'WECOM' ? 'key' : 'access_token')) {
      return platform === 'WECOM' ? 'Webhook 地址缺少 key 参数' : 'Webhook 地址缺少 access_token 参数';
    }
    return null;
  }

  /** A JSON call to an allowed origin; anything else is BLOCKED without a connection. */
  call(url: string, method: 'GET' | 'POST', body?: unknown): Promise<JsonResponse> {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      origin = '';
    }
    const operator = this.operatorOrigins.has(origin);
    if (!operator && !Object.values(PUBLIC_ORIGINS).includes(origin)) {
      return Promise.resolve({
        status: 'BLOCKED',
        httpStatus: null,
        json: null,
        text: '',
        detail: `origin ${origin || url} is not a messaging platform`,
      });
    }
    return requestJson(url, {
      method,
      body,
      policy: operator ? this.operatorPolicy : PUBLIC_ONLY,
      timeoutMs: TIMEOUT_MS,
      resolve: this.resolve,
    });
  }
}
