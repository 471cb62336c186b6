import { USER_ROLE_LABELS } from '@duban/domain';
import type { Paragraph } from 'docx';
import { docx, newWorkbook } from '../../../common/heavy-libraries.js';
import { ONE_TIME_PASSWORD_HOURS } from '../../auth/index.js';
import { body, flushLeft, packDocument, simpleTable, title } from '../../../common/official-document.js';
import type { Role } from '../../../common/enums.js';

export interface NoticeAccount {
  username: string;
  displayName: string;
  role: Role;
  unitName: string | null;
  password: string;
  tenantCode: string;
  tenantName: string;
}

const ROLE_LABELS: Readonly<Record<Role, string>> = USER_ROLE_LABELS;

const ONE_TIME_PASSWORD_DAYS = Math.round(ONE_TIME_PASSWORD_HOURS / 24);
const HEADERS = ['单位', '姓名', '角色', '登录地址', '机构代码', '用户名', '初始密码'];

/** 开通通知 as a list: one row per account, for the office to hand out or mail-merge. */
export async function noticeWorkbook(accounts: NoticeAccount[], signInUrl: string): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('开通通知');
  ws.columns = [28, 12, 14, 36, 14, 20, 16].map((width) => ({ width }));
  ws.addRow(HEADERS).font = { bold: true };
  for (const a of accounts)
    ws.addRow([
      a.unitName ?? a.tenantName,
      a.displayName,
      ROLE_LABELS[a.role],
      signInUrl,
      a.tenantCode,
      a.username,
      a.password,
    ]);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.addRow([]);
  ws.addRow([
    `初始密码只能使用一次，${ONE_TIME_PASSWORD_DAYS} 天内有效：首次登录后须修改密码。请妥善保管本表，分发后删除。`,
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 开通通知 per unit: one page per unit, addressed to it, with each of its people's sign-in details. */
export async function noticeDocument(accounts: NoticeAccount[], signInUrl: string): Promise<Buffer> {
  const byUnit = new Map<string, NoticeAccount[]>();
  for (const a of accounts) {
    const key = a.unitName ?? a.tenantName;
    byUnit.set(key, [...(byUnit.get(key) ?? []), a]);
  }
  const { PageBreak, Paragraph } = docx();
  const children: (Paragraph | ReturnType<typeof simpleTable>)[] = [];
  let first = true;
  for (const [unit, people] of byUnit) {
    if (!first) children.push(new Paragraph({ children: [new PageBreak()] }));
    first = false;
    const tenantName = people[0].tenantName;
    children.push(
      title('督办系统账号开通通知'),
      flushLeft(`${unit}：`),
      body(
        `${tenantName}政务公开工作要点督办系统已为你单位开通以下账号。请登录系统查看本单位承担的任务，按期报送工作进展和佐证材料。`,
      ),
      body(`登录地址：${signInUrl}`),
      body(`机构代码：${people[0].tenantCode}`),
      simpleTable(
        ['姓名', '角色', '用户名', '初始密码'],
        people.map((p) => [p.displayName, ROLE_LABELS[p.role], p.username, p.password]),
      ),
      body(
        `初始密码只能使用一次，${ONE_TIME_PASSWORD_DAYS} 天内有效，首次登录后系统将要求修改密码（至少 8 位，含字母和数字）。请勿将账号转借他人。`,
      ),
      body(`如有问题，请联系${tenantName}政务公开办公室。`),
    );
  }
  return packDocument(children);
}

export interface ListedAccount {
  unitName: string | null;
  displayName: string;
  role: Role;
  username: string;
  phone: string | null;
  email: string | null;
  active: boolean;
  lastSignInAt: Date | null;
}

/** The account list as the office files it: who has an account, how to reach them, who never signed in. */
export async function accountListWorkbook(accounts: ListedAccount[]): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('账号');
  ws.columns = [28, 12, 16, 20, 16, 26, 8, 20].map((width) => ({ width }));
  ws.addRow(['单位', '姓名', '角色', '用户名', '手机', '邮箱', '状态', '最近登录']).font = { bold: true };
  const shanghai = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  for (const a of accounts) {
    ws.addRow([
      a.unitName ?? '',
      a.displayName,
      ROLE_LABELS[a.role],
      a.username,
      a.phone ?? '',
      a.email ?? '',
      a.active ? '启用' : '停用',
      a.lastSignInAt ? shanghai.format(a.lastSignInAt) : '从未登录',
    ]);
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
