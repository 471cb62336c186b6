import { Inject, Injectable } from '@nestjs/common';
import { messagePath, type MessageKind } from '@duban/domain';
import { DataSource } from 'typeorm';
import { personalData } from '../../../common/crypto/personal-data.js';
import { one, rows } from '../../../common/sql.js';
import type { AppConfig } from '../../../config/app-config.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import { EmailChannel } from '../channels/email.channel.js';
import { failed, type SendResult } from '../channels/platform-answer.js';
import { RobotChannel } from '../channels/robot.channel.js';
import type { RobotContent } from '../channels/robot-message.js';
import { WorkAppChannel } from '../channels/work-app.channel.js';
import type { OutboxRow } from './outbox-row.js';

interface PersonalMessage {
  title: string;
  body: string;
  kind: MessageKind;
  task_id: string | null;
  user_id: string;
  /** Encrypted (SM4): opened only here, at send time. */
  email: string | null;
  phone: string | null;
  wecom_userid: string | null;
  dingtalk_userid: string | null;
  role: string;
  active: boolean;
}

/** Sends one claimed outbox row on its channel. Never throws: every failure is a SendResult. */
@Injectable()
export class OutboxDelivery {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly email: EmailChannel,
    private readonly workApps: WorkAppChannel,
    private readonly robots: RobotChannel,
  ) {}

  async send(row: OutboxRow, now: Date): Promise<SendResult> {
    try {
      return row.channel === 'ROBOT' ? await this.toRobot(row, now) : await this.toPerson(row, now);
    } catch (error) {
      return {
        outcome: 'RETRY',
        code: 'ERROR',
        detail: `发送出错：${(error as Error).message ?? String(error)}`.slice(0, 300),
      };
    }
  }

  private async toRobot(row: OutboxRow, now: Date): Promise<SendResult> {
    const target = await this.robots.target(row.tenant_id, row.robot_id!);
    if (!target) return failed('NOT_CONFIGURED', '群机器人已删除或未设置 Webhook 地址');
    return this.robots.send(target, await this.withMobiles(row.tenant_id, row.payload as unknown as RobotContent), now);
  }

  /** The liaisons to @ by mobile: their numbers decrypted now, at send time. */
  private async withMobiles(tenantId: string, content: RobotContent): Promise<RobotContent> {
    const ids = content.mentions.flatMap((m) => (m.userId ? [m.userId] : []));
    if (!ids.length) return content;
    const people = personalData(this.config);
    const found = await rows<{ id: string; phone: string | null }>(
      this.dataSource,
      `SELECT id, phone FROM app_user WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, ids],
    );
    const mobiles = new Map(
      found.map((u) => [u.id, people.contact(tenantId, u.id, { phone: u.phone, email: null }).mobile]),
    );
    return {
      ...content,
      mentions: content.mentions
        .map(({ userId, ...m }) => (userId ? { ...m, mobile: mobiles.get(userId) ?? null } : m))
        .filter((m) => m.mobile || m.wecomUserid),
    };
  }

  private async toPerson(row: OutboxRow, now: Date): Promise<SendResult> {
    const message = await one<PersonalMessage>(
      this.dataSource,
      `SELECT replace(n.title, '{n}', n.group_count::text) AS title, n.body, n.kind, n.task_id,
              u.id AS user_id, u.email, u.phone, u.wecom_userid, u.dingtalk_userid, u.role, u.active
         FROM notification n JOIN app_user u ON u.tenant_id = n.tenant_id AND u.id = n.user_id
        WHERE n.tenant_id = $1 AND n.id = $2`,
      [row.tenant_id, row.notification_id],
    );
    if (!message) return failed('GONE', '通知已不存在');
    if (!message.active) return failed('INACTIVE', '接收人的账号已停用');
    const link = this.config.publicUrl
      ? `${this.config.publicUrl}${messagePath(message.role, message.kind, message.task_id)}`
      : null;
    const contact = personalData(this.config).contact(row.tenant_id, message.user_id, message);
    const text = `${message.title}\n${message.body}${link ? `\n查看：${link}` : '\n请登录督办系统查看。'}`;
    if (row.channel === 'EMAIL') {
      if (!contact.email) return failed('NO_ADDRESS', '账号未填写电子邮箱');
      return this.email.send(
        contact.email,
        `【政务公开督办】${message.title}`,
        `${text}\n\n此邮件由系统自动发送，请勿回复。`,
      );
    }
    const recipient = {
      mobile: contact.mobile,
      wecomUserid: message.wecom_userid,
      dingtalkUserid: message.dingtalk_userid,
    };
    return this.workApps.send(
      row.tenant_id,
      row.channel as 'WECOM' | 'DINGTALK',
      recipient,
      `【政务公开督办】${text}`,
      now,
    );
  }
}
