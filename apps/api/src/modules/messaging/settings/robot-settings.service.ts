import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, notFound } from '../../../common/app-error.js';
import { Clock } from '../../../common/clock.js';
import { one, rows } from '../../../common/sql.js';
import { lockForUpdate } from '../../../common/version.js';
import type { Viewer } from '../../../common/viewer.js';
import { AuditService } from '../../audit/index.js';
import { PlatformHttp } from '../channels/platform-http.js';
import { RobotChannel } from '../channels/robot.channel.js';
import type { MessageRobotModel, SaveMessageRobotInput } from '../dto/message-robot.model.js';
import type { RobotKind, RobotPlatform } from '../message-kinds.js';
import type { MessageTestResultModel } from '../dto/message-settings.model.js';
import { ROBOT_KINDS, ROBOT_PLATFORMS } from '../message-kinds.js';
import { DeliveryQuery } from '../outbox/delivery-query.service.js';
import { maskSecret, SECRET, SecretStore } from '../secrets/secret-store.service.js';
import { isUuid } from '../../../common/validation.js';

/** A `message_robot` row: a group robot of 企业微信 or 钉钉 (its webhook and sign secret live in the secret store). */
interface MessageRobotRow {
  id: string;
  name: string;
  platform: RobotPlatform;
  kinds: RobotKind[];
  enabled: boolean;
  version: number;
}

const MAX_ROBOTS = 10;
// 钉钉 shows the 加签 secret as "SEC" followed by 64 hex digits.
const SIGN_SECRET = /^SEC[A-Za-z0-9]{16,128}$/;

/** 群机器人 of the office: only the office admin sees them, their address and secret masked. */
@Injectable()
export class RobotSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretStore,
    private readonly http: PlatformHttp,
    private readonly channel: RobotChannel,
    private readonly deliveries: DeliveryQuery,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(viewer: Viewer): Promise<MessageRobotModel[]> {
    const robots = await rows<MessageRobotRow>(
      this.dataSource,
      `SELECT * FROM message_robot WHERE tenant_id = $1 ORDER BY created_at, id`,
      [viewer.tenantId],
    );
    return this.models(this.dataSource, viewer.tenantId, robots);
  }

  async save(viewer: Viewer, input: SaveMessageRobotInput): Promise<MessageRobotModel> {
    const name = input.name.trim();
    if (!name || [...name].length > 30) throw badInput('机器人名称为 1 到 30 个字', 'name');
    if (!ROBOT_PLATFORMS.includes(input.platform)) throw badInput('机器人平台无效', 'platform');
    const kinds = ROBOT_KINDS.filter((k) => input.kinds.includes(k));
    if (kinds.length === 0) throw badInput('请至少选择一类要推送的消息', 'kinds');
    const webhookUrl = input.webhookUrl?.trim() || null;
    if (webhookUrl && webhookUrl.length > 1000) throw badInput('Webhook 地址过长', 'webhookUrl');
    const signSecret = input.signSecret?.trim() || null;
    if (signSecret && input.platform !== 'DINGTALK') throw badInput('只有钉钉机器人使用加签密钥', 'signSecret');
    if (signSecret && !SIGN_SECRET.test(signSecret))
      throw badInput('加签密钥应以 SEC 开头（在钉钉机器人安全设置中复制）', 'signSecret');

    return this.dataSource.transaction(async (m) => {
      let robot: MessageRobotRow;
      const before = input.id ? await this.lock(m, viewer.tenantId, input.id, input.version) : null;
      const url =
        webhookUrl ?? (before ? await this.secrets.value(m, viewer.tenantId, SECRET.robotWebhook(before.id)) : null);
      if (!url) throw badInput('请填写机器人的 Webhook 地址', 'webhookUrl');
      const problem = this.http.robotUrlProblem(input.platform, url);
      if (problem) throw badInput(problem, 'webhookUrl');
      if (before) {
        robot = (await one<MessageRobotRow>(
          m,
          `UPDATE message_robot SET name = $3, platform = $4, kinds = $5, enabled = $6, version = version + 1, updated_at = now()
            WHERE tenant_id = $1 AND id = $2 RETURNING *`,
          [viewer.tenantId, before.id, name, input.platform, kinds, input.enabled],
        ))!;
      } else {
        const count = await one<{ n: number }>(m, `SELECT count(*)::int AS n FROM message_robot WHERE tenant_id = $1`, [
          viewer.tenantId,
        ]);
        if (count!.n >= MAX_ROBOTS) throw badInput(`最多设置 ${MAX_ROBOTS} 个群机器人`, 'name');
        robot = (await one<MessageRobotRow>(
          m,
          `INSERT INTO message_robot (tenant_id, name, platform, kinds, enabled) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
          [viewer.tenantId, name, input.platform, kinds, input.enabled],
        ))!;
      }
      if (webhookUrl) await this.secrets.set(m, viewer.tenantId, SECRET.robotWebhook(robot.id), webhookUrl);
      if (signSecret) await this.secrets.set(m, viewer.tenantId, SECRET.robotSign(robot.id), signSecret);
      if ((input.clearSignSecret && !signSecret) || input.platform !== 'DINGTALK')
        await this.secrets.remove(m, viewer.tenantId, [SECRET.robotSign(robot.id)]);
      await this.audit.record(m, viewer, {
        entityType: 'message_robot',
        entityId: robot.id,
        action: before ? 'robot.update' : 'robot.create',
        before: before && {
          name: before.name,
          platform: before.platform,
          kinds: before.kinds,
          enabled: before.enabled,
        },
        after: {
          name,
          platform: input.platform,
          kinds,
          enabled: input.enabled,
          webhookChanged: !!webhookUrl,
          signSecretChanged: !!signSecret || !!input.clearSignSecret,
        },
      });
      return (await this.models(m, viewer.tenantId, [robot]))[0]!;
    });
  }

  async remove(viewer: Viewer, id: string, version: number): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.lock(m, viewer.tenantId, id, version);
      await this.secrets.remove(m, viewer.tenantId, [SECRET.robotWebhook(id), SECRET.robotSign(id)]);
      await m.query(`DELETE FROM message_robot WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, id]);
      await this.audit.record(m, viewer, {
        entityType: 'message_robot',
        entityId: id,
        action: 'robot.delete',
        before: { name: before.name, platform: before.platform },
      });
      return true;
    });
  }

  /** 发送测试消息: straight to the robot, returning its own answer (errcode and errmsg included). */
  async test(viewer: Viewer, id: string): Promise<MessageTestResultModel> {
    if (!isUuid(id)) throw notFound('群机器人');
    const target = await this.channel.target(viewer.tenantId, id);
    if (!target) throw notFound('群机器人');
    const result = await this.channel.send(
      target,
      {
        title: '测试消息',
        markdown: `### 【政务公开督办】测试消息\n${viewer.displayName}发送的测试消息：收到即表示“${target.name}”设置正确。`,
        mentions: [],
      },
      this.clock.now(),
    );
    await this.dataSource.transaction((m) =>
      this.audit.record(m, viewer, {
        entityType: 'message_robot',
        entityId: id,
        action: 'robot.test',
        after: { outcome: result.outcome, code: result.code },
      }),
    );
    return { delivered: result.outcome === 'SENT', code: result.code, detail: result.detail, answer: result.answer };
  }

  private async lock(m: EntityManager, tenantId: string, id: string, version: number | null | undefined) {
    if (!isUuid(id)) throw notFound('群机器人');
    if (version == null) throw badInput('修改机器人时须提供版本号', 'version');
    return lockForUpdate<MessageRobotRow>(m, 'message_robot', tenantId, id, version, '群机器人');
  }

  private async models(
    db: DataSource | EntityManager,
    tenantId: string,
    robots: MessageRobotRow[],
  ): Promise<MessageRobotModel[]> {
    const ids = robots.map((r) => r.id);
    const secrets = await this.secrets.present(
      db,
      tenantId,
      ids.flatMap((id) => [SECRET.robotWebhook(id), SECRET.robotSign(id)]),
    );
    const last = await this.deliveries.lastOfRobots(db, tenantId, ids);
    return robots.map((r) => {
      const sign = secrets.get(SECRET.robotSign(r.id));
      return {
        id: r.id,
        name: r.name,
        platform: r.platform,
        kinds: r.kinds,
        enabled: r.enabled,
        webhookMasked: maskSecret(secrets.get(SECRET.robotWebhook(r.id)) ?? ''),
        signSecretMasked: sign ? maskSecret(sign) : null,
        lastDelivery: last.get(r.id) ?? null,
        version: r.version,
      };
    });
  }
}
