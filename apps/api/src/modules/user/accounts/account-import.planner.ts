import { badInput } from '../../../common/app-error.js';
import { cleanName, type SheetColumns, type SheetRow, sheetTask } from '../../unit/index.js';
import {
  checkDingtalkUserid,
  checkDisplayName,
  checkEmail,
  checkPhone,
  checkUsername,
  checkWecomUserid,
} from '../user-fields.js';
import { UNIT_ROLES, type Role } from '../../../common/enums.js';
import { suggestUsername } from './usernames.js';

export const ACCOUNT_COLUMNS = {
  unit: ['单位', '单位名称', '所属单位'],
  displayName: ['姓名', '名字'],
  role: ['角色', '身份', '类别'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话'],
  email: ['邮箱', '电子邮箱', '邮件'],
  username: ['用户名', '账号', '登录名'],
  // As the platforms' own directory exports head them (通讯录 导出: 账号 / UserID).
  wecomUserid: ['企业微信账号', '企业微信userid', '企业微信UserID', '企业微信ID', '政务微信账号', '政务微信UserID'],
  dingtalkUserid: ['钉钉userid', '钉钉UserID', '钉钉用户ID', '钉钉ID', '浙政钉userid', '浙政钉UserID'],
} as const;
export type AccountColumn = keyof typeof ACCOUNT_COLUMNS;
export const ACCOUNT_SHEET: SheetColumns<AccountColumn> = {
  columns: ACCOUNT_COLUMNS,
  required: 'displayName',
  requiredLabel: '姓名',
};
/** The account sheet is read in a worker thread, like the directory sheet. */
export const READ_ACCOUNT_SHEET_TASK = sheetTask<AccountColumn>('账号表格');

/** 角色 as offices write it. */
const ROLE_WORDS: Record<string, Role> = {
  联络员: 'UNIT_LIAISON',
  信息员: 'UNIT_LIAISON',
  单位联络员: 'UNIT_LIAISON',
  分管领导: 'UNIT_LEADER',
  单位分管领导: 'UNIT_LEADER',
  单位领导: 'UNIT_LEADER',
  工作人员: 'OFFICE_STAFF',
  办公室工作人员: 'OFFICE_STAFF',
  政务公开办工作人员: 'OFFICE_STAFF',
  领导: 'LEADERSHIP',
  政府领导: 'LEADERSHIP',
};
export const ROLE_SUFFIX: Record<Role, string> = {
  UNIT_LIAISON: 'lly',
  UNIT_LEADER: 'ld',
  OFFICE_STAFF: 'gkb',
  OFFICE_ADMIN: 'admin',
  LEADERSHIP: 'ld',
  SECURITY_ADMIN: 'aq',
  SECURITY_AUDITOR: 'sj',
};

export interface AccountUnit {
  id: string;
  name: string;
  aliases: string[];
  active: boolean;
}

/** An account to create, checked against the directory, the tenant's people and the other rows. */
export interface AccountDraft {
  displayName: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  phone: string | null;
  email: string | null;
  wecomUserid: string | null;
  dingtalkUserid: string | null;
  username: string;
}

export type AccountRowAction = 'CREATE' | 'EXISTS' | 'ERROR';

export interface AccountRowResult {
  row: number;
  displayName: string;
  unitName: string | null;
  role: Role | null;
  username: string | null;
  action: AccountRowAction;
  message: string | null;
}

export interface AccountPlan {
  rows: AccountRowResult[];
  drafts: AccountDraft[];
}

export interface ExistingPerson {
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
}

/**
 * Checks an account sheet row by row without writing: the unit by name or alias, the role word, the
 * contact fields, and the username (given, or generated from the name's pinyin). A person already in
 * the tenant (same unit, name and role) is EXISTS and skipped, so the same sheet can be imported again.
 */
export function planAccountImport(
  sheet: SheetRow<AccountColumn>[],
  units: AccountUnit[],
  people: ExistingPerson[],
): AccountPlan {
  const unitByName = new Map<string, AccountUnit>();
  for (const u of units) for (const n of [u.name, ...u.aliases]) unitByName.set(n, u);
  const taken = new Set(people.map((p) => p.username.toLowerCase()));
  const existing = new Map(people.map((p) => [`${p.unitId}|${p.displayName}|${p.role}`, p.username]));
  const out: AccountPlan = { rows: [], drafts: [] };
  const given = new Map<string, number>();
  for (const { row, cells } of sheet) {
    const result: AccountRowResult = {
      row,
      displayName: cleanName(cells.displayName ?? ''),
      unitName: cells.unit ? cleanName(cells.unit) : null,
      role: null,
      username: null,
      action: 'ERROR',
      message: null,
    };
    out.rows.push(result);
    try {
      const displayName = checkDisplayName(cells.displayName ?? '');
      const role = cells.role ? ROLE_WORDS[cells.role.replace(/\s/g, '')] : 'UNIT_LIAISON';
      if (!role) throw new RowError(`角色“${cells.role}”无效，应为 联络员、分管领导、工作人员 或 领导`);
      result.role = role;
      let unit: AccountUnit | null = null;
      if (UNIT_ROLES.includes(role)) {
        if (!cells.unit) throw new RowError('联络员和分管领导须填写单位');
        unit = unitByName.get(cleanName(cells.unit)) ?? null;
        if (!unit) throw new RowError(`单位“${cells.unit}”不在单位名录中（可填写单位名称或别名）`);
        if (!unit.active) throw new RowError(`单位“${unit.name}”已停用`);
        result.unitName = unit.name;
      } else if (cells.unit)
        throw new RowError(`${role === 'LEADERSHIP' ? '领导' : '工作人员'}不属于承办单位，请清空单位列`);
      const phone = checkPhone(cells.phone);
      const email = checkEmail(cells.email);
      const wecomUserid = checkWecomUserid(cells.wecomUserid);
      const dingtalkUserid = checkDingtalkUserid(cells.dingtalkUserid);
      const same = existing.get(`${unit?.id ?? null}|${displayName}|${role}`);
      if (same) {
        result.action = 'EXISTS';
        result.username = same;
        result.message = `已有账号 ${same}，跳过`;
        continue;
      }
      let username: string;
      if (cells.username) {
        username = checkUsername(cells.username);
        const key = username.toLowerCase();
        if (given.has(key)) throw new RowError(`用户名与第 ${given.get(key)} 行重复`);
        if (taken.has(key)) throw new RowError(`用户名“${username}”已被使用`);
        given.set(key, row);
        taken.add(key);
      } else username = suggestUsername(displayName, unit?.name ?? null, ROLE_SUFFIX[role], taken);
      result.username = username;
      result.action = 'CREATE';
      out.drafts.push({
        displayName,
        role,
        unitId: unit?.id ?? null,
        unitName: unit?.name ?? null,
        phone,
        email,
        wecomUserid,
        dingtalkUserid,
        username,
      });
    } catch (e) {
      if (e instanceof RowError || (e as { extensions?: unknown }).extensions) result.message = (e as Error).message;
      else throw e;
    }
  }
  if (!out.rows.length) throw badInput('文件中没有账号数据', 'file');
  return out;
}

class RowError extends Error {}
