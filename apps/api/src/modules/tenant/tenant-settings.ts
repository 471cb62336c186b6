import {
  DEFAULT_ESCALATION_SETTINGS,
  DEFAULT_WARNING_LIGHT_SETTINGS,
  validateDueMonthDay,
  validateReportCycle,
  type ReportCycle,
} from '@duban/domain';
import { badInput } from '../../common/app-error.js';

export const REPORT_CYCLE_KINDS = ['NONE', 'WEEKLY', 'MONTHLY', 'QUARTERLY'] as const;
export type ReportCycleKind = (typeof REPORT_CYCLE_KINDS)[number];

/** How often units report: NONE, or a deadline day of the week (1 = Monday) or of the month. */
export interface ReportCycleSetting {
  kind: ReportCycleKind;
  dayOfMonth: number | null;
  weekday: number | null;
}

/** A tenant's settings with every key present (tenant.settings jsonb may hold only some of them). */
export interface TenantSettings {
  leaderApproval: boolean;
  yellowWithinWorkingDays: number;
  paceMarginPercent: number;
  defaultDueMonthDay: string;
  reportCycle: ReportCycleSetting;
  remindBeforeWorkingDays: number;
  urgeAfterWorkingDays: number;
  superviseAfterWorkingDays: number;
  /** 签收: the office sees units that have not signed for a new task within this many working days. */
  signWithinWorkingDays: number;
  /** The name at the top of the public page (政务公开); empty = the tenant's name. */
  publicName: string;
  /** Origins (a portal) that may frame the public page; none = nobody may. */
  publicFrameAncestors: string[];
}

export const DEFAULT_TENANT_SETTINGS: Readonly<TenantSettings> = Object.freeze({
  leaderApproval: false,
  yellowWithinWorkingDays: DEFAULT_WARNING_LIGHT_SETTINGS.yellowWithinWorkingDays,
  paceMarginPercent: DEFAULT_WARNING_LIGHT_SETTINGS.paceMarginPercent,
  defaultDueMonthDay: '12-31',
  reportCycle: Object.freeze({ kind: 'MONTHLY' as const, dayOfMonth: 25, weekday: null }),
  remindBeforeWorkingDays: DEFAULT_ESCALATION_SETTINGS.remindBeforeWorkingDays,
  urgeAfterWorkingDays: DEFAULT_ESCALATION_SETTINGS.urgeAfterWorkingDays,
  superviseAfterWorkingDays: DEFAULT_ESCALATION_SETTINGS.superviseAfterWorkingDays,
  signWithinWorkingDays: 2,
  publicName: '',
  publicFrameAncestors: Object.freeze([]) as unknown as string[],
});

const KEYS = Object.keys(DEFAULT_TENANT_SETTINGS) as (keyof TenantSettings)[];

/**
 * Stored settings with defaults filled in. A stored value of the wrong type (hand-edited row, older
 * shape) falls back to the default instead of breaking every module that reads settings.
 */
export function withDefaults(stored: Record<string, unknown> | null | undefined): TenantSettings {
  const out = { ...DEFAULT_TENANT_SETTINGS, reportCycle: { ...DEFAULT_TENANT_SETTINGS.reportCycle } } as TenantSettings;
  for (const key of KEYS) {
    const value = stored?.[key];
    if (value === undefined) continue;
    try {
      (out as unknown as Record<string, unknown>)[key] = checkSetting(key, value);
    } catch {
      // keep the default
    }
  }
  return out;
}

/** The domain library's report cycle for these settings; null when the tenant does not ask for reports. */
export function domainReportCycle(setting: ReportCycleSetting): ReportCycle | null {
  switch (setting.kind) {
    case 'NONE':
      return null;
    case 'WEEKLY':
      return { kind: 'WEEKLY', deadlineWeekday: setting.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7 };
    default:
      return { kind: setting.kind, deadlineDay: setting.dayOfMonth! };
  }
}

const int = (key: string, label: string, min: number, max: number) => (value: unknown) => {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
    throw badInput(`${label}应为 ${min} 到 ${max} 之间的整数`, key);
  return value as number;
};
const bool = (key: string, label: string) => (value: unknown) => {
  if (typeof value !== 'boolean') throw badInput(`${label}应为是或否`, key);
  return value;
};

const CHECKS: Record<keyof TenantSettings, (value: unknown) => unknown> = {
  leaderApproval: bool('leaderApproval', '是否需分管领导审核'),
  yellowWithinWorkingDays: int('yellowWithinWorkingDays', '黄灯预警提前工作日数', 0, 60),
  paceMarginPercent: int('paceMarginPercent', '进度落后预警幅度(%)', 0, 100),
  defaultDueMonthDay: (value) => {
    try {
      return validateDueMonthDay(String(value));
    } catch {
      throw badInput('默认完成时限应为“月-日”格式，如 12-31（不能是 02-29）', 'defaultDueMonthDay');
    }
  },
  reportCycle: (value) => checkReportCycle(value),
  remindBeforeWorkingDays: int('remindBeforeWorkingDays', '到期前提醒工作日数', 0, 60),
  urgeAfterWorkingDays: int('urgeAfterWorkingDays', '逾期后催办工作日数', 1, 60),
  superviseAfterWorkingDays: int('superviseAfterWorkingDays', '催办后督办工作日数', 0, 60),
  signWithinWorkingDays: int('signWithinWorkingDays', '签收时限（工作日）', 1, 30),
  publicName: (value) => {
    if (typeof value !== 'string' || value.trim().length > 60 || /[\u0000-\u001f<>]/.test(value)) {
      throw badInput('公开页面显示名称应为不超过 60 个字的文字', 'publicName');
    }
    return value.trim();
  },
  publicFrameAncestors: (value) => checkFrameAncestors(value),
};

/** An origin as CSP frame-ancestors takes it: http(s), a host, an optional port, nothing else. */
const ORIGIN = /^https?:\/\/(?:\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

function checkFrameAncestors(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > 10) throw badInput('允许嵌入的网站最多 10 个', 'publicFrameAncestors');
  const origins = value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase().replace(/\/+$/, '') : ''));
  const bad = origins.find((o) => !ORIGIN.test(o) || o.length > 200);
  if (bad !== undefined)
    throw badInput(
      `允许嵌入的网站应写成“https://www.example.gov.cn”这样的地址（协议和域名，不含路径）：${bad.slice(0, 80) || '（空）'}`,
      'publicFrameAncestors',
    );
  return [...new Set(origins)];
}

export function checkSetting(key: keyof TenantSettings, value: unknown): unknown {
  return CHECKS[key](value);
}

function checkReportCycle(value: unknown): ReportCycleSetting {
  const v = (value ?? {}) as Partial<ReportCycleSetting>;
  if (!REPORT_CYCLE_KINDS.includes(v.kind as ReportCycleKind)) throw badInput('报送周期类型无效', 'reportCycle.kind');
  const setting: ReportCycleSetting = {
    kind: v.kind as ReportCycleKind,
    dayOfMonth: v.kind === 'MONTHLY' || v.kind === 'QUARTERLY' ? (v.dayOfMonth ?? null) : null,
    weekday: v.kind === 'WEEKLY' ? (v.weekday ?? null) : null,
  };
  const cycle = domainReportCycle(setting);
  if (cycle) {
    try {
      validateReportCycle(cycle);
    } catch {
      throw setting.kind === 'WEEKLY'
        ? badInput('每周报送截止日应为 1（周一）到 7（周日）', 'reportCycle.weekday')
        : badInput('报送截止日应为 1 到 31 之间的整数', 'reportCycle.dayOfMonth');
    }
  }
  return setting;
}

/** Validates a partial change; returns only the keys it sets (undefined = leave as is). */
export function checkSettingsPatch(patch: Partial<Record<keyof TenantSettings, unknown>>): Partial<TenantSettings> {
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    if (patch[key] === undefined) continue;
    if (patch[key] === null) throw badInput('设置项不能为空', key);
    out[key] = checkSetting(key, patch[key]);
  }
  return out as Partial<TenantSettings>;
}
