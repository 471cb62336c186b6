import type { UnitKind } from '../modules/unit/unit-kinds.js';
import type { Role } from '../common/enums.js';

/** The demo tenant: 辽宁省, with the units the Liaoning 2021 key points name. */
export const DEMO_TENANT = {
  code: 'demo',
  name: '辽宁省人民政府办公厅（演示）',
  settings: { leaderApproval: true },
};

export const DEMO_PASSWORD = 'Duban@2026';

/**
 * `code` names the unit's liaison account (`{code}-lly`); `diligence` (0–1) is how well the unit keeps
 * up in the demo year, so the scorecard ranks units apart instead of showing twenty equal rows.
 */
export const DEMO_UNITS: { name: string; kind: UnitKind; code: string; diligence: number; aliases?: string[] }[] = [
  { name: '省政府办公厅', kind: 'OFFICE', code: 'bgt', diligence: 0.9, aliases: ['省政府办'] },
  { name: '省发展改革委', kind: 'DEPARTMENT', code: 'fgw', diligence: 0.8, aliases: ['省发改委'] },
  { name: '省自然资源厅', kind: 'DEPARTMENT', code: 'zrzy', diligence: 0.7 },
  { name: '省市场监管局', kind: 'DEPARTMENT', code: 'scjg', diligence: 0.65 },
  { name: '省财政厅', kind: 'DEPARTMENT', code: 'czt', diligence: 0.85 },
  { name: '省营商局', kind: 'DEPARTMENT', code: 'yss', diligence: 0.75 },
  { name: '省司法厅', kind: 'DEPARTMENT', code: 'sft', diligence: 0.6 },
  { name: '省教育厅', kind: 'DEPARTMENT', code: 'jyt', diligence: 0.7 },
  { name: '省卫生健康委', kind: 'DEPARTMENT', code: 'wjw', diligence: 0.55, aliases: ['省卫健委'] },
  { name: '省生态环境厅', kind: 'DEPARTMENT', code: 'sthj', diligence: 0.5 },
  { name: '省住房城乡建设厅', kind: 'DEPARTMENT', code: 'zjt', diligence: 0.45, aliases: ['省住建厅'] },
  { name: '省人力资源社会保障厅', kind: 'DEPARTMENT', code: 'rst', diligence: 0.6, aliases: ['省人社厅'] },
  { name: '省民政厅', kind: 'DEPARTMENT', code: 'mzt', diligence: 0.7 },
  { name: '省农业农村厅', kind: 'DEPARTMENT', code: 'nyt', diligence: 0.4 },
  { name: '省医保局', kind: 'DEPARTMENT', code: 'ybj', diligence: 0.65 },
  { name: '省信访局', kind: 'DEPARTMENT', code: 'xfj', diligence: 0.35 },
  { name: '省档案馆', kind: 'AGENCY', code: 'dag', diligence: 0.8 },
  { name: '沈阳市政府', kind: 'CITY_GOV', code: 'sy', diligence: 0.75, aliases: ['沈阳市人民政府'] },
  { name: '大连市政府', kind: 'CITY_GOV', code: 'dl', diligence: 0.85, aliases: ['大连市人民政府'] },
  { name: '鞍山市政府', kind: 'CITY_GOV', code: 'as', diligence: 0.5, aliases: ['鞍山市人民政府'] },
  { name: '抚顺市政府', kind: 'CITY_GOV', code: 'fs', diligence: 0.3, aliases: ['抚顺市人民政府'] },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unit: string | null;
  /** Listed in the start-up banner and the README; the other units' liaisons follow the `{code}-lly` pattern. */
  featured: boolean;
}

const FEATURED_USERS: Omit<DemoUser, 'featured'>[] = [
  { username: 'ban-admin', displayName: '王主任', role: 'OFFICE_ADMIN', unit: null },
  { username: 'ban-staff', displayName: '李科员', role: 'OFFICE_STAFF', unit: null },
  { username: 'fgw-lly', displayName: '张联络员', role: 'UNIT_LIAISON', unit: '省发展改革委' },
  { username: 'fgw-ld', displayName: '赵分管领导', role: 'UNIT_LEADER', unit: '省发展改革委' },
  { username: 'sy-lly', displayName: '刘联络员', role: 'UNIT_LIAISON', unit: '沈阳市政府' },
  { username: 'sy-ld', displayName: '孙分管领导', role: 'UNIT_LEADER', unit: '沈阳市政府' },
  { username: 'lingdao', displayName: '陈秘书长', role: 'LEADERSHIP', unit: null },
  // 三员分立: ban-admin is the 系统管理员; these two hold the security admin's and the auditor's duties.
  { username: 'aq-admin', displayName: '周安全管理员', role: 'SECURITY_ADMIN', unit: null },
  { username: 'sj-admin', displayName: '吴安全审计员', role: 'SECURITY_AUDITOR', unit: null },
];

/** Liaisons who, in the demo, last signed in months ago: the security admin's 闲置账号 list names them. */
export const DEMO_UNUSED_USERS = ['dag-lly', 'xfj-lly'];

/** Units whose reports go through a 分管领导 in the demo (the others' reach the office directly). */
const UNITS_WITH_LEADERS = new Set(['省发展改革委', '沈阳市政府', '大连市政府', '省财政厅']);

/** Every unit reports in the demo year, so every unit has a liaison; a few have a leader as well. */
export const DEMO_USERS: DemoUser[] = [
  ...FEATURED_USERS.map((u) => ({ ...u, featured: true })),
  ...DEMO_UNITS.flatMap((unit) => {
    const people: DemoUser[] = [];
    const has = (username: string) => FEATURED_USERS.some((u) => u.username === username);
    if (!has(`${unit.code}-lly`)) {
      people.push({
        username: `${unit.code}-lly`,
        displayName: `${unit.name}联络员`,
        role: 'UNIT_LIAISON',
        unit: unit.name,
        featured: false,
      });
    }
    if (UNITS_WITH_LEADERS.has(unit.name) && !has(`${unit.code}-ld`)) {
      people.push({
        username: `${unit.code}-ld`,
        displayName: `${unit.name}分管领导`,
        role: 'UNIT_LEADER',
        unit: unit.name,
        featured: false,
      });
    }
    return people;
  }),
];

/**
 * 上下联动: two cities under the demo province, each its own tenant (机构代码 below, same password),
 * with its plan linked to the province's key points, so 下级落实 shows coverage, gaps, lights and urges.
 * `covers` is the share of the province's key points the city took up; `diligence` how far its tasks are.
 */
export const DEMO_LOWER_TENANTS: {
  code: string;
  name: string;
  short: string;
  covers: number;
  diligence: number;
  units: string[];
}[] = [
  {
    code: 'demo-dl',
    name: '大连市人民政府办公室（演示）',
    short: '大连市',
    covers: 0.8,
    diligence: 0.8,
    units: ['市发展改革委', '市财政局', '市司法局', '金普新区管委会'],
  },
  {
    code: 'demo-as',
    name: '鞍山市人民政府办公室（演示）',
    short: '鞍山市',
    covers: 0.5,
    diligence: 0.35,
    units: ['市发展改革委', '市财政局', '市营商局'],
  },
];

/** The accounts of each demo city: its office, and a liaison per unit (`lly1`, `lly2`, …). */
export const DEMO_LOWER_USERS = (city: (typeof DEMO_LOWER_TENANTS)[number]): Omit<DemoUser, 'featured'>[] => [
  { username: 'ban-admin', displayName: `${city.short}办公室主任`, role: 'OFFICE_ADMIN', unit: null },
  { username: 'ban-staff', displayName: `${city.short}办公室科员`, role: 'OFFICE_STAFF', unit: null },
  ...city.units.map((unit, i) => ({
    username: `lly${i + 1}`,
    displayName: `${unit}联络员`,
    role: 'UNIT_LIAISON' as const,
    unit,
  })),
];
