import { Injectable } from '@nestjs/common';
import type { ParsedPlan } from '@duban/plan-parser';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { IsolatedRunner } from '../../isolation/isolated-runner.js';
import { AuditService } from '../audit/index.js';
import { toUnitModel, type UnitModel, type UnitRow } from '../unit/index.js';
import type { CreatePlanInput } from './dto/import-plan.input.js';
import type { PlanImportChoiceModel } from './dto/plan-import-choice.model.js';
import { toPlanModel, type PlanModel, type PlanRow } from './dto/plan.model.js';
import { draftRows, type DraftRows } from './draft-rows.js';
import { documentIdentity, type DocumentIdentity } from './import/document-identity.js';
import { importWarnings } from './import/import-warnings.js';
import { UnitNameService } from './names/unit-name.service.js';
import { PLAN_DOCUMENT_TASK } from './plan-document.task.js';
import { planSnapshot } from './plan-locks.js';
import { LIMITS, planYear } from './plan-validation.js';
import { toUnitDirectory } from './unit-directory.js';
import { optionalText, requiredText } from '../../common/validation.js';
import { createOnce } from '../../common/idempotency.js';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_PASTED_CHARS = 1_000_000;

/** What a plan is imported from: an uploaded document, or pasted text; `planIndex` picks one plan of a notice. */
export interface PlanSource {
  filename?: string | null;
  bytes?: Uint8Array | null;
  text?: string | null;
  year?: number | null;
  planIndex?: number | null;
  /** Import even though a plan with the same 文号 or text exists. */
  allowDuplicate?: boolean | null;
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
  if (!Number.isInteger(index) || index < 0 || index >= plans.length)
    throw badInput('所选计划不在这份文件中，请重新选择', 'planIndex');
  return plans[index];
}

/**
 * Document or pasted text → a DRAFT plan with sections, key points, time limits and proposed units;
 * or an empty draft to fill in by hand. A document found nothing in still becomes a draft (the office
 * marks key points in its text); one imported before is refused unless the office insists.
 */
@Injectable()
export class PlanImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly isolated: IsolatedRunner,
    private readonly names: UnitNameService,
  ) {}

  async importPlan(viewer: Viewer, input: PlanSource, idempotencyKey?: string | null): Promise<PlanModel> {
    const filename = (input.filename ?? '').trim().slice(0, 255) || null;
    const units = await this.activeUnits(viewer.tenantId);
    const { text, notes, parsed: whole } = await this.read(viewer, input, filename, units);
    const parsed = pickPlan(whole, input.planIndex);
    parsed.warnings.unshift(...notes);
    if (parsed.year == null) throw badInput('文件中没有写明年度，请填写计划年度后继续', 'year');
    const year = planYear(parsed.year);
    // One notice issuing several plans holds each under the same 文号 and text: each plan is its own document.
    const identity = documentIdentity(
      parsed.docNumber,
      text,
      (whole.plans?.length ?? 1) > 1 ? (input.planIndex ?? 0) : null,
    );

    const create = async (m: EntityManager) => {
      if (!input.allowDuplicate) await this.refuseDuplicate(m, viewer.tenantId, identity);
      const draft = draftRows(
        parsed,
        year,
        toUnitDirectory(units),
        await this.names.decidedNames(m, viewer.tenantId, units),
      );
      const plan = await this.insertPlan(m, viewer, {
        year,
        title:
          (parsed.title ?? '').slice(0, LIMITS.title) || filename?.replace(/\.[a-z0-9]+$/iu, '') || `${year}年工作要点`,
        docNumber: parsed.docNumber,
        issuer: parsed.issuer,
        warnings: importWarnings(draft.warnings),
        text,
        filename,
        identity,
      });
      await this.insertContent(m, viewer.tenantId, plan.id, draft);
      await this.audit.record(m, viewer, {
        entityType: 'plan',
        entityId: plan.id,
        action: 'plan.import',
        after: { ...planSnapshot(plan), keyPoints: draft.keyPoints.length, unitNames: draft.units.length },
        note: filename,
      });
      return toPlanModel(plan);
    };
    return this.dataSource.transaction((m) =>
      createOnce(m, viewer, {
        operation: 'plan.import',
        key: idempotencyKey,
        create: () => create(m),
        idOf: (plan) => plan.id,
        replay: async (id) =>
          toPlanModel(
            (await one<PlanRow>(m, `SELECT * FROM plan WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, id]))!,
          ),
      }),
    );
  }

  /** An empty draft, for a plan whose document cannot be read or is not at hand. */
  async createPlan(viewer: Viewer, input: CreatePlanInput): Promise<PlanModel> {
    const fields = {
      year: planYear(input.year),
      title: requiredText(input.title, 'title', '标题', LIMITS.title),
      docNumber: optionalText(input.docNumber, 'docNumber', '文号', LIMITS.docNumber),
      issuer: optionalText(input.issuer, 'issuer', '发文机关', LIMITS.issuer),
    };
    return this.dataSource.transaction(async (m) => {
      const identity = documentIdentity(fields.docNumber, null);
      if (!input.allowDuplicate) await this.refuseDuplicate(m, viewer.tenantId, identity);
      const plan = await this.insertPlan(m, viewer, { ...fields, warnings: [], text: null, filename: null, identity });
      await this.audit.record(m, viewer, {
        entityType: 'plan',
        entityId: plan.id,
        action: 'plan.create',
        after: planSnapshot(plan),
      });
      return toPlanModel(plan);
    });
  }

  /**
   * A document imported before (same 文号, or the same text) is not silently imported again: the
   * office is told which plan has it and may still insist. Imports of a tenant queue on a transaction
   * lock so two submits of one document cannot both pass the check.
   */
  private async refuseDuplicate(m: EntityManager, tenantId: string, { docKey, sourceHash: hash }: DocumentIdentity) {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`plan-import:${tenantId}`]);
    const found = await one<Pick<PlanRow, 'id' | 'title' | 'status' | 'doc_number'> & { same_number: boolean | null }>(
      m,
      `SELECT id, title, status, doc_number, doc_key = $2 AS same_number FROM plan
       WHERE tenant_id = $1 AND ((doc_key = $2 AND $2 IS NOT NULL) OR (source_hash = $3 AND $3 IS NOT NULL))
       ORDER BY (doc_key = $2) DESC NULLS LAST, created_at DESC LIMIT 1`,
      [tenantId, docKey, hash],
    );
    if (!found) return;
    const state = found.status === 'DRAFT' ? '草稿' : found.status === 'PUBLISHED' ? '已发布' : '已归档';
    const what = found.same_number ? `文号“${found.doc_number}”` : '内容相同的文件';
    throw new AppError('CONFLICT', `${what}已导入过：《${found.title}》（${state}）`, {
      extensions: { duplicatePlanId: found.id, duplicatePlanTitle: found.title },
    });
  }

  /** The plans a document holds (one, or each plan a notice issues), for the office to pick from. */
  async choices(viewer: Viewer, input: PlanSource): Promise<PlanImportChoiceModel[]> {
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
    return (
      await rows<UnitRow>(this.dataSource.manager, `SELECT * FROM unit WHERE tenant_id = $1 AND active`, [tenantId])
    ).map(toUnitModel);
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

  private async insertPlan(
    m: EntityManager,
    viewer: Viewer,
    p: {
      year: number;
      title: string;
      docNumber: string | null;
      issuer: string | null;
      warnings: string[];
      text: string | null;
      filename: string | null;
      identity: DocumentIdentity;
    },
  ) {
    const row = await one<PlanRow>(
      m,
      `INSERT INTO plan (tenant_id, year, title, doc_number, issuer, source_text, source_filename, parse_warnings, created_by, doc_key, source_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [
        viewer.tenantId,
        p.year,
        p.title,
        p.docNumber,
        p.issuer,
        p.text,
        p.filename,
        p.warnings,
        viewer.userId,
        p.identity.docKey,
        p.identity.sourceHash,
      ],
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
        ...(['id', 'sectionId', 'parentId', 'seq', 'label', 'title', 'text', 'dueDate', 'unitsOpenEnded'] as const).map(
          (k) => col(keyPoints, k),
        ),
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
      [
        tenantId,
        col(units, 'keyPointId'),
        col(units, 'role'),
        col(units, 'rawName'),
        col(units, 'unitId'),
        col(units, 'sort'),
        col(units, 'impliedFrom'),
      ],
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
