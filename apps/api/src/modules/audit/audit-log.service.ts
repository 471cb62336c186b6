import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput } from '../../common/app-error.js';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { one, rows, SqlParams } from '../../common/sql.js';
import { optionalText, uuidArg } from '../../common/validation.js';
import type { Viewer } from '../../common/viewer.js';
import { verifyChain } from './audit-chain.js';
import { AuditSealer, managerSql } from './audit-sealer.js';
import type { AuditLogFilterInput } from './dto/audit-log.args.js';
import type { AuditChainCheckModel, AuditRecordConnection, AuditRecordModel } from './dto/audit-record.model.js';

/** The most records one export holds; a wider filter is refused with a hint to narrow it. */
export const AUDIT_EXPORT_MAX = 50_000;

interface AuditRow {
  id: string;
  seq: string | null;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  result: string;
  ip: string | null;
  user_agent: string | null;
  before: unknown;
  after: unknown;
  note: string | null;
}

/** The fields every reading of an audit row shows (the auditor's log, a task's history): values as JSON text. */
export function auditEntryFields(row: {
  id: string | number;
  at: Date;
  entity_type: string;
  entity_id: string;
  action: string;
  before: unknown;
  after: unknown;
  note: string | null;
}) {
  return {
    id: String(row.id),
    at: row.at,
    entityType: row.entity_type,
    entityId: row.entity_id,
    action: row.action,
    before: row.before == null ? null : JSON.stringify(row.before),
    after: row.after == null ? null : JSON.stringify(row.after),
    note: row.note,
  };
}

const toModel = (r: AuditRow): AuditRecordModel => ({
  ...auditEntryFields(r),
  seq: r.seq == null ? null : Number(r.seq),
  actorId: r.actor_id,
  actorName: r.actor_name,
  actorUsername: r.actor_username,
  result: r.result,
  ip: r.ip,
  userAgent: r.user_agent,
});

const SELECT = `SELECT a.id::text AS id, a.seq::text AS seq, a.at, a.actor_id, u.display_name AS actor_name, u.username AS actor_username,
         a.action, a.entity_type, a.entity_id, a.result, a.ip, a.user_agent, a.before, a.after, a.note
    FROM audit_log a LEFT JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.actor_id`;

/** The auditor's reading of the log: filtered, newest first, and the chain check. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: AuditSealer,
  ) {}

  /** The WHERE of a filter, shared by the page and the export so both show the same records. */
  private where(viewer: Viewer, filter: AuditLogFilterInput | null | undefined, params: SqlParams): string[] {
    const where = [`a.tenant_id = ${params.add(viewer.tenantId)}`];
    const f = filter ?? {};
    if (f.actorId) where.push(`a.actor_id = ${params.add(uuidArg(f.actorId, 'actorId'))}`);
    if (f.entityId) where.push(`a.entity_id = ${params.add(uuidArg(f.entityId, 'entityId'))}`);
    const entityType = optionalText(f.entityType, 'entityType', '对象类型', 60);
    if (entityType) where.push(`a.entity_type = ${params.add(entityType)}`);
    const action = optionalText(f.action, 'action', '操作', 80);
    if (action?.endsWith('.')) where.push(`starts_with(a.action, ${params.add(action)})`);
    else if (action) where.push(`a.action = ${params.add(action)}`);
    if (f.result) {
      if (f.result !== 'success' && f.result !== 'failure') throw badInput('结果应为成功或失败', 'result');
      where.push(`a.result = ${params.add(f.result)}`);
    }
    if (f.from && f.to && f.from >= f.to) throw badInput('开始时间应早于结束时间', 'to');
    if (f.from) where.push(`a.at >= ${params.add(f.from)}`);
    if (f.to) where.push(`a.at < ${params.add(f.to)}`);
    return where;
  }

  async search(
    viewer: Viewer,
    filter: AuditLogFilterInput | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<AuditRecordConnection> {
    const size = pageSize(first);
    const params = new SqlParams();
    const where = this.where(viewer, filter, params);
    const countParams = [...params.values];
    const cursor = decodeCursor(after, 1);
    if (cursor && !(typeof cursor[0] === 'string' && /^\d{1,18}$/.test(cursor[0])))
      throw badInput('分页游标无效，请刷新后重试', 'after');
    const paged = cursor ? [...where, `a.id < ${params.add(cursor[0])}::bigint`] : where;
    const [found, count] = await Promise.all([
      rows<AuditRow>(
        this.dataSource,
        `${SELECT} WHERE ${paged.join(' AND ')} ORDER BY a.id DESC LIMIT ${size + 1}`,
        params.values,
      ),
      one<{ n: number }>(
        this.dataSource,
        `SELECT count(*)::int AS n FROM audit_log a WHERE ${where.join(' AND ')}`,
        countParams,
      ),
    ]);
    const list = found.slice(0, size);
    const last = list[list.length - 1];
    return {
      nodes: list.map(toModel),
      totalCount: count?.n ?? 0,
      pageInfo: { hasNextPage: found.length > size, endCursor: last ? encodeCursor([last.id]) : null },
    };
  }

  /** Every record the filter matches, oldest first, for the export (bounded by AUDIT_EXPORT_MAX). */
  async all(viewer: Viewer, filter: AuditLogFilterInput | null | undefined): Promise<AuditRecordModel[]> {
    const params = new SqlParams();
    const where = this.where(viewer, filter, params);
    const found = await rows<AuditRow>(
      this.dataSource,
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY a.id LIMIT ${AUDIT_EXPORT_MAX + 1}`,
      params.values,
    );
    if (found.length > AUDIT_EXPORT_MAX)
      throw badInput(`符合条件的记录超过 ${AUDIT_EXPORT_MAX} 条，请缩小时间范围后再导出`, 'filter');
    return found.map(toModel);
  }

  /** Seals what is pending first, then recomputes the chain in one snapshot. */
  async checkChain(viewer: Pick<Viewer, 'tenantId'>): Promise<AuditChainCheckModel> {
    await this.sealer.sealNow(viewer.tenantId);
    return this.dataSource.transaction('REPEATABLE READ', (m) =>
      verifyChain(managerSql(m), this.sealer.key, viewer.tenantId),
    );
  }
}
