import { Injectable } from '@nestjs/common';
import { keyPointSchedule } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, notFound } from '../../../common/app-error.js';
import { one, rows } from '../../../common/sql.js';
import { lockForUpdate } from '../../../common/version.js';
import type { Viewer } from '../../../common/viewer.js';
import { AuditService } from '../../audit/index.js';
import { toUnitModel, type UnitRow } from '../../unit/index.js';
import type { KeyPointRow, SectionRow } from '../dto/key-point.model.js';
import { toPlanModel, type PlanModel, type PlanRow } from '../dto/plan.model.js';
import { UnitNameService } from '../names/unit-name.service.js';
import { planSnapshot, requireDraft } from '../plan-locks.js';
import { LIMITS } from '../plan-validation.js';
import { proposedUnits } from '../proposed-units.js';
import { toUnitDirectory } from '../unit-directory.js';
import type { MarkSourceInput } from './dto/mark-source.input.js';
import { insertionIndex, readMarkedKeyPoint, readMarkedSection } from './source-marking.js';
import { SourcePositions } from './source-position.js';

/**
 * When the parser missed something, the office marks it in the source text: a line or sentence becomes
 * a key point (read like a parsed item: units, time limits) or a section, placed where it stands in
 * the document. Structural edits of the draft: they lock the plan row and carry its version.
 */
@Injectable()
export class SourceMarkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly names: UnitNameService,
  ) {}

  async markSource(viewer: Viewer, planId: string, version: number, input: MarkSourceInput): Promise<PlanModel> {
    return this.dataSource.transaction(async (m) => {
      const plan = await lockForUpdate<PlanRow>(m, 'plan', viewer.tenantId, planId, version, '计划');
      requireDraft(plan);
      if (!plan.source_text) throw badInput('这份计划没有导入原文，请用“添加要点”手动添加', 'planId');
      const text = input.text ?? '';
      if (!text.trim()) throw badInput('请先在原文中选中一行或一句', 'text');
      if (text.length > LIMITS.text) throw badInput(`选中的文字不能超过 ${LIMITS.text} 个字`, 'text');
      const positions = new SourcePositions(plan.source_text);
      const found = positions.locateSelection(input.start, text);
      if (!found) throw badInput('选中的文字不在原文中，请重新选择', 'text');
      const at = found.start;
      const passage = plan.source_text.slice(found.start, found.end);
      const made =
        input.as === 'SECTION'
          ? await this.addSection(m, viewer, plan, positions, at, passage)
          : await this.addKeyPoint(m, viewer, plan, positions, at, passage);
      const after = await one<PlanRow>(
        m,
        `UPDATE plan SET version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [viewer.tenantId, planId],
      );
      await this.audit.record(m, viewer, {
        entityType: 'plan',
        entityId: planId,
        action: input.as === 'SECTION' ? 'plan.section.mark' : 'key_point.mark',
        after: { ...made, at },
      });
      return toPlanModel(after!);
    });
  }

  /** Removes a section (a heading marked by mistake): its key points join the section before it. */
  async deleteSection(viewer: Viewer, sectionId: string, version: number): Promise<PlanModel> {
    return this.dataSource.transaction(async (m) => {
      const section = await one<SectionRow>(m, `SELECT * FROM plan_section WHERE tenant_id = $1 AND id = $2`, [
        viewer.tenantId,
        sectionId,
      ]);
      if (!section) throw notFound('部分');
      const plan = await lockForUpdate<PlanRow>(m, 'plan', viewer.tenantId, section.plan_id, version, '计划');
      requireDraft(plan);
      const previous = await one<{ id: string }>(
        m,
        `SELECT id FROM plan_section WHERE tenant_id = $1 AND plan_id = $2 AND sort < $3 ORDER BY sort DESC LIMIT 1`,
        [viewer.tenantId, plan.id, section.sort],
      );
      await m.query(
        `UPDATE key_point SET section_id = $3, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND section_id = $2`,
        [viewer.tenantId, sectionId, previous?.id ?? null],
      );
      await m.query(`DELETE FROM plan_section WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, sectionId]);
      const after = await one<PlanRow>(
        m,
        `UPDATE plan SET version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [viewer.tenantId, plan.id],
      );
      await this.audit.record(m, viewer, {
        entityType: 'plan',
        entityId: plan.id,
        action: 'plan.section.delete',
        before: { plan: planSnapshot(plan), section },
      });
      return toPlanModel(after!);
    });
  }

  private async addKeyPoint(
    m: EntityManager,
    viewer: Viewer,
    plan: PlanRow,
    positions: SourcePositions,
    at: number,
    text: string,
  ) {
    const t = viewer.tenantId;
    const marked = readMarkedKeyPoint(text, plan.year);
    const sections = await this.placedSections(m, t, plan.id, positions);
    const keyPoints = (
      await rows<Pick<KeyPointRow, 'id' | 'seq' | 'title' | 'text'>>(
        m,
        `SELECT id, seq, title, text FROM key_point WHERE tenant_id = $1 AND plan_id = $2 ORDER BY seq, created_at`,
        [t, plan.id],
      )
    ).map((k) => ({ id: k.id, seq: k.seq, at: positions.find([k.text, k.title]) }));
    const index = insertionIndex(keyPoints, at);
    const seq = index < keyPoints.length ? keyPoints[index].seq : (keyPoints.at(-1)?.seq ?? 0) + 1;
    await m.query(`UPDATE key_point SET seq = seq + 1 WHERE tenant_id = $1 AND plan_id = $2 AND seq >= $3`, [
      t,
      plan.id,
      seq,
    ]);
    const section = [...sections].reverse().find((s) => s.at !== null && s.at <= at) ?? null;
    const schedule = keyPointSchedule({ planYear: plan.year, deadlines: marked.deadlines });
    const row = await one<KeyPointRow>(
      m,
      `INSERT INTO key_point (tenant_id, plan_id, section_id, seq, label, title, text, due_date, units_open_ended)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        t,
        plan.id,
        section?.id ?? null,
        seq,
        marked.label,
        marked.title,
        marked.text,
        schedule.dueDateSource === 'DEADLINE' ? schedule.dueDate : null,
        marked.unitsOpenEnded,
      ],
    );
    await m.query(
      `INSERT INTO key_point_deadline (tenant_id, key_point_id, text, date, sort)
       SELECT $1, $2, * FROM unnest($3::text[], $4::date[], $5::int[])`,
      [
        t,
        row!.id,
        marked.deadlines.map((d) => d.text),
        marked.deadlines.map((d) => d.date),
        marked.deadlines.map((_, i) => i + 1),
      ],
    );
    const units = (await rows<UnitRow>(m, `SELECT * FROM unit WHERE tenant_id = $1 AND active`, [t])).map(toUnitModel);
    const proposed = proposedUnits(marked, toUnitDirectory(units), await this.names.decidedNames(m, t, units));
    await m.query(
      `INSERT INTO key_point_unit (tenant_id, key_point_id, role, raw_name, unit_id, sort)
       SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::uuid[], $6::int[])`,
      [
        t,
        row!.id,
        proposed.units.map((u) => u.role),
        proposed.units.map((u) => u.rawName.slice(0, LIMITS.rawName)),
        proposed.units.map((u) => u.unitId),
        proposed.units.map((_, i) => i + 1),
      ],
    );
    return { keyPoint: row, deadlines: marked.deadlines, units: proposed.units };
  }

  private async addSection(
    m: EntityManager,
    viewer: Viewer,
    plan: PlanRow,
    positions: SourcePositions,
    at: number,
    text: string,
  ) {
    const t = viewer.tenantId;
    const heading = readMarkedSection(text);
    if (!heading.title) throw badInput('选中的文字不能作为部分标题', 'text');
    const sections = await this.placedSections(m, t, plan.id, positions);
    const index = insertionIndex(sections, at);
    const sort = index < sections.length ? sections[index].sort : (sections.at(-1)?.sort ?? 0) + 1;
    await m.query(`UPDATE plan_section SET sort = sort + 1 WHERE tenant_id = $1 AND plan_id = $2 AND sort >= $3`, [
      t,
      plan.id,
      sort,
    ]);
    const section = await one<SectionRow>(
      m,
      `INSERT INTO plan_section (tenant_id, plan_id, label, title, sort) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      // A heading the document did not number keeps no number (a made-up one would clash with the next).
      [t, plan.id, heading.label ?? '', heading.title, sort],
    );
    // The key points written between this heading and the next one found in the text now belong to it.
    const next = sections.slice(index).find((s) => s.at !== null && s.at > at)?.at ?? Infinity;
    const keyPoints = await rows<Pick<KeyPointRow, 'id' | 'title' | 'text'>>(
      m,
      `SELECT id, title, text FROM key_point WHERE tenant_id = $1 AND plan_id = $2 AND parent_id IS NULL`,
      [t, plan.id],
    );
    const moved = keyPoints.filter((k) => {
      const found = positions.find([k.text, k.title]);
      return found !== null && found > at && found < next;
    });
    await m.query(
      `UPDATE key_point SET section_id = $3, version = version + 1, updated_at = now()
       WHERE tenant_id = $1 AND (id = ANY($2::uuid[]) OR parent_id = ANY($2::uuid[]))`,
      [t, moved.map((k) => k.id), section!.id],
    );
    return { section, keyPointsMoved: moved.length };
  }

  private async placedSections(m: EntityManager, tenantId: string, planId: string, positions: SourcePositions) {
    const found = await rows<Pick<SectionRow, 'id' | 'label' | 'title' | 'sort'>>(
      m,
      `SELECT id, label, title, sort FROM plan_section WHERE tenant_id = $1 AND plan_id = $2 ORDER BY sort`,
      [tenantId, planId],
    );
    return found.map((s) => ({ id: s.id, sort: s.sort, at: positions.find([s.title]) }));
  }
}
