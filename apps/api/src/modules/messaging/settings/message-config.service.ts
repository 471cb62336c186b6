import { Injectable } from '@nestjs/common';
import { DEFAULT_WORK_HOURS, type WorkHours } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { one } from '../../../common/sql.js';
import type { AppCredentials } from '../channels/platform-tokens.js';
import {
  MESSAGE_KINDS,
  PERSONAL_CHANNELS,
  type MessageKind,
  type PersonalChannel,
  type RobotPlatform,
} from '../message-kinds.js';
import { SECRET, SecretStore } from '../secrets/secret-store.service.js';

export interface MessageConfig {
  wecom: { corpId: string; agentId: string } | null;
  dingtalk: { appKey: string; agentId: string } | null;
  /** The office's defaults; a kind missing here falls back to the product default. */
  defaultChannels: Partial<Record<MessageKind, PersonalChannel[]>>;
  workHours: WorkHours;
  version: number;
}

/** Keeps only known kinds and channels, so a hand-edited row cannot send to a channel that does not exist. */
export function cleanChannelMap(raw: unknown): Partial<Record<MessageKind, PersonalChannel[]>> {
  const out: Partial<Record<MessageKind, PersonalChannel[]>> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const kind of MESSAGE_KINDS) {
    const list = (raw as Record<string, unknown>)[kind];
    if (Array.isArray(list)) out[kind] = PERSONAL_CHANNELS.filter((c) => list.includes(c));
  }
  return out;
}

/** The tenant's `message_config` row (secrets live in the secret store, not here). */
export interface MessageConfigRow {
  wecom_corp_id: string | null;
  wecom_agent_id: string | null;
  dingtalk_app_key: string | null;
  dingtalk_agent_id: string | null;
  default_channels: unknown;
  work_start: string;
  work_end: string;
  version: number;
}

export function toMessageConfig(row: MessageConfigRow | undefined): MessageConfig {
  if (!row)
    return { wecom: null, dingtalk: null, defaultChannels: {}, workHours: { ...DEFAULT_WORK_HOURS }, version: 0 };
  return {
    wecom: row.wecom_corp_id ? { corpId: row.wecom_corp_id, agentId: row.wecom_agent_id! } : null,
    dingtalk: row.dingtalk_app_key ? { appKey: row.dingtalk_app_key, agentId: row.dingtalk_agent_id! } : null,
    defaultChannels: cleanChannelMap(row.default_channels),
    workHours: { start: row.work_start, end: row.work_end },
    version: row.version,
  };
}

/** The office's messaging set-up as the senders need it. */
@Injectable()
export class MessageConfigService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretStore,
  ) {}

  async read(tenantId: string, db: DataSource | EntityManager = this.dataSource): Promise<MessageConfig> {
    return toMessageConfig(
      await one<MessageConfigRow>(db, `SELECT * FROM message_config WHERE tenant_id = $1`, [tenantId]),
    );
  }

  /** The app's id, agent and secret; null when the office has not set this platform up. */
  async credentials(tenantId: string, platform: RobotPlatform): Promise<AppCredentials | null> {
    const config = await this.read(tenantId);
    const app =
      platform === 'WECOM'
        ? config.wecom && { id: config.wecom.corpId, agentId: config.wecom.agentId }
        : config.dingtalk && { id: config.dingtalk.appKey, agentId: config.dingtalk.agentId };
    if (!app) return null;
    const secret = await this.secrets.value(
      this.dataSource,
      tenantId,
      platform === 'WECOM' ? SECRET.wecomSecret : SECRET.dingtalkSecret,
    );
    return secret ? { platform, ...app, secret } : null;
  }
}
