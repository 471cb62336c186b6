import type { UnitKind } from '../modules/unit/unit.entity.js';
import type { Role } from '../modules/user/user.entity.js';

/** The demo tenant: 辽宁省, with the units the Liaoning 2021 key points name. */
export const DEMO_TENANT = {
  code: 'demo',
  name: '辽宁省人民政府办公厅（演示）',
  settings: { leaderApproval: true },
};

export const DEMO_PASSWORD = 'Duban@2026';

export const DEMO_UNITS: { name: string; kind: UnitKind; aliases?: string[] }[] = [
  { name: '省政府办公厅', kind: 'OFFICE', aliases: ['省政府办'] },
  { name: '省发展改革委', kind: 'DEPARTMENT', aliases: ['省发改委'] },
  { name: '省自然资源厅', kind: 'DEPARTMENT' },
  { name: '省市场监管局', kind: 'DEPARTMENT' },
  { name: '省财政厅', kind: 'DEPARTMENT' },
  { name: '省营商局', kind: 'DEPARTMENT' },
  { name: '省司法厅', kind: 'DEPARTMENT' },
  { name: '省教育厅', kind: 'DEPARTMENT' },
  { name: '省卫生健康委', kind: 'DEPARTMENT', aliases: ['省卫健委'] },
  { name: '省生态环境厅', kind: 'DEPARTMENT' },
  { name: '省住房城乡建设厅', kind: 'DEPARTMENT', aliases: ['省住建厅'] },
  { name: '省人力资源社会保障厅', kind: 'DEPARTMENT', aliases: ['省人社厅'] },
  { name: '省民政厅', kind: 'DEPARTMENT' },
  { name: '省农业农村厅', kind: 'DEPARTMENT' },
  { name: '省医保局', kind: 'DEPARTMENT' },
  { name: '省信访局', kind: 'DEPARTMENT' },
  { name: '省档案馆', kind: 'AGENCY' },
  { name: '沈阳市政府', kind: 'CITY_GOV', aliases: ['沈阳市人民政府'] },
  { name: '大连市政府', kind: 'CITY_GOV', aliases: ['大连市人民政府'] },
  { name: '鞍山市政府', kind: 'CITY_GOV', aliases: ['鞍山市人民政府'] },
  { name: '抚顺市政府', kind: 'CITY_GOV', aliases: ['抚顺市人民政府'] },
];

export const DEMO_USERS: { username: string; displayName: string; role: Role; unit: string | null }[] = [
  { username: 'ban-admin', displayName: '王主任', role: 'OFFICE_ADMIN', unit: null },
  { username: 'ban-staff', displayName: '李科员', role: 'OFFICE_STAFF', unit: null },
  { username: 'fgw-lly', displayName: '张联络员', role: 'UNIT_LIAISON', unit: '省发展改革委' },
  { username: 'fgw-ld', displayName: '赵分管领导', role: 'UNIT_LEADER', unit: '省发展改革委' },
  { username: 'sy-lly', displayName: '刘联络员', role: 'UNIT_LIAISON', unit: '沈阳市政府' },
  { username: 'sy-ld', displayName: '孙分管领导', role: 'UNIT_LEADER', unit: '沈阳市政府' },
  { username: 'lingdao', displayName: '陈秘书长', role: 'LEADERSHIP', unit: null },
];
