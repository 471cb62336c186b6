import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant } from '../../../../test/factory.js';
import { countStatements } from '../../../../test/count-statements.js';
import { importUnits, importUnitsOk } from '../../../../test/unit-import.js';

async function xlsx(rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('单位名录');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const csv = (rows: string[][], encoding: 'gb18030' | 'utf8') =>
  iconv
    .encode(
      rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n'),
      encoding,
    )
    .toString('base64');

describe('importing the unit directory from xlsx and csv', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let office: Client;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    office = await f.client(tenant, 'OFFICE_ADMIN');
  });
  afterAll(() => t.close());

  const units = async (tenantId = tenant.id) =>
    (
      await t.db.query(
        `SELECT u.name, u.kind, p.name AS parent, u.aliases, u.active, u.sort FROM unit u
           LEFT JOIN unit p ON p.tenant_id = u.tenant_id AND p.id = u.parent_id WHERE u.tenant_id = $1 ORDER BY u.name`,
        [tenantId],
      )
    ).rows;

  it('dry-runs an xlsx (nothing written), then imports it in one go with parents, aliases, sort and status', async () => {
    const contentBase64 = await xlsx([
      ['单位名称*', '类型', '上级单位', '别名', '排序', '状态'],
      ['甲县街道办', '乡镇街道', '甲县政府', '甲街道、甲街', 20, '启用'],
      ['甲县政府', '县区政府', '', '甲县人民政府;甲县', 10, ''],
      ['市档案馆', '派驻机构', '', '', '', '停用'],
    ]);
    const dry = await importUnitsOk(office, { filename: '单位.xlsx', contentBase64, dryRun: true });
    expect(dry.importUnits).toEqual({
      dryRun: true,
      created: 3,
      updated: 0,
      unchanged: 0,
      errors: 0,
      missing: [],
      deactivated: 0,
      rows: [
        { row: 2, name: '甲县街道办', action: 'CREATED', message: null, changes: [] },
        { row: 3, name: '甲县政府', action: 'CREATED', message: null, changes: [] },
        { row: 4, name: '市档案馆', action: 'CREATED', message: null, changes: [] },
      ],
    });
    expect(await units()).toEqual([]);
    const real = await importUnitsOk(office, { filename: '单位.xlsx', contentBase64, dryRun: false });
    expect(real.importUnits).toMatchObject({ dryRun: false, created: 3, errors: 0 });
    expect(await units()).toEqual([
      { name: '市档案馆', kind: 'AGENCY', parent: null, aliases: [], active: false, sort: 0 },
      { name: '甲县政府', kind: 'COUNTY_GOV', parent: null, aliases: ['甲县人民政府', '甲县'], active: true, sort: 10 },
      { name: '甲县街道办', kind: 'TOWN', parent: '甲县政府', aliases: ['甲街道', '甲街'], active: true, sort: 20 },
    ]);
    const { rows } = await t.db.query(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND entity_type = 'unit' GROUP BY action`,
      [tenant.id],
    );
    expect(rows).toEqual([{ action: 'import.create', n: 3 }]);
    // Importing the same file again changes nothing.
    const again = await importUnitsOk(office, { filename: '单位.xlsx', contentBase64, dryRun: false });
    expect(again.importUnits).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('reads a GB18030 (GBK) csv as Excel in China saves it, updating existing units and keeping blank cells', async () => {
    const own = await f.tenant();
    const admin = await f.client(own, 'OFFICE_STAFF');
    await f.unit(own, '市教育局', 'DEPARTMENT', ['教育局']);
    const contentBase64 = csv(
      [
        ['单位名称', '类型', '上级单位', '别名', '排序', '状态'],
        ['市教育局', '', '', '', '5', ''],
        ['市教育局直属学校', '其他', '市教育局', '"学校",附属', '', ''],
      ],
      'gb18030',
    );
    const res = await importUnitsOk(admin, { filename: 'units.CSV', contentBase64, dryRun: false });
    expect(res.importUnits).toMatchObject({ created: 1, updated: 1, errors: 0 });
    expect(await units(own.id)).toEqual([
      { name: '市教育局', kind: 'DEPARTMENT', parent: null, aliases: ['教育局'], active: true, sort: 5 },
      {
        name: '市教育局直属学校',
        kind: 'OTHER',
        parent: '市教育局',
        aliases: ['"学校"', '附属'],
        active: true,
        sort: 0,
      },
    ]);
    const { rows } = await t.db.query(`SELECT version FROM unit WHERE tenant_id = $1 AND name = '市教育局'`, [own.id]);
    expect(rows[0].version).toBe(2);
  });

  it('reports every bad row with its row number in a dry run, and writes nothing in a real run', async () => {
    const own = await f.tenant();
    const admin = await f.client(own, 'OFFICE_ADMIN');
    await f.unit(own, '市财政局', 'DEPARTMENT', ['财政局']);
    const contentBase64 = csv(
      [
        ['单位名称', '类型', '上级单位', '别名', '排序', '状态'],
        ['市税务局', '部门', '', '', '', ''],
        ['财政局', '部门', '', '', '', ''],
        ['市税务局', '部门', '', '', '', ''],
        ['市交通局', '交通', '', '', '', ''],
        ['市水利局', '部门', '省水利厅', '', '', ''],
        ['市林业局', '部门', '', '', '一', ''],
        ['市气象局', '部门', '', '', '', '暂停'],
        ['', '部门', '', '别名而已', '', ''],
        ['环A', '部门', '环B', '', '', ''],
        ['环B', '部门', '环A', '', '', ''],
      ],
      'utf8',
    );
    const dry = await importUnitsOk(admin, { filename: 'u.csv', contentBase64, dryRun: true });
    expect(
      dry.importUnits.rows.map((r: { row: number; action: string; message: string | null }) => [
        r.row,
        r.action,
        r.message,
      ]),
    ).toEqual([
      [2, 'CREATED', null],
      // A row named by an existing alias is that unit, renamed (the preview says so).
      [3, 'UPDATED', '“财政局”是“市财政局”的别名，按更名处理'],
      [4, 'ERROR', '单位名称与第 2 行重复'],
      [
        5,
        'ERROR',
        '类型“交通”无效，应为 部门（省直部门）/市政府（州政府、市（州）政府）/县区政府/派驻机构（中直驻省单位）/乡镇街道/办公厅/其他',
      ],
      [6, 'ERROR', '上级单位“省水利厅”不存在'],
      [7, 'ERROR', '排序“一”应为整数'],
      [8, 'ERROR', '状态“暂停”无效，应为 启用 或 停用'],
      [9, 'ERROR', '单位名称不能为空'],
      [10, 'ERROR', '上级单位关系形成循环'],
      [11, 'ERROR', '上级单位关系形成循环'],
    ]);
    const real = await importUnits(admin, { filename: 'u.csv', contentBase64, dryRun: false });
    expect(real.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
    expect(real.errors![0].message).toMatch(
      /^导入未执行，共 8 行有错误。第 4 行：单位名称与第 2 行重复；第 5 行：类型“交通”无效/,
    );
    expect((await units(own.id)).map((u) => u.name)).toEqual(['市财政局']);
  });

  it.each([
    [
      'a .xls file',
      'old.xls',
      Buffer.from('x').toString('base64'),
      /不支持旧版 \.xls 文件，请在 Excel 中“另存为” \.xlsx/,
    ],
    ['a renamed text file', 'fake.xlsx', Buffer.from('单位名称\n甲').toString('base64'), /不是有效的 \.xlsx/],
    ['a sheet without the name column', 'u.csv', Buffer.from('名字,类型\n甲,部门').toString('base64'), /“单位名称”列/],
    ['an empty file', 'u.csv', '', /空/],
    [
      'too many rows',
      'u.csv',
      Buffer.from(['单位名称', ...Array.from({ length: 5001 }, (_, i) => `单位${i}`)].join('\n')).toString('base64'),
      /最多导入 5000 行/,
    ],
    ['a file over 1 MB', 'u.csv', Buffer.alloc(1_500_000, 0x41).toString('base64'), /不能超过 1 MB/],
  ])('refuses %s with a clear message', async (_label, filename, contentBase64, message) => {
    const res = await importUnits(office, { filename, contentBase64, dryRun: true });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(message);
  });

  it('writes 2000 rows in the statements of 20 rows (plus one audit chunk per 1000 rows)', async () => {
    const sheet = (n: number) => [
      ['单位名称', '类型', '上级单位'],
      ['总单位', '部门', ''],
      ...Array.from({ length: n - 1 }, (_, i) => [`下属单位${i}`, '部门', '总单位']),
    ];
    const run = async (n: number) => {
      const own = await f.tenant();
      const admin = await f.client(own, 'OFFICE_ADMIN');
      let created = 0;
      const statements = await countStatements(async () => {
        created = (
          await importUnitsOk(admin, { filename: 'big.csv', contentBase64: csv(sheet(n), 'utf8'), dryRun: false })
        ).importUnits.created;
      });
      expect(created).toBe(n);
      return { own, statements };
    };
    const small = await run(20);
    const { own, statements } = await run(2000);
    // The audit service inserts 1000 rows per statement (PostgreSQL's bind-parameter limit).
    expect(statements).toBe(small.statements + 1);
    const { rows: counted } = await t.db.query(
      `SELECT count(*)::int AS n, count(parent_id)::int AS with_parent FROM unit WHERE tenant_id = $1`,
      [own.id],
    );
    expect(counted[0]).toEqual({ n: 2000, with_parent: 1999 });
  });
});
