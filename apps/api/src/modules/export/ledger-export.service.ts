import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { forbidden } from '../../common/app-error.js';
import { isUnitUser, readsWholeTenant, type Viewer } from '../../common/viewer.js';
import type { TaskFilterInput } from '../task/dto/task-filter.input.js';
import { taskFilterConditions, uuidArg } from '../task/task-query.js';
import { exportTasks, planInTenant } from './export-tasks.query.js';
import { ledgerWorkbook } from './ledger-workbook.js';

export interface ExportFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 台账 download: office and leadership get the whole plan, a unit user their own unit's tasks. */
@Injectable()
export class LedgerExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async ledger(viewer: Viewer, planId: string, filter: Omit<TaskFilterInput, 'planId'>): Promise<ExportFile> {
    const ownUnit = readsWholeTenant(viewer) ? null : isUnitUser(viewer) && viewer.unitId ? viewer.unitId : null;
    if (!readsWholeTenant(viewer) && !ownUnit) throw forbidden();
    const plan = await planInTenant(this.dataSource, viewer.tenantId, uuidArg(planId, 'planId'));
    const tasks = await exportTasks(this.dataSource, viewer.tenantId, [plan.id], this.clock.now(), (p) => [
      ...(ownUnit ? [`t.unit_id = ${p.add(ownUnit)}`] : []),
      ...taskFilterConditions({ ...filter, kind: null }, p),
    ]);
    const book = ledgerWorkbook(
      tasks.map((t) => ({
        sectionKey: t.section_key,
        sectionName: t.section_name,
        keyPoint: t.key_point_title,
        unitName: t.unit_name,
        role: t.role,
        dueDate: t.due_date,
        originalDueDate: t.original_due_date,
        status: t.status,
        progress: t.progress,
        light: t.light,
        lastReportDay: t.last_report_day,
        urgeCount: t.urge_count,
      })),
    );
    return { filename: `${plan.year}年政务公开工作要点台账.xlsx`, contentType: XLSX, bytes: Buffer.from(await book.xlsx.writeBuffer()) };
  }
}
