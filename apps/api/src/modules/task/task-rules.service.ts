import { Injectable } from '@nestjs/common';
import { createWorkCalendar, type ReportCycle, type WarningLightSettings, type WorkCalendar } from '@duban/domain';
import type { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/index.js';
import {
  domainReportCycle,
  tenantSettingsWithDefaults,
  type TenantSettings,
  TenantSettingsService,
} from '../tenant/index.js';

/** What the task rules need to know about a tenant: its working-day calendar and light settings. */
export interface TenantTaskRules {
  calendar: WorkCalendar;
  lightSettings: WarningLightSettings;
  /** null: the tenant asks for no periodic reports, so none can be missing. */
  reportCycle: ReportCycle | null;
}

// For pure callers (tests, tools) that have no tenant calendar: the State Council notice only.
const noticeCalendar = createWorkCalendar();

/** The tenant's rule inputs: its settings (defaults filled in) and its corrected working-day calendar. */
@Injectable()
export class TaskRulesService {
  constructor(
    private readonly settings: TenantSettingsService,
    private readonly calendars: CalendarService,
  ) {}

  /**
   * Inside a transaction pass its manager: both are then read through its connection (never a second
   * one while it holds locks) and see its snapshot, its own calendar corrections included.
   */
  async forTenant(tenantId: string, manager?: EntityManager): Promise<TenantTaskRules> {
    // A transaction's connection runs one query at a time; without one the pool reads both at once.
    const [settings, calendar] = manager
      ? [await this.settings.get(tenantId, manager), await this.calendars.forTenant(tenantId, manager)]
      : await Promise.all([this.settings.get(tenantId), this.calendars.forTenant(tenantId)]);
    return rulesFromSettings(settings, calendar);
  }

  /**
   * The rules from a tenant row's stored settings and its calendar revision, read by the caller in one
   * statement of its own (CalendarService.revisionSql) instead of forTenant's two.
   */
  async fromStored(
    tenantId: string,
    stored: Record<string, unknown> | null,
    calendarRevision: string,
  ): Promise<TenantTaskRules> {
    const calendar = await this.calendars.atRevision(tenantId, calendarRevision);
    return rulesFromSettings(tenantSettingsWithDefaults(stored), calendar);
  }
}

export function rulesFromSettings(settings: TenantSettings, calendar: WorkCalendar = noticeCalendar): TenantTaskRules {
  return {
    calendar,
    lightSettings: {
      yellowWithinWorkingDays: settings.yellowWithinWorkingDays,
      paceMarginPercent: settings.paceMarginPercent,
    },
    reportCycle: domainReportCycle(settings.reportCycle),
  };
}
