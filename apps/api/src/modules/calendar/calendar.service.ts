import { Injectable } from '@nestjs/common';
import { addDays, createWorkCalendar, isoDate, type WorkCalendar } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { parseLocalDate } from '../../common/scalars.js';
import { one, rows } from '../../common/sql.js';
import { requireOffice, type Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/audit.service.js';
import type { CalendarDayModel, CalendarYearCoverageModel, CalendarYearModel } from './dto/calendar-day.model.js';
import type { SetCalendarDayInput } from './dto/set-calendar-day.input.js';

// Other processes learn of a correction within this time; this process drops its copy at once.
const CACHE_TTL_MS = 60_000;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MAX_NOTE = 50;

interface CorrectionRow {
  id: string;
  date: string;
  workday: boolean;
  note: string;
  version: number;
}

/** The tenant's working-day calendar: the holiday notice data plus the office's corrections. */
@Injectable()
export class CalendarService {
  private readonly cache = new Map<string, { calendar: WorkCalendar; expires: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The calendar every rule of this tenant should count working days with. */
  async forTenant(tenantId: string): Promise<WorkCalendar> {
    const cached = this.cache.get(tenantId);
    if (cached && cached.expires > Date.now()) return cached.calendar;
    const [corrections, years] = await Promise.all([this.corrections(this.dataSource, tenantId), this.confirmedYears(this.dataSource, tenantId)]);
    const calendar = createWorkCalendar({
      corrections: corrections.map((c) => ({ date: c.date, workday: c.workday, note: c.note || undefined })),
      manuallyCoveredYears: years,
    });
    this.cache.set(tenantId, { calendar, expires: Date.now() + CACHE_TTL_MS });
    return calendar;
  }

  async calendarYear(viewer: Viewer, year: number): Promise<CalendarYearModel> {
    checkYear(year, 'year');
    const calendar = await this.forTenant(viewer.tenantId);
    const [corrections, confirmed] = await Promise.all([
      this.corrections(this.dataSource, viewer.tenantId, year),
      this.confirmedYears(this.dataSource, viewer.tenantId),
    ]);
    const versions = new Map(corrections.map((c) => [c.date, c.version]));
    const days: CalendarDayModel[] = [];
    for (let date = isoDate(year, 1, 1); date.startsWith(`${year}-`); date = addDays(date, 1)) {
      const day = calendar.describeDay(date);
      days.push({ date, isWorkingDay: day.workday, source: day.source, note: day.note ?? null, correctionVersion: versions.get(date) ?? null });
    }
    return {
      year,
      covered: calendar.isYearCovered(year),
      confirmedByOffice: confirmed.includes(year),
      workingDayCount: days.filter((d) => d.isWorkingDay).length,
      days,
    };
  }

  /** Years (given, or else the tenant's plan years) and whether the calendar knows their holidays. */
  async coverage(viewer: Viewer, years: number[] | null | undefined): Promise<CalendarYearCoverageModel[]> {
    let wanted = years ?? null;
    if (wanted) {
      if (wanted.length > 50) throw badInput('一次最多查询 50 个年份', 'years');
      wanted.forEach((y) => checkYear(y, 'years'));
    } else {
      const planYears = await rows<{ year: number }>(this.dataSource, `SELECT DISTINCT year FROM plan WHERE tenant_id = $1 ORDER BY year`, [viewer.tenantId]);
      wanted = planYears.map((r) => r.year);
    }
    const calendar = await this.forTenant(viewer.tenantId);
    return [...new Set(wanted)].sort((a, b) => a - b).map((year) => ({ year, covered: calendar.isYearCovered(year) }));
  }

  /** Adds or changes the correction of one day (调休 Saturday → workday, an extra day off → not). */
  async setDay(viewer: Viewer, input: SetCalendarDayInput): Promise<CalendarDayModel> {
    requireOffice(viewer);
    const date = dateArg(input.date);
    const note = (input.note ?? '').trim();
    if (note.length > MAX_NOTE) throw badInput(`备注不能超过 ${MAX_NOTE} 个字`, 'note');
    await this.dataSource.transaction(async (m) => {
      const before = await one<CorrectionRow>(m, `SELECT * FROM calendar_correction WHERE tenant_id = $1 AND date = $2 FOR UPDATE`, [viewer.tenantId, date]);
      checkVersion(before, input.version);
      const after = (await one<CorrectionRow>(
        m,
        `INSERT INTO calendar_correction (tenant_id, date, workday, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, date) DO UPDATE SET workday = EXCLUDED.workday, note = EXCLUDED.note, version = calendar_correction.version + 1
         RETURNING *`,
        [viewer.tenantId, date, input.workday, note, viewer.userId, this.clock.now()],
      ))!;
      await this.audit.record(m, viewer, {
        entityType: 'calendar_correction',
        entityId: after.id,
        action: before ? 'calendar.update' : 'calendar.create',
        before: before ? view(before) : null,
        after: view(after),
      });
    });
    return this.dayAfterChange(viewer.tenantId, date);
  }

  async removeCorrection(viewer: Viewer, dateInput: string, version: number): Promise<CalendarDayModel> {
    requireOffice(viewer);
    const date = dateArg(dateInput);
    await this.dataSource.transaction(async (m) => {
      const before = await one<CorrectionRow>(m, `SELECT * FROM calendar_correction WHERE tenant_id = $1 AND date = $2 FOR UPDATE`, [viewer.tenantId, date]);
      if (!before) throw notFound('日历修正');
      checkVersion(before, version);
      await rows(m, `DELETE FROM calendar_correction WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, before.id]);
      await this.audit.record(m, viewer, { entityType: 'calendar_correction', entityId: before.id, action: 'calendar.remove', before: view(before), after: null });
    });
    return this.dayAfterChange(viewer.tenantId, date);
  }

  /** The office states that it has checked this year's days against the State Council's notice. */
  async confirmYear(viewer: Viewer, year: number): Promise<CalendarYearModel> {
    requireOffice(viewer);
    checkYear(year, 'year');
    await this.dataSource.transaction(async (m) => {
      const created = await one<{ id: string }>(
        m,
        `INSERT INTO calendar_year (tenant_id, year, confirmed_by, confirmed_at) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, year) DO NOTHING RETURNING id`,
        [viewer.tenantId, year, viewer.userId, this.clock.now()],
      );
      // Confirming twice changes nothing, so it records nothing either.
      if (created) await this.audit.record(m, viewer, { entityType: 'calendar_year', entityId: created.id, action: 'calendar.confirm_year', after: { year } });
    });
    this.cache.delete(viewer.tenantId);
    return this.calendarYear(viewer, year);
  }

  private async dayAfterChange(tenantId: string, date: string): Promise<CalendarDayModel> {
    this.cache.delete(tenantId);
    const calendar = await this.forTenant(tenantId);
    const day = calendar.describeDay(date);
    const row = await one<{ version: number }>(this.dataSource, `SELECT version FROM calendar_correction WHERE tenant_id = $1 AND date = $2`, [tenantId, date]);
    return { date, isWorkingDay: day.workday, source: day.source, note: day.note ?? null, correctionVersion: row?.version ?? null };
  }

  private corrections(db: DataSource | EntityManager, tenantId: string, year?: number): Promise<CorrectionRow[]> {
    return year === undefined
      ? rows<CorrectionRow>(db, `SELECT id, date, workday, note, version FROM calendar_correction WHERE tenant_id = $1`, [tenantId])
      : rows<CorrectionRow>(
          db,
          `SELECT id, date, workday, note, version FROM calendar_correction WHERE tenant_id = $1 AND date >= $2 AND date < $3`,
          [tenantId, isoDate(year, 1, 1), isoDate(year + 1, 1, 1)],
        );
  }

  private async confirmedYears(db: DataSource | EntityManager, tenantId: string): Promise<number[]> {
    return (await rows<{ year: number }>(db, `SELECT year FROM calendar_year WHERE tenant_id = $1`, [tenantId])).map((r) => r.year);
  }
}

function checkYear(year: number, field: string): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw badInput(`年份应在 ${MIN_YEAR} 到 ${MAX_YEAR} 之间`, field);
}

function dateArg(value: string): string {
  let date: string;
  try {
    date = parseLocalDate(value);
  } catch {
    throw badInput('日期格式应为 YYYY-MM-DD，且须是真实存在的日期', 'date');
  }
  checkYear(Number(date.slice(0, 4)), 'date');
  return date;
}

/** A change needs the version the office saw; adding needs that nobody added the day meanwhile. */
function checkVersion(existing: CorrectionRow | undefined, version: number | null | undefined): void {
  if (existing && existing.version !== version) throw conflict('该日期的日历修正已被他人修改，请刷新后重试');
  if (!existing && version != null) throw conflict('该日期的日历修正已被他人删除，请刷新后重试');
}

const view = (row: CorrectionRow) => ({ date: row.date, workday: row.workday, note: row.note, version: row.version });
