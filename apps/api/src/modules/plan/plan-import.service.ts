import { Injectable } from '@nestjs/common';
import type { ParsedPlan } from '@duban/plan-parser';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';
import { requireOffice, type Viewer } from '../../common/viewer.js';
import { IsolatedRunner } from '../../isolation/isolated-runner.js';
import { AuditService } from '../audit/audit.service.js';
import { toUnitModel, type UnitModel } from '../unit/dto/unit.model.js';
import type { PlanImportChoiceModel } from './dto/plan-import-choice.model.js';
import { toPlanModel, type PlanModel } from './dto/plan.model.js';
import { draftRows, type DraftRows } from './draft-rows.js';
import { PLAN_DOCUMENT_TASK } from './plan-document.task.js';
import { planSnapshot } from './plan-locks.js';
import { LIMITS, planYear } from './plan-validation.js';
import { toUnitDirectory } from './unit-directory.js';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_PASTED_CHARS = 1_000_000;

/** What a plan is imported from: an uploaded document, or pasted text; `planIndex` picks one plan of a notice. */
export interface PlanSource {
  filename?: string | null;
  bytes?: Uint8Array | null;
  text?: string | null;
  year?: number | null;
  planIndex?: number | null;
}

/**
 * The plan to import: the only one, or the one the office picked from a notice that issues several
 * (importing one of those without choosing is refused with the choice to make).
 */
function pickPlan(parsed: ParsedPlan, index: number | null | undefined): ParsedPlan {
  const plans = parsed.plans ?? [parsed];
  if (index == null) {
    if (plans.length === 1) return parsed;
    const names = plans.map((p, i) => `${i + 1}.《${p.title ?? '未命名'}》`).join(' ');
    throw badInput(`这份通知印发了 ${plans.length} 个计划：${names}，请选择要导入的一个`, 'planIndex');
  }
  if (!Number.isInteger(index) || index < 0 || index >= plans.length) throw badInput('所选计划不在这份文件中，请重新选择', 'planIndex');
  return plans[index];
}

/** Document or pasted text → a DRAFT plan with sections, key points, time limits and proposed units. */
@Injectable()
export class PlanImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly isolated: IsolatedRunner,
  ) {}

  async importPlan(viewer: Viewer, input: PlanSource): Promise<PlanModel> {
    requireOffice(viewer);
    const filename = (input.filename ?? '').trim().slice(0, 255) || null;
    const units = await this.activeUnits(viewer.tenantId);
    const { text, notes, parsed: document } = await this.read(viewer, input, filename, units);
    const parsed = pickPlan(document, input.planIndex);
    parsed.warnings.unshift(...notes);
    if (!parsed.items.length) {
      const why = parsed.warnings.join('；') || '请检查文件内容是否为工作要点或工作方案';
      throw badInput(`未识别到工作要点：${why}`, input.bytes ? 'file' : 'text');
    }
    if (parsed.year == null) throw badInput('未识别到计划年度，请填写年度后重新导入', 'year');
    const year = planYear(parsed.year);

    return this.dataSource.transaction(async (m) => {
      const draft = draftRows(parsed, year, toUnitDirectory(units));
      const plan = await this.insertPlan(m, viewer, parsed, draft.warnings, year, text, filename);
      await this.insertContent(m, viewer.tenantId, plan.id, draft);
      await this.audit.record(m, viewer, {
        entityType: 'plan',
        entityId: plan.id,
        action: 'plan.import',
        after: { ...planSnapshot(plan), keyPoints: draft.keyPoints.length, unitNames: draft.units.length },
        note: filename,
      });
      return toPlanModel(plan);
    });
  }

  /** The plans a document holds (one, or each plan a notice issues), for the office to pick from. */
  async choices(viewer: Viewer, input: PlanSource): Promise<PlanImportChoiceModel[]> {
    requireOffice(viewer);
    const filename = (input.filename ?? '').trim().slice(0, 255) || null;
    const { parsed } = await this.read(viewer, input, filename, await this.activeUnits(viewer.tenantId));
    return (parsed.plans ?? [parsed]).map((p, index) => ({
      index,
      title: p.title,
      year: p.year,
      keyPoints: p.items.length,
      impliedUnits: p.items.reduce((n, i) => n + (i.impliedUnits?.length ?? 0), 0),
    }));
  }

  private async activeUnits(tenantId: string) {
    return (await rows(this.dataSource.manager, `SELECT * FROM unit WHERE tenant_id = $1 AND active`, [tenantId])).map(toUnitModel);
  }

  /**
   * Reads and parses in a worker thread with a time and memory limit (a hostile document costs that
   * worker, not the API). A PDF may be a scan: its worker has the OCR time on top, and the recognition
   * is told to end before the worker would be stopped (its tesseract runs outside the worker). The
   * directory's names and aliases split unit names a table wrote together (省发改委省商务厅).
   */
  private read(viewer: Viewer, input: PlanSource, filename: string | null, units: UnitModel[]) {
    checkSource(input);
    if (input.year != null) planYear(input.year);
    const { timeoutMs, ocrTimeoutMs } = this.isolated.limits;
    const pdf = input.bytes != null && Buffer.from(input.bytes.subarray(0, 4)).toString('latin1') === '%PDF';
    return this.isolated.run(
      PLAN_DOCUMENT_TASK,
      {
        bytes: input.bytes ?? null,
        filename,
        text: input.bytes ? null : (input.text ?? null),
        year: input.year ?? null,
        unitNames: units.flatMap((u) => [u.name, ...(u.aliases ?? [])]),
        ocrMs: ocrTimeoutMs,
      },
      viewer.tenantId,
      pdf ? { timeoutMs: timeoutMs + ocrTimeoutMs } : {},
    );
  }

  private async insertPlan(m: EntityManager, viewer: Viewer, parsed: ParsedPlan, warnings: string[], year: number, text: string, filename: string | null) {
    const title = (parsed.title ?? '').slice(0, LIMITS.title) || filename?.replace(/\.[a-z0-9]+$/iu, '') || `${year}年工作要点`;
    const row = await one(
      m,
      `INSERT INTO plan (tenant_id, year, title, doc_number, issuer, source_text, source_filename, parse_warnings, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [viewer.tenantId, year, title, parsed.docNumber, parsed.issuer, text, filename, warnings, viewer.userId],
    );
    return row!;
  }

  /** One multi-row insert per table, whatever the document's size. */
  private async insertContent(m: EntityManager, tenantId: string, planId: string, draft: DraftRows) {
    const { sections, keyPoints, deadlines, units, milestones } = draft;
    const col = <T, K extends keyof T>(list: T[], key: K) => list.map((x) => x[key]);
    await m.query(
      `INSERT INTO plan_section (tenant_id, plan_id, id, label, title, sort)
       SELECT $1, $2, * FROM unnest($3::uuid[], $4::text[], $5::text[], $6::int[])`,
      [tenantId, planId, col(sections, 'id'), col(sections, 'label'), col(sections, 'title'), col(sections, 'sort')],
    );
    await m.query(
      `INSERT INTO key_point (tenant_id, plan_id, id, section_id, parent_id, seq, label, title, text, due_date, units_open_ended)
       SELECT $1, $2, * FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::int[], $7::text[], $8::text[], $9::text[], $10::date[], $11::bool[])`,
      [
        tenantId,
        planId,
        ...(['id', 'sectionId', 'parentId', 'seq', 'label', 'title', 'text', 'dueDate', 'unitsOpenEnded'] as const).map((k) => col(keyPoints, k)),
      ],
    );
    await m.query(
      `INSERT INTO key_point_deadline (tenant_id, key_point_id, text, date, sort)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::date[], $5::int[])`,
      [tenantId, col(deadlines, 'keyPointId'), col(deadlines, 'text'), col(deadlines, 'date'), col(deadlines, 'sort')],
    );
    await m.query(
      `INSERT INTO key_point_unit (tenant_id, key_point_id, role, raw_name, unit_id, sort, implied_from)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::int[], $7::text[])`,
      [tenantId, col(units, 'keyPointId'), col(units, 'role'), col(units, 'rawName'), col(units, 'unitId'), col(units, 'sort'), col(units, 'impliedFrom')],
    );
    await m.query(
      `INSERT INTO plan_milestone (tenant_id, plan_id, text, date, sort)
       SELECT $1, $2, * FROM unnest($3::text[], $4::date[], $5::int[])`,
      [tenantId, planId, col(milestones, 'text'), col(milestones, 'date'), col(milestones, 'sort')],
    );
  }
}

function checkSource(input: PlanSource) {
  if (input.bytes) {
    if (input.bytes.length > MAX_DOCUMENT_BYTES) throw badInput('文件不能超过 10 MB', 'file');
    if (input.bytes.length === 0) throw badInput('文件内容为空', 'file');
    return;
  }
  if (input.text == null || !input.text.trim()) throw badInput('请上传文件或粘贴工作要点文本', 'text');
  if (input.text.length > MAX_PASTED_CHARS) throw badInput(`粘贴的文本不能超过 ${MAX_PASTED_CHARS} 个字`, 'text');
}
