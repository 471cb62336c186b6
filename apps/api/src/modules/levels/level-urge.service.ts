import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { creationOrderPage } from '../../common/keyset-page.js';
import type { Connection } from '../../common/pagination.js';
import { one, rows, SqlParams } from '../../common/sql.js';
import { isUuid, requiredText } from '../../common/validation.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { MessageEvents } from '../messaging/index.js';
import type { LevelUrgesArgs, LowerUrgeModel, UpperUrgeKeyPointModel, UpperUrgeModel } from './dto/level-urge.model.js';
import { acrossTenants } from './across-tenants.js';
import { upperUrgeNotice, urgeAcknowledgedNotice, urgeSituation } from './level-urge-text.js';
import { LowerRollupService } from './lower-rollup.service.js';

interface SentRow {
  id: string;
  lower_tenant_id: string;
  lower_name: string;
  key_point_id: string;
  key_point_label: string;
  key_point_title: string;
  situation: string;
  message: string;
  created_by_name: string | null;
  created_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_name: string | null;
}

interface InboxRow {
  id: string;
  upper_tenant_id: string;
  upper_name: string;
  sent_id: string;
  source_key_point_id: string;
  key_point_label: string;
  key_point_title: string;
  situation: string;
  message: string;
  sender_name: string | null;
  created_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_name: string | null;
}

/** An inbox row on its way out: the upper key point it names, to find this tenant's linked key points. */
type InboxItem = UpperUrgeModel & { upperTenantId: string; sourceKeyPointId: string };

const SENT_SELECT = `SELECT s.*, k.label AS key_point_label, k.title AS key_point_title, cb.display_name AS created_by_name
  FROM level_urge_sent s
  JOIN key_point k ON k.tenant_id = s.tenant_id AND k.id = s.key_point_id
  LEFT JOIN app_user cb ON cb.tenant_id = s.tenant_id AND cb.id = s.created_by`;
const INBOX_SELECT = `SELECT i.*, ab.display_name AS acknowledged_by_name
  FROM level_urge_inbox i
  LEFT JOIN app_user ab ON ab.tenant_id = i.tenant_id AND ab.id = i.acknowledged_by`;

const toSent = (r: SentRow): LowerUrgeModel => ({
  id: r.id,
  lowerTenantId: r.lower_tenant_id,
  lowerTenantName: r.lower_name,
  keyPointId: r.key_point_id,
  keyPointLabel: r.key_point_label ?? '',
  keyPointTitle: r.key_point_title,
  situation: r.situation,
  message: r.message,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedByName: r.acknowledged_by_name,
});

const toInbox = (r: InboxRow): InboxItem => ({
  id: r.id,
  upperTenantId: r.upper_tenant_id,
  sourceKeyPointId: r.source_key_point_id,
  upperTenantName: r.upper_name,
  keyPointLabel: r.key_point_label,
  keyPointTitle: r.key_point_title,
  situation: r.situation,
  message: r.message,
  senderName: r.sender_name,
  createdAt: r.created_at,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedByName: r.acknowledged_by_name,
  linkedKeyPoints: [],
});

/**
 * 上下联动, urging across levels. The upper office 催办s a lower office about one of its key points; the
 * lower office's people are notified (the messaging outbox) and its office acknowledges (签收). Each side
 * reads only its own rows: the upper its `level_urge_sent`, the lower its `level_urge_inbox`. The urge and
 * the acknowledgement are the two deliberate writes across tenants, each in one transaction that names
 * both tenants in every statement, from the link as it stands then.
 */
@Injectable()
export class LevelUrgeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly messages: MessageEvents,
    private readonly rollup: LowerRollupService,
    private readonly clock: Clock,
  ) {}

  async urge(viewer: Viewer, lowerTenantId: string, keyPointId: string, message: string): Promise<LowerUrgeModel> {
    if (!isUuid(keyPointId)) throw notFound('工作要点');
    if (!isUuid(lowerTenantId)) throw notFound('下级机构');
    const text = requiredText(message, 'message', '催办内容', 500, 2);
    const point = await one<{ id: string; label: string | null; title: string }>(
      this.dataSource,
      `SELECT k.id, k.label, k.title FROM key_point k JOIN plan p ON p.tenant_id = k.tenant_id AND p.id = k.plan_id
        WHERE k.tenant_id = $1 AND k.id = $2 AND p.status <> 'DRAFT'`,
      [viewer.tenantId, keyPointId],
    );
    if (!point) throw notFound('工作要点');
    const lowers = await this.rollup.ensureFresh(viewer.tenantId);
    if (!lowers.some((l) => l.id === lowerTenantId)) throw notFound('下级机构');
    const situation = urgeSituation(await this.rollup.countsFor(viewer.tenantId, lowerTenantId, keyPointId));
    const id = await acrossTenants(this.dataSource, async (m) => {
      // The link as it stands now, locked against an unlink in between.
      const pair = await one<{ lower_name: string; upper_name: string }>(
        m,
        `SELECT t.name AS lower_name, u.name AS upper_name FROM tenant t JOIN tenant u ON u.id = t.upper_tenant_id
          WHERE t.id = $1 AND t.upper_tenant_id = $2 FOR SHARE OF t`,
        [lowerTenantId, viewer.tenantId],
      );
      if (!pair) throw notFound('下级机构');
      const sent = (await one<{ id: string; created_at: Date }>(
        m,
        `INSERT INTO level_urge_sent (tenant_id, lower_tenant_id, lower_name, key_point_id, situation, message, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
        [viewer.tenantId, lowerTenantId, pair.lower_name, keyPointId, situation, text, viewer.userId],
      ))!;
      const inbox = (await one<{ id: string }>(
        m,
        `INSERT INTO level_urge_inbox (tenant_id, upper_tenant_id, upper_name, sent_id, source_key_point_id,
                                       key_point_label, key_point_title, situation, message, sender_name, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          lowerTenantId,
          viewer.tenantId,
          pair.upper_name,
          sent.id,
          keyPointId,
          point.label ?? '',
          point.title,
          situation,
          text,
          viewer.displayName,
          sent.created_at,
        ],
      ))!;
      const after = { keyPoint: `${point.label ?? ''} ${point.title}`.trim(), situation, message: text };
      await this.audit.record(m, viewer, {
        entityType: 'level_urge_sent',
        entityId: sent.id,
        action: 'URGE',
        after: { ...after, lowerTenant: pair.lower_name },
        note: text,
      });
      await this.audit.record(
        m,
        { tenantId: lowerTenantId, userId: null },
        {
          entityType: 'level_urge_inbox',
          entityId: inbox.id,
          action: 'URGE',
          after,
          note: `由上级机构“${pair.upper_name}”（${viewer.displayName}）催办`,
        },
      );
      const notice = upperUrgeNotice({
        upperName: pair.upper_name,
        senderName: viewer.displayName,
        label: point.label ?? '',
        title: point.title,
        message: text,
        situation,
      });
      await this.messages.record(
        m,
        { tenantId: lowerTenantId, userId: null },
        [{ kind: 'UPPER_URGE', unitId: null, taskIds: [], audience: 'OFFICE', ...notice }],
        this.clock.now(),
      );
      return sent.id;
    });
    return this.sentOne(this.dataSource.manager, viewer.tenantId, id);
  }

  /** The lower office 签收s. Idempotent: a second acknowledgement keeps the first (who and when). */
  async acknowledge(viewer: Viewer, id: string): Promise<UpperUrgeModel> {
    if (!isUuid(id)) throw notFound('上级催办');
    await acrossTenants(this.dataSource, async (m) => {
      const row = await one<{ upper_tenant_id: string; sent_id: string; acknowledged_at: Date | null }>(
        m,
        `SELECT upper_tenant_id, sent_id, acknowledged_at FROM level_urge_inbox WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [viewer.tenantId, id],
      );
      if (!row) throw notFound('上级催办');
      if (row.acknowledged_at) return;
      const at = (await one<{ at: Date }>(
        m,
        `UPDATE level_urge_inbox SET acknowledged_at = clock_timestamp(), acknowledged_by = $3
          WHERE tenant_id = $1 AND id = $2 RETURNING acknowledged_at AS at`,
        [viewer.tenantId, id, viewer.userId],
      ))!.at;
      // The upper's row named by the lower's own row: the only thing the lower writes of the upper's.
      const sent = await one<{
        created_by: string | null;
        created_at: Date;
        lower_name: string;
        label: string | null;
        title: string;
      }>(
        m,
        `UPDATE level_urge_sent s SET acknowledged_at = $3, acknowledged_by_name = $4 FROM key_point k
          WHERE s.tenant_id = $1 AND s.id = $2 AND k.tenant_id = s.tenant_id AND k.id = s.key_point_id
          RETURNING s.created_by, s.created_at, s.lower_name, k.label, k.title`,
        [row.upper_tenant_id, row.sent_id, at, viewer.displayName],
      );
      if (sent) await this.noticeAcknowledged(m, row.upper_tenant_id, sent, viewer.displayName);
      await this.audit.record(m, viewer, {
        entityType: 'level_urge_inbox',
        entityId: id,
        action: 'ACKNOWLEDGE',
        before: { acknowledgedAt: null },
        after: { acknowledgedAt: at },
      });
    });
    const [item] = await this.withLinkedKeyPoints(viewer.tenantId, [
      toInbox(
        (await one<InboxRow>(this.dataSource, `${INBOX_SELECT} WHERE i.tenant_id = $1 AND i.id = $2`, [
          viewer.tenantId,
          id,
        ]))!,
      ),
    ]);
    return item!;
  }

  /**
   * Tells the upper office its urge was signed: whoever sent it, or, when that person is gone (deactivated
   * or no longer of the office), the office's admins. Recorded in the upper tenant, naming it.
   */
  private async noticeAcknowledged(
    m: EntityManager,
    upperTenantId: string,
    sent: { created_by: string | null; created_at: Date; lower_name: string; label: string | null; title: string },
    signerName: string,
  ): Promise<void> {
    const people = await rows<{ id: string }>(
      m,
      `WITH sender AS (
         SELECT id FROM app_user WHERE tenant_id = $1 AND id = $2 AND active AND role IN ('OFFICE_ADMIN', 'OFFICE_STAFF'))
       SELECT id FROM sender
       UNION ALL
       SELECT id FROM app_user WHERE tenant_id = $1 AND active AND role = 'OFFICE_ADMIN' AND NOT EXISTS (SELECT 1 FROM sender)`,
      [upperTenantId, sent.created_by],
    );
    const notice = urgeAcknowledgedNotice({
      lowerName: sent.lower_name,
      signerName,
      label: sent.label ?? '',
      title: sent.title,
      sentOn: shanghaiDate(sent.created_at),
    });
    await this.messages.record(
      m,
      { tenantId: upperTenantId, userId: null },
      [
        {
          kind: 'UPPER_URGE_ACKNOWLEDGED',
          unitId: null,
          taskIds: [],
          audience: 'PEOPLE',
          userIds: people.map((p) => p.id),
          ...notice,
        },
      ],
      this.clock.now(),
    );
  }

  /** The upper office's urges to its lower tenants, newest first (also those to a tenant no longer linked). */
  sent(viewer: Viewer, args: LevelUrgesArgs): Promise<Connection<LowerUrgeModel>> {
    const params = new SqlParams();
    const where = [`s.tenant_id = ${params.add(viewer.tenantId)}`];
    if (args.unacknowledged) where.push('s.acknowledged_at IS NULL');
    return creationOrderPage(this.dataSource, {
      select: SENT_SELECT,
      from: 'FROM level_urge_sent s',
      alias: 's',
      where,
      params,
      first: args.first,
      after: args.after,
      map: toSent,
    });
  }

  /** The lower office's urges from above, newest first, each with its own key points linked to the urged one. */
  async inbox(viewer: Viewer, args: LevelUrgesArgs): Promise<Connection<UpperUrgeModel>> {
    const params = new SqlParams();
    const where = [`i.tenant_id = ${params.add(viewer.tenantId)}`];
    if (args.unacknowledged) where.push('i.acknowledged_at IS NULL');
    const page = await creationOrderPage(this.dataSource, {
      select: INBOX_SELECT,
      from: 'FROM level_urge_inbox i',
      alias: 'i',
      where,
      params,
      first: args.first,
      after: args.after,
      map: toInbox,
    });
    return { ...page, nodes: await this.withLinkedKeyPoints(viewer.tenantId, page.nodes) };
  }

  /** This tenant's own key points linked (through its copy of the upper plan) to each urged upper key point. */
  private async withLinkedKeyPoints(tenantId: string, items: InboxItem[]): Promise<UpperUrgeModel[]> {
    if (!items.length) return items;
    const linked = await rows<UpperUrgeKeyPointModel & { upper_tenant_id: string; source_key_point_id: string }>(
      this.dataSource,
      `SELECT u.upper_tenant_id, u.source_key_point_id, k.id, k.plan_id AS "planId", coalesce(k.label, '') AS label, k.title
         FROM key_point_upper_link l
         JOIN upper_plan_point u ON u.tenant_id = l.tenant_id AND u.id = l.upper_point_id
         JOIN key_point k ON k.tenant_id = l.tenant_id AND k.id = l.key_point_id
        WHERE l.tenant_id = $1 AND u.source_key_point_id = ANY($2::uuid[])
        ORDER BY k.seq, k.id`,
      [tenantId, [...new Set(items.map((i) => i.sourceKeyPointId))]],
    );
    return items.map((i) => ({
      ...i,
      linkedKeyPoints: linked
        .filter((l) => l.upper_tenant_id === i.upperTenantId && l.source_key_point_id === i.sourceKeyPointId)
        .map(({ id, planId, label, title }) => ({ id, planId, label, title })),
    }));
  }

  private async sentOne(m: EntityManager, tenantId: string, id: string): Promise<LowerUrgeModel> {
    return toSent((await one<SentRow>(m, `${SENT_SELECT} WHERE s.tenant_id = $1 AND s.id = $2`, [tenantId, id]))!);
  }
}
