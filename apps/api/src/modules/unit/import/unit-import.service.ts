import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput } from '../../../common/app-error.js';
import { rows } from '../../../common/sql.js';
import type { Viewer } from '../../../common/viewer.js';
import { AuditService } from '../../audit/index.js';
import { toUnitModel, type UnitRow } from '../dto/unit.model.js';
import type { UnitImportResultModel } from '../dto/import-units-result.model.js';
import { lockUnitDirectory } from '../unit.service.js';
import { IsolatedRunner } from '../../../isolation/isolated-runner.js';
import { planUnitImport, type ImportPlan, type UnitState } from './unit-import.planner.js';
import { MAX_IMPORT_BYTES, READ_UNIT_SHEET_TASK, UNIT_SHEET } from './unit-sheet.reader.js';

const AUDITED = ({ id: _id, ...rest }: UnitState) => rest;

@Injectable()
export class UnitImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly isolated: IsolatedRunner,
  ) {}

  /** The sheet is read in a worker thread (time and memory limits, zip entries checked before inflating). */
  async import(
    viewer: Viewer,
    input: { filename: string; bytes: Uint8Array; dryRun: boolean; deactivateMissing: boolean },
  ): Promise<UnitImportResultModel> {
    const filename = input.filename.trim();
    if (!filename || filename.length > 200) throw badInput('文件名无效', 'filename');
    if (input.bytes.length > MAX_IMPORT_BYTES)
      throw badInput(`文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, 'file');
    const sheet = await this.isolated.run(
      READ_UNIT_SHEET_TASK,
      { filename, bytes: input.bytes, spec: UNIT_SHEET },
      viewer.tenantId,
    );
    return this.dataSource.transaction(async (m) => {
      await lockUnitDirectory(m, viewer.tenantId);
      const existing = (await rows<UnitRow>(m, `SELECT * FROM unit WHERE tenant_id = $1`, [viewer.tenantId])).map(
        toUnitModel,
      );
      const plan = planUnitImport(sheet, existing);
      if (input.deactivateMissing) {
        for (const unit of plan.missing) plan.updates.push({ before: unit, after: { ...unit, active: false } });
      }
      const summary = summarise(plan, input.dryRun, input.deactivateMissing);
      if (input.dryRun) return summary;
      const failed = plan.results.filter((r) => r.action === 'ERROR');
      if (failed.length) {
        const first = failed
          .slice(0, 5)
          .map((r) => `第 ${r.row} 行：${r.message}`)
          .join('；');
        throw badInput(`导入未执行，共 ${failed.length} 行有错误。${first}${failed.length > 5 ? '……' : ''}`, 'file');
      }
      try {
        await this.write(m, viewer, plan);
      } catch (error) {
        // Two rows swapping names trip the unique index mid-statement; rare enough to ask for two imports.
        if ((error as { code?: string }).code === '23505') throw badInput('导入中有单位互换名称，请分两次导入', 'file');
        throw error;
      }
      return summary;
    });
  }

  /** Set-based writes (a few statements however many rows): new units first, then parents and changes. */
  private async write(m: EntityManager, viewer: Viewer, plan: ImportPlan) {
    if (plan.creates.length) {
      await m.query(
        `INSERT INTO unit (tenant_id, id, name, kind, aliases, active, sort)
         SELECT $1, r.id, r.name, r.kind, ARRAY(SELECT jsonb_array_elements_text(r.aliases)), r.active, r.sort
           FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, name text, kind text, aliases jsonb, active boolean, sort int)`,
        [viewer.tenantId, JSON.stringify(plan.creates)],
      );
    }
    // Parents of new units are set here too, once every unit they may point to exists.
    const changes = [
      ...plan.updates.map((u) => ({ ...u.after, bump: true })),
      ...plan.creates.filter((c) => c.parentId).map((c) => ({ ...c, bump: false })),
    ];
    if (changes.length) {
      await m.query(
        `UPDATE unit u SET name = r.name, kind = r.kind, parent_id = r."parentId", active = r.active, sort = r.sort,
                aliases = ARRAY(SELECT jsonb_array_elements_text(r.aliases)),
                version = u.version + CASE WHEN r.bump THEN 1 ELSE 0 END, updated_at = now()
           FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, name text, kind text, "parentId" uuid, aliases jsonb, active boolean, sort int, bump boolean)
          WHERE u.tenant_id = $1 AND u.id = r.id`,
        [viewer.tenantId, JSON.stringify(changes)],
      );
    }
    await this.audit.record(m, viewer, [
      ...plan.creates.map((c) => ({ entityType: 'unit', entityId: c.id, action: 'import.create', after: AUDITED(c) })),
      ...plan.updates.map((u) => ({
        entityType: 'unit',
        entityId: u.after.id,
        action: 'import.update',
        before: AUDITED(u.before),
        after: AUDITED(u.after),
      })),
    ]);
  }
}

function summarise(plan: ImportPlan, dryRun: boolean, deactivateMissing: boolean): UnitImportResultModel {
  const count = (action: string) => plan.results.filter((r) => r.action === action).length;
  return {
    dryRun,
    created: count('CREATED'),
    updated: count('UPDATED'),
    unchanged: count('UNCHANGED'),
    errors: count('ERROR'),
    rows: plan.results,
    missing: plan.missing.map((u) => ({ id: u.id, name: u.name })),
    deactivated: deactivateMissing ? plan.missing.length : 0,
  };
}
