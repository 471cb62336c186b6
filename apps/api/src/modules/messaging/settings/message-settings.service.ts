import { Inject, Injectable } from '@nestjs/common';
import { isDomainError, validateWorkHours } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, conflict } from '../../../common/app-error.js';
import { Clock } from '../../../common/clock.js';
import { personalData } from '../../../common/crypto/personal-data.js';
import { one } from '../../../common/sql.js';
import type { Viewer } from '../../../common/viewer.js';
import type { AppConfig } from '../../../config/app-config.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import { AuditService } from '../../audit/index.js';
import { WorkAppChannel } from '../channels/work-app.channel.js';
import type {
  KindChannelsInput,
  MessageSettingsModel,
  MessageTestResultModel,
  UpdateMessageSettingsInput,
  WorkAppInput,
} from '../dto/message-settings.model.js';
import {
  MESSAGE_KINDS,
  PERSONAL_CHANNELS,
  PRODUCT_DEFAULT_CHANNELS,
  type MessageKind,
  type PersonalChannel,
  type RobotPlatform,
} from '../message-kinds.js';
import { maskSecret, SECRET, SecretStore } from '../secrets/secret-store.service.js';
import { MessageConfigService, type MessageConfig, type MessageConfigRow } from './message-config.service.js';

const APP_ID = /^[A-Za-z0-9_-]{2,64}$/;
const AGENT_ID = /^\d{1,12}$/;
const SECRET_TEXT = /^[\x21-\x7e]{8,128}$/;
const PLATFORM_NAME: Record<RobotPlatform, string> = { WECOM: '企业微信', DINGTALK: '钉钉' };

/** Every kind with the channels it goes to: the office default, else the product default. */
export function effectiveDefaults(config: MessageConfig): { kind: MessageKind; channels: PersonalChannel[] }[] {
  return MESSAGE_KINDS.map((kind) => ({
    kind,
    channels: config.defaultChannels[kind] ?? PRODUCT_DEFAULT_CHANNELS[kind],
  }));
}

export function cleanKindChannels(
  list: KindChannelsInput[],
  field: string,
): Partial<Record<MessageKind, PersonalChannel[]>> {
  const out: Partial<Record<MessageKind, PersonalChannel[]>> = {};
  for (const item of list) {
    if (!MESSAGE_KINDS.includes(item.kind)) throw badInput('通知类型无效', field);
    if (item.channels.some((c) => !PERSONAL_CHANNELS.includes(c))) throw badInput('通知渠道无效', field);
    out[item.kind] = PERSONAL_CHANNELS.filter((c) => item.channels.includes(c));
  }
  return out;
}

/** The office admin's settings of the office's channels: 企业微信 / 钉钉 apps, defaults, office hours. */
@Injectable()
export class MessageSettingsService {
  constructor(
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
    private readonly dataSource: DataSource,
    private readonly configs: MessageConfigService,
    private readonly secrets: SecretStore,
    private readonly workApps: WorkAppChannel,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(viewer: Viewer): Promise<MessageSettingsModel> {
    return this.model(this.dataSource, viewer.tenantId);
  }

  async update(viewer: Viewer, input: UpdateMessageSettingsInput, version: number): Promise<MessageSettingsModel> {
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO message_config (tenant_id, version) VALUES ($1, 0) ON CONFLICT (tenant_id) DO NOTHING`,
        [viewer.tenantId],
      );
      const before = await one<MessageConfigRow>(m, `SELECT * FROM message_config WHERE tenant_id = $1 FOR UPDATE`, [
        viewer.tenantId,
      ]);
      if (before!.version !== version) throw conflict('消息渠道设置已在别处修改，请刷新后重试');
      const hours = {
        start: input.workStart?.trim() || before!.work_start,
        end: input.workEnd?.trim() || before!.work_end,
      };
      try {
        validateWorkHours(hours);
      } catch (error) {
        if (isDomainError(error, 'INVALID_ARGUMENT'))
          throw badInput('工作时间应为“时:分”，如 08:30 至 17:30，且开始早于结束', 'workStart');
        throw error;
      }
      const wecom = await this.app(
        m,
        viewer.tenantId,
        'WECOM',
        input.wecom,
        before!.wecom_corp_id,
        before!.wecom_agent_id,
      );
      const dingtalk = await this.app(
        m,
        viewer.tenantId,
        'DINGTALK',
        input.dingtalk,
        before!.dingtalk_app_key,
        before!.dingtalk_agent_id,
      );
      const defaults = input.defaultChannels ? cleanKindChannels(input.defaultChannels, 'defaultChannels') : null;
      await m.query(
        `UPDATE message_config SET wecom_corp_id = $2, wecom_agent_id = $3, dingtalk_app_key = $4, dingtalk_agent_id = $5,
                default_channels = coalesce($6::jsonb, default_channels), work_start = $7, work_end = $8, version = version + 1, updated_at = now()
          WHERE tenant_id = $1`,
        [
          viewer.tenantId,
          wecom.id,
          wecom.agentId,
          dingtalk.id,
          dingtalk.agentId,
          defaults ? JSON.stringify({ ...(before!.default_channels as object), ...defaults }) : null,
          hours.start,
          hours.end,
        ],
      );
      const after = await this.model(m, viewer.tenantId);
      // Secrets stay out of the audit log: only that one changed.
      await this.audit.record(m, viewer, {
        entityType: 'message_config',
        entityId: viewer.tenantId,
        action: 'message_settings.update',
        after: {
          wecom: after.wecom && {
            appId: after.wecom.appId,
            agentId: after.wecom.agentId,
            secretChanged: wecom.secretChanged,
          },
          dingtalk: after.dingtalk && {
            appId: after.dingtalk.appId,
            agentId: after.dingtalk.agentId,
            secretChanged: dingtalk.secretChanged,
          },
          workStart: after.workStart,
          workEnd: after.workEnd,
          defaultChannels: defaults ?? undefined,
        },
      });
      return after;
    });
  }

  /** Sends a test message to the admin themselves through the office's app, with the platform's answer. */
  async testWorkApp(viewer: Viewer, platform: RobotPlatform): Promise<MessageTestResultModel> {
    const me = await one<{
      phone: string | null;
      email: string | null;
      wecom_userid: string | null;
      dingtalk_userid: string | null;
    }>(
      this.dataSource,
      `SELECT phone, email, wecom_userid, dingtalk_userid FROM app_user WHERE tenant_id = $1 AND id = $2`,
      [viewer.tenantId, viewer.userId],
    );
    const result = await this.workApps.send(
      viewer.tenantId,
      platform,
      {
        mobile: me ? personalData(this.appConfig).contact(viewer.tenantId, viewer.userId, me).mobile : null,
        wecomUserid: me?.wecom_userid ?? null,
        dingtalkUserid: me?.dingtalk_userid ?? null,
      },
      `【政务公开督办】测试消息\n${viewer.displayName}，这是一条测试消息，收到即表示${PLATFORM_NAME[platform]}应用设置正确。`,
      this.clock.now(),
    );
    await this.dataSource.transaction((m) =>
      this.audit.record(m, viewer, {
        entityType: 'message_config',
        entityId: viewer.tenantId,
        action: 'message_settings.test',
        after: { platform, outcome: result.outcome, code: result.code },
      }),
    );
    return {
      delivered: result.outcome === 'SENT',
      code: result.code,
      detail: result.detail,
      answer: result.answer ?? '',
    };
  }

  private async model(db: DataSource | EntityManager, tenantId: string): Promise<MessageSettingsModel> {
    const config = await this.configs.read(tenantId, db);
    const secrets = await this.secrets.present(db, tenantId, [SECRET.wecomSecret, SECRET.dingtalkSecret]);
    const masked = (name: string) => maskSecret(secrets.get(name) ?? '');
    return {
      wecom: config.wecom && {
        appId: config.wecom.corpId,
        agentId: config.wecom.agentId,
        secretMasked: masked(SECRET.wecomSecret),
      },
      dingtalk: config.dingtalk && {
        appId: config.dingtalk.appKey,
        agentId: config.dingtalk.agentId,
        secretMasked: masked(SECRET.dingtalkSecret),
      },
      defaultChannels: effectiveDefaults(config),
      workStart: config.workHours.start,
      workEnd: config.workHours.end,
      emailAvailable: this.appConfig.smtpUrl !== null,
      version: config.version,
    };
  }

  /** Applies one app's change; its secret goes to the secret store and a changed app drops its cached token. */
  private async app(
    m: EntityManager,
    tenantId: string,
    platform: RobotPlatform,
    input: WorkAppInput | null | undefined,
    currentId: string | null,
    currentAgent: string | null,
  ): Promise<{ id: string | null; agentId: string | null; secretChanged: boolean }> {
    const secretName = platform === 'WECOM' ? SECRET.wecomSecret : SECRET.dingtalkSecret;
    const tokenName = platform === 'WECOM' ? SECRET.wecomToken : SECRET.dingtalkToken;
    const field = platform === 'WECOM' ? 'wecom' : 'dingtalk';
    if (!input) return { id: currentId, agentId: currentAgent, secretChanged: false };
    if (!input.enabled) {
      await this.secrets.remove(m, tenantId, [secretName, tokenName]);
      return { id: null, agentId: null, secretChanged: currentId !== null };
    }
    const id = input.appId?.trim() || currentId;
    const agentId = input.agentId?.trim() || currentAgent;
    const idLabel = platform === 'WECOM' ? '企业 ID（CorpID）' : 'AppKey';
    if (!id || !APP_ID.test(id))
      throw badInput(`${PLATFORM_NAME[platform]}${idLabel}应为 2 到 64 位字母、数字、_ 或 -`, `${field}.appId`);
    if (!agentId || !AGENT_ID.test(agentId))
      throw badInput(`${PLATFORM_NAME[platform]}应用的 AgentId 应为数字`, `${field}.agentId`);
    const secret = input.secret?.trim();
    if (secret) {
      if (!SECRET_TEXT.test(secret))
        throw badInput(`${PLATFORM_NAME[platform]}应用的 Secret 应为 8 到 128 位字母、数字或符号`, `${field}.secret`);
      await this.secrets.set(m, tenantId, secretName, secret);
    } else if (!(await this.secrets.value(m, tenantId, secretName))) {
      throw badInput(`请填写${PLATFORM_NAME[platform]}应用的 Secret`, `${field}.secret`);
    }
    if (secret || id !== currentId) await this.secrets.remove(m, tenantId, [tokenName]);
    return { id, agentId, secretChanged: !!secret };
  }
}
