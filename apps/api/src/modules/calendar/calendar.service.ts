import { Injectable } from '@nestjs/common';
import {
  addDays,
  createWorkCalendar,
  daysBetween,
  holidayNoticeDays,
  isDomainError,
  isoDate,
  readHolidayNoticeText,
  type WorkCalendar,
} from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { parseLocalDate } from '../../common/scalars.js';
import { one, rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { TenantEvents } from '../../common/tenant-events.js';
import type {
  CalendarDayModel,
  CalendarYearCoverageModel,
  CalendarYearModel,
  HolidayNoticeReadingModel,
} from './dto/calendar-day.model.js';
import type { HolidayNoticeInput, SetCalendarDayInput, SetCalendarRangeInput } from './dto/set-calendar-day.input.js';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MAX_NOTE = 50;
const MAX_RANGE_DAYS = 62;

/** Why a pasted notice could not be read, in the office's words (DomainError details.reason). */
const NOTICE_REFUSALS: Record<string, string> = {
  TOO_LONG: '粘贴的内容过长，请只粘贴通知正文',
  NO_YEAR: '通知中没有找到年份，请填写年份',
  NOTHING_FOUND: '没有读到放假安排：请粘贴通知中“一、元旦：……”起的各条',
  NO_MONTH: '有日期缺少月份，请核对粘贴的内容',
  BAD_DATE: '通知中有不存在的日期，请核对粘贴的内容',
  BAD_RANGE: '有放假日期范围的结束早于开始，请核对',
  TOO_LONG_HOLIDAY: '有一段放假超过 15 天，请核对粘贴的内容',
  CONTRADICTION: '同一天既放假又上班，请核对粘贴的内容',
};

export type CorrectionListener = (m: EntityManager, tenantId: string) => Promise<void>;

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
  private readonly cache = new Map<string, { calendar: WorkCalendar; revision: string }>();
  private readonly listeners: CorrectionListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: TenantEvents,
  ) {}

  /**
   * The calendar every rule of this tenant should count working days with. The cached copy serves while
   * the tenant's calendar_revision is the one it was read at: an edit in any process bumps it, so every
   * process sees the edit at once.
   *
   * Given a transaction's manager, every read goes through that transaction's connection. A transaction
   * holding row locks must never wait for a second pool connection: in a burst (fifty people approving
   * one request) every other slot is held by requests queued behind those very locks, and both sides
   * wait until the lock timeout. A transaction that corrected the calendar has bumped the revision it
   * reads, so it gets its own corrections, which are not cached (it may yet roll back).
   */
  async forTenant(tenantId: string, manager?: EntityManager): Promise<WorkCalendar> {
    // Read before the calendar: an edit committed in between makes the copy look stale, never fresh.
    return this.atRevision(tenantId, await this.revision(manager ?? this.dataSource, tenantId), manager);
  }

  /**
   * The calendar at a calendar_revision the caller read itself, in a statement of its own that reads other
   * things too (CalendarService.revisionSql): one round trip instead of two. As in forTenant, the revision
   * must have been read before this call.
   */
  async atRevision(tenantId: string, revision: string, manager?: EntityManager): Promise<WorkCalendar> {
    const cached = this.cache.get(tenantId);
    if (cached && cached.revision === revision) return cached.calendar;
    // One transaction's connection runs one query at a time; the pool can run both at once.
    const [corrections, years] = manager
      ? [await this.corrections(manager, tenantId), await this.confirmedYears(manager, tenantId)]
      : await Promise.all([
          this.corrections(this.dataSource, tenantId),
          this.confirmedYears(this.dataSource, tenantId),
        ]);
    const calendar = createWorkCalendar({
      corrections: corrections.map((c) => ({ date: c.date, workday: c.workday, note: c.note || undefined })),
      manuallyCoveredYears: years,
    });
    if (!manager) this.cache.set(tenantId, { calendar, revision });
    return calendar;
  }

  /** The tenant's calendar revision as text, as a scalar subquery for another statement; `tenant` is its tenant id's placeholder. */
  static revisionSql(tenant: string): string {
    return `coalesce((SELECT revision::text FROM calendar_revision WHERE tenant_id = ${tenant}), '0')`;
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
      days.push({
        date,
        isWorkingDay: day.workday,
        source: day.source,
        note: day.note ?? null,
        correctionVersion: versions.get(date) ?? null,
      });
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
      const planYears = await rows<{ year: number }>(
        this.dataSource,
        `SELECT DISTINCT year FROM plan WHERE tenant_id = $1 ORDER BY year`,
        [viewer.tenantId],
      );
      wanted = planYears.map((r) => r.year);
    }
    const calendar = await this.forTenant(viewer.tenantId);
    return [...new Set(wanted)].sort((a, b) => a - b).map((year) => ({ year, covered: calendar.isYearCovered(year) }));
  }

  /** Adds or changes the correction of one day (调休 Saturday → workday, an extra day off → not). */
  async setDay(viewer: Viewer, input: SetCalendarDayInput): Promise<CalendarDayModel> {
    const date = dateArg(input.date);
    const note = (input.note ?? '').trim();
    if (note.length > MAX_NOTE) throw badInput(`备注不能超过 ${MAX_NOTE} 个字`, 'note');
    await this.dataSource.transaction(async (m) => {
      const before = await one<CorrectionRow>(
        m,
        `SELECT * FROM calendar_correction WHERE tenant_id = $1 AND date = $2 FOR UPDATE`,
        [viewer.tenantId, date],
      );
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
      await this.correctionWritten(m, viewer.tenantId);
    });
    return this.dayAfterChange(viewer.tenantId, date);
  }

  async removeCorrection(viewer: Viewer, dateInput: string, version: number): Promise<CalendarDayModel> {
    const date = dateArg(dateInput);
    await this.dataSource.transaction(async (m) => {
      const before = await one<CorrectionRow>(
        m,
        `SELECT * FROM calendar_correction WHERE tenant_id = $1 AND date = $2 FOR UPDATE`,
        [viewer.tenantId, date],
      );
      if (!before) throw notFound('日历修正');
      checkVersion(before, version);
      await m.query(`DELETE FROM calendar_correction WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, before.id]);
      await this.audit.record(m, viewer, {
        entityType: 'calendar_correction',
        entityId: before.id,
        action: 'calendar.remove',
        before: view(before),
        after: null,
      });
      await this.correctionWritten(m, viewer.tenantId);
    });
    return this.dayAfterChange(viewer.tenantId, date);
  }

  /** The office states that it has checked this year's days against the State Council's notice. */
  async confirmYear(viewer: Viewer, year: number): Promise<CalendarYearModel> {
    checkYear(year, 'year');
    await this.dataSource.transaction(async (m) => {
      const created = await one<{ id: string }>(
        m,
        `INSERT INTO calendar_year (tenant_id, year, confirmed_by, confirmed_at) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, year) DO NOTHING RETURNING id`,
        [viewer.tenantId, year, viewer.userId, this.clock.now()],
      );
      // Confirming twice changes nothing, so it records nothing either.
      if (created) {
        await this.audit.record(m, viewer, {
          entityType: 'calendar_year',
          entityId: created.id,
          action: 'calendar.confirm_year',
          after: { year },
        });
        await this.bumpRevision(m, viewer.tenantId);
      }
    });
    this.cache.delete(viewer.tenantId);
    return this.calendarYear(viewer, year);
  }

  /** Corrects every day of a range the same way (a holiday week entered at once). */
  async setRange(viewer: Viewer, input: SetCalendarRangeInput): Promise<CalendarDayModel[]> {
    const from = dateArg(input.from);
    const to = dateArg(input.to);
    if (to < from) throw badInput('结束日期不能早于开始日期', 'to');
    if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw badInput(`一次最多修正 ${MAX_RANGE_DAYS} 天`, 'to');
    const note = (input.note ?? '').trim();
    if (note.length > MAX_NOTE) throw badInput(`备注不能超过 ${MAX_NOTE} 个字`, 'note');
    const days: { date: string; workday: boolean; note: string }[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, workday: input.workday, note });
    await this.dataSource.transaction((m) => this.writeDays(m, viewer, days, 'calendar.range'));
    await this.afterDaysChanged(viewer.tenantId, '工作日历已修正');
    const calendar = await this.forTenant(viewer.tenantId);
    const versions = new Map(
      (await this.corrections(this.dataSource, viewer.tenantId)).map((c) => [c.date, c.version]),
    );
    return days.map(({ date }) => {
      const day = calendar.describeDay(date);
      return {
        date,
        isWorkingDay: day.workday,
        source: day.source,
        note: day.note ?? null,
        correctionVersion: versions.get(date) ?? null,
      };
    });
  }

  /** Reads a pasted 部分节假日安排 notice; saving writes its days as corrections and confirms the year. */
  async holidayNotice(viewer: Viewer, input: HolidayNoticeInput): Promise<HolidayNoticeReadingModel> {
    if (input.year != null) checkYear(input.year, 'year');
    let read;
    try {
      read = readHolidayNoticeText(input.text, input.year ?? undefined);
    } catch (error) {
      if (isDomainError(error, 'INVALID_ARGUMENT'))
        throw badInput(NOTICE_REFUSALS[String(error.details?.reason)] ?? '无法读取该通知', 'text');
      throw error;
    }
    checkYear(read.year, 'year');
    const wanted = holidayNoticeDays(read);
    const calendar = await this.forTenant(viewer.tenantId);
    const days = wanted.map((d) => ({ ...d, changes: calendar.isWorkingDay(d.date) !== d.workday }));
    if (!input.dryRun) {
      await this.dataSource.transaction(async (m) => {
        await this.writeDays(m, viewer, wanted, 'calendar.notice');
        await m.query(
          `INSERT INTO calendar_year (tenant_id, year, confirmed_by, confirmed_at) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, year) DO NOTHING`,
          [viewer.tenantId, read.year, viewer.userId, this.clock.now()],
        );
      });
      await this.afterDaysChanged(viewer.tenantId, `已导入${read.year}年放假安排`);
    }
    return { year: read.year, days, warnings: read.warnings, saved: !input.dryRun };
  }

  /** Upserts many corrections in one statement, with one audit row for the batch. */
  private async writeDays(
    m: EntityManager,
    viewer: Viewer,
    days: { date: string; workday: boolean; note: string }[],
    action: string,
  ) {
    await m.query(
      `INSERT INTO calendar_correction (tenant_id, date, workday, note, created_by, created_at)
       SELECT $1, d.date, d.workday, d.note, $3, $4 FROM jsonb_to_recordset($2::jsonb) AS d(date date, workday boolean, note text)
       ON CONFLICT (tenant_id, date) DO UPDATE SET workday = EXCLUDED.workday, note = EXCLUDED.note, version = calendar_correction.version + 1`,
      [viewer.tenantId, JSON.stringify(days), viewer.userId, this.clock.now()],
    );
    await this.audit.record(m, viewer, { entityType: 'calendar', entityId: viewer.tenantId, action, after: { days } });
    await this.correctionWritten(m, viewer.tenantId);
  }

  /**
   * Work that must change together with a correction, run in its transaction after the change: a
   * corrected day changes how many working days are left, elapsed or owed, so the task module
   * recomputes the unfinished tasks' lights here (it imports this module, so it registers instead of
   * being called). The lightRulesChanged event after the commit still runs the tenant-wide pass.
   */
  onCorrection(listener: CorrectionListener): void {
    this.listeners.push(listener);
  }

  private async correctionWritten(m: EntityManager, tenantId: string): Promise<void> {
    await this.bumpRevision(m, tenantId);
    for (const listener of this.listeners) await listener(m, tenantId);
  }

  /** Every process's cached calendar of the tenant is stale once this commits. */
  private async bumpRevision(m: EntityManager, tenantId: string): Promise<void> {
    await m.query(
      `INSERT INTO calendar_revision (tenant_id) VALUES ($1)
       ON CONFLICT (tenant_id) DO UPDATE SET revision = calendar_revision.revision + 1`,
      [tenantId],
    );
  }

  private async revision(db: DataSource | EntityManager, tenantId: string): Promise<string> {
    const row = await one<{ revision: string }>(db, `SELECT ${CalendarService.revisionSql('$1')} AS revision`, [
      tenantId,
    ]);
    return row!.revision;
  }

  private async afterDaysChanged(tenantId: string, reason: string) {
    this.cache.delete(tenantId);
    await this.events.emit('lightRulesChanged', { tenantId, reason });
  }

  private async dayAfterChange(tenantId: string, date: string): Promise<CalendarDayModel> {
    await this.afterDaysChanged(tenantId, '工作日历已修正');
    const calendar = await this.forTenant(tenantId);
    const day = calendar.describeDay(date);
    const row = await one<{ version: number }>(
      this.dataSource,
      `SELECT version FROM calendar_correction WHERE tenant_id = $1 AND date = $2`,
      [tenantId, date],
    );
    return {
      date,
      isWorkingDay: day.workday,
      source: day.source,
      note: day.note ?? null,
      correctionVersion: row?.version ?? null,
    };
  }

  private corrections(db: DataSource | EntityManager, tenantId: string, year?: number): Promise<CorrectionRow[]> {
    return year === undefined
      ? rows<CorrectionRow>(
          db,
          `SELECT id, date, workday, note, version FROM calendar_correction WHERE tenant_id = $1`,
          [tenantId],
        )
      : rows<CorrectionRow>(
          db,
          `SELECT id, date, workday, note, version FROM calendar_correction WHERE tenant_id = $1 AND date >= $2 AND date < $3`,
          [tenantId, isoDate(year, 1, 1), isoDate(year + 1, 1, 1)],
        );
  }

  private async confirmedYears(db: DataSource | EntityManager, tenantId: string): Promise<number[]> {
    return (await rows<{ year: number }>(db, `SELECT year FROM calendar_year WHERE tenant_id = $1`, [tenantId])).map(
      (r) => r.year,
    );
  }
}

function checkYear(year: number, field: string): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw badInput(`年份应在 ${MIN_YEAR} 到 ${MAX_YEAR} 之间`, field);
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
