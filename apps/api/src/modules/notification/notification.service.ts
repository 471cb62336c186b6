import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { creationOrderPage } from '../../common/keyset-page.js';
import type { Connection } from '../../common/pagination.js';
import { one, rows, SqlParams } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AuditService } from '../audit/index.js';
import {
  cleanKindChannels,
  effectiveDefaults,
  MessageConfigService,
  type PersonalChannel,
} from '../messaging/index.js';
import type {
  MarkNotificationsReadInput,
  NotificationsArgs,
  UpdateNotificationPreferencesInput,
} from './dto/notification.input.js';
import {
  NOTIFICATION_KINDS,
  toNotificationModel,
  type MarkNotificationsReadResult,
  type NotificationModel,
  type NotificationPreferencesModel,
} from './dto/notification.model.js';
import { isUuid } from '../../common/validation.js';

const MAX_IDS = 200;

/** A person's own notification centre: every query is limited to the viewer's tenant and user. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly messageConfig: MessageConfigService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Newest first. */
  async list(viewer: Viewer, args: NotificationsArgs): Promise<Connection<NotificationModel>> {
    const params = new SqlParams([viewer.tenantId, viewer.userId]);
    const where = ['n.tenant_id = $1', 'n.user_id = $2'];
    if (args.unreadOnly) where.push('n.read_at IS NULL');
    if (args.kinds?.length) {
      if (args.kinds.some((k) => !NOTIFICATION_KINDS.includes(k))) throw badInput('通知类型无效', 'kinds');
      where.push(`n.kind = ANY(${params.add(args.kinds)}::text[])`);
    }
    return creationOrderPage(this.dataSource, {
      select: 'SELECT n.* FROM notification n',
      from: 'FROM notification n',
      alias: 'n',
      where,
      params,
      first: args.first,
      after: args.after,
      defaultSize: 20,
      map: toNotificationModel,
    });
  }

  async unreadCount(viewer: Viewer): Promise<number> {
    const row = await one<{ n: number }>(
      this.dataSource,
      `SELECT count(*)::int AS n FROM notification WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL`,
      [viewer.tenantId, viewer.userId],
    );
    return row?.n ?? 0;
  }

  /** Idempotent: marking a read notification again changes nothing. Someone else's id is NOT_FOUND. */
  async markRead(viewer: Viewer, input: MarkNotificationsReadInput): Promise<MarkNotificationsReadResult> {
    const all = input.all === true;
    const ids = all ? [] : [...new Set(input.ids ?? [])];
    if (!all && ids.length === 0) throw badInput('请选择要标记为已读的通知', 'ids');
    if (ids.length > MAX_IDS) throw badInput(`一次最多标记 ${MAX_IDS} 条通知`, 'ids');
    if (ids.some((id) => !isUuid(id))) throw badInput('编号格式不正确', 'ids');
    const marked = await this.dataSource.transaction(async (m) => {
      if (!all) {
        const mine = await one<{ n: number }>(
          m,
          `SELECT count(*)::int AS n FROM notification WHERE tenant_id = $1 AND user_id = $2 AND id = ANY($3::uuid[])`,
          [viewer.tenantId, viewer.userId, ids],
        );
        if ((mine?.n ?? 0) !== ids.length) throw notFound('通知');
      }
      const changed = await rows<{ id: string }>(
        m,
        `UPDATE notification SET read_at = $3 WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL ${all ? '' : 'AND id = ANY($4::uuid[])'} RETURNING id`,
        all
          ? [viewer.tenantId, viewer.userId, this.clock.now()]
          : [viewer.tenantId, viewer.userId, this.clock.now(), ids],
      );
      if (changed.length > 0) {
        await this.audit.record(m, viewer, {
          entityType: 'notification',
          entityId: viewer.userId,
          action: 'notification.mark_read',
          after: { all, count: changed.length, ids: all ? undefined : changed.map((r) => r.id) },
        });
      }
      return changed.length;
    });
    return { marked, unreadCount: await this.unreadCount(viewer) };
  }

  async preferences(viewer: Viewer): Promise<NotificationPreferencesModel> {
    return this.preferencesIn(this.dataSource, viewer);
  }

  /** Stored choices over the office defaults, and which channels can reach this person at all. */
  private async preferencesIn(db: DataSource | EntityManager, viewer: Viewer): Promise<NotificationPreferencesModel> {
    const [row, config, me] = await Promise.all([
      one<NotificationPreferenceRow>(
        db,
        `SELECT * FROM notification_preference WHERE tenant_id = $1 AND user_id = $2`,
        [viewer.tenantId, viewer.userId],
      ),
      this.messageConfig.read(viewer.tenantId, db),
      one<{ email: string | null; mobile: boolean; wecom_userid: string | null; dingtalk_userid: string | null }>(
        db,
        `SELECT email, phone_mobile AS mobile, wecom_userid, dingtalk_userid FROM app_user WHERE tenant_id = $1 AND id = $2`,
        [viewer.tenantId, viewer.userId],
      ),
    ]);
    const own = (row?.channels ?? {}) as Record<string, PersonalChannel[]>;
    const reachable: PersonalChannel[] = [];
    if (this.config.smtpUrl && me?.email) reachable.push('EMAIL');
    if (config.wecom && (me?.wecom_userid || me?.mobile)) reachable.push('WECOM');
    if (config.dingtalk && (me?.dingtalk_userid || me?.mobile)) reachable.push('DINGTALK');
    return {
      emailDigest: row?.email_digest ?? true,
      mutedKinds: row?.muted_kinds ?? [],
      channels: effectiveDefaults(config).map((d) => ({ kind: d.kind, channels: own[d.kind] ?? d.channels })),
      quietHours: row?.quiet_hours ?? true,
      reachableChannels: reachable,
      version: row?.version ?? 0,
    };
  }

  async updatePreferences(
    viewer: Viewer,
    input: UpdateNotificationPreferencesInput,
  ): Promise<NotificationPreferencesModel> {
    const muted = [...new Set(input.mutedKinds)];
    if (muted.some((k) => !NOTIFICATION_KINDS.includes(k))) throw badInput('通知类型无效', 'mutedKinds');
    const chosen = input.channels ? cleanKindChannels(input.channels, 'channels') : {};
    return this.dataSource.transaction(async (m) => {
      const before = await one<NotificationPreferenceRow>(
        m,
        `SELECT * FROM notification_preference WHERE tenant_id = $1 AND user_id = $2 FOR UPDATE`,
        [viewer.tenantId, viewer.userId],
      );
      if ((before?.version ?? 0) !== input.version) throw conflict('通知设置已在别处修改，请刷新后重试');
      // Only choices that differ from the office default are kept, so a later change of the default still reaches everyone else.
      const defaults = new Map(
        effectiveDefaults(await this.messageConfig.read(viewer.tenantId, m)).map((d) => [d.kind, d.channels.join(',')]),
      );
      const channels: Record<string, PersonalChannel[]> = { ...(before?.channels ?? {}) };
      for (const [kind, list] of Object.entries(chosen)) {
        if (list.join(',') === defaults.get(kind as never)) delete channels[kind];
        else channels[kind] = list;
      }
      const after = (await one<NotificationPreferenceRow>(
        m,
        `INSERT INTO notification_preference (tenant_id, user_id, email_digest, muted_kinds, channels, quiet_hours, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (tenant_id, user_id) DO UPDATE SET email_digest = EXCLUDED.email_digest, muted_kinds = EXCLUDED.muted_kinds,
           channels = EXCLUDED.channels, quiet_hours = EXCLUDED.quiet_hours, version = notification_preference.version + 1, updated_at = EXCLUDED.updated_at
         RETURNING *`,
        [
          viewer.tenantId,
          viewer.userId,
          input.emailDigest,
          muted,
          JSON.stringify(channels),
          input.quietHours ?? before?.quiet_hours ?? true,
          this.clock.now(),
        ],
      ))!;
      await this.audit.record(m, viewer, {
        entityType: 'notification_preference',
        entityId: viewer.userId,
        action: 'notification.preferences',
        before: before ? toPreferences(before) : null,
        after: toPreferences(after),
      });
      return this.preferencesIn(m, viewer);
    });
  }
}

/** What the audit log keeps of a person's choices. */
/** A person's `notification_preference` row; `channels` keeps only choices that differ from the office default. */
interface NotificationPreferenceRow {
  email_digest: boolean;
  muted_kinds: NotificationPreferencesModel['mutedKinds'];
  channels: Record<string, PersonalChannel[]> | null;
  quiet_hours: boolean;
  version: number;
}

function toPreferences(row: NotificationPreferenceRow) {
  return {
    emailDigest: row.email_digest,
    mutedKinds: row.muted_kinds,
    channels: row.channels,
    quietHours: row.quiet_hours,
    version: row.version,
  };
}
