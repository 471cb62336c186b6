import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import { Clock } from '../../common/clock.js';
import { forbidden } from '../../common/app-error.js';
import { XLSX_MIME, type DownloadFile } from '../../common/download.js';
import { textDate } from '../../common/official-document.js';
import { isUnitUser, readsWholeTenant, type Viewer } from '../../common/viewer.js';
import { taskFilterConditions, type TaskFilterInput } from '../task/index.js';
import { exportTasks, planInTenant, reportDigests } from './export-tasks.sql.js';
import { ledgerWorkbook } from './ledger-workbook.js';
import { fileName } from './print-layout.js';
import { uuidArg } from '../../common/validation.js';
import { ReplicaReads } from '../../database/read-replica.js';

/** 台账 download: office and leadership get the whole plan, a unit user their own unit's tasks. */
@Injectable()
export class LedgerExportService {
  constructor(
    private readonly clock: Clock,
    private readonly reads: ReplicaReads,
  ) {}

  async ledger(viewer: Viewer, planId: string, filter: Omit<TaskFilterInput, 'planId'>): Promise<DownloadFile> {
    const ownUnit = readsWholeTenant(viewer) ? null : isUnitUser(viewer) && viewer.unitId ? viewer.unitId : null;
    if (!readsWholeTenant(viewer) && !ownUnit) throw forbidden();
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const { plan, tasks, digests } = await this.reads.read(async (db) => {
      const plan = await planInTenant(db, viewer.tenantId, uuidArg(planId, 'planId'));
      const tasks = await exportTasks(db, viewer.tenantId, [plan.id], now, (p) => [
        ...(ownUnit ? [`t.unit_id = ${p.add(ownUnit)}`] : []),
        ...taskFilterConditions({ ...filter, kind: null }, p),
      ]);
      const ids = tasks.map((t) => t.id);
      return { plan, tasks, digests: await reportDigests(db, viewer.tenantId, ids) };
    });
    const book = ledgerWorkbook(
      tasks.map((t) => {
        const d = digests.get(t.id);
        return {
          sectionKey: t.section_key,
          sectionName: t.section_name,
          keyPointLabel: t.key_point_label,
          keyPoint: t.key_point_title,
          unitName: t.unit_name,
          role: t.role,
          dueDate: t.due_date,
          originalDueDate: t.original_due_date,
          status: t.status,
          progress: t.progress,
          light: t.light,
          latestProgress: d?.latestText ?? null,
          lastReportDay: t.last_report_day,
          evidence: d?.evidence ?? [],
          returnReasons: d?.returnReasons ?? [],
          urgeCount: t.urge_count,
        };
      }),
      `${plan.title}台账（截至${textDate(today)}）`,
    );
    return {
      filename: fileName(`${plan.title}台账（${today}）`, 'xlsx'),
      contentType: XLSX_MIME,
      bytes: Buffer.from(await book.xlsx.writeBuffer()),
    };
  }
}
